import type { ChecklistTemplate } from '@ms5/contracts';

/** "Line L1", "Product P-100", or "Product P-100 on line L1". */
export function scopeText(
  template: Pick<ChecklistTemplate, 'lineCode' | 'productCode' | 'lineId' | 'productId'>,
): string {
  const line = template.lineId === null ? null : (template.lineCode ?? template.lineId);
  const product = template.productId === null ? null : (template.productCode ?? template.productId);
  if (line !== null && product !== null) return `Product ${product} on line ${line}`;
  if (line !== null) return `Line ${line}`;
  if (product !== null) return `Product ${product}`;
  return '—';
}
