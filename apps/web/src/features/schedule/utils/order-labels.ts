import type { ProductionOrder, ProductionOrderStep } from '@ms5/contracts';
import { ORDER_STATUS_LABELS } from '@/lib/domain-labels';

export const ORDER_STEP_LABELS: Record<ProductionOrderStep, string> = {
  release: 'Release',
  start: 'Start',
  complete: 'Complete',
  cancel: 'Cancel order',
};

/** How an order is named in lists and buttons: its reference, else its product and quantity. */
export function orderName(order: Pick<ProductionOrder, 'reference' | 'productCode'>): string {
  return order.reference ?? order.productCode;
}

const shortTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatShortTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortTime.format(date);
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatQuantity(value: number): string {
  return integer.format(value);
}

/** One line of text for an order: what a bar says to a screen reader. */
export function orderSummary(order: ProductionOrder): string {
  const reference = order.reference === null ? '' : `${order.reference} · `;
  return (
    `${reference}${order.productCode} ${order.productName} · ${formatQuantity(order.quantity)} pcs · ` +
    `${ORDER_STATUS_LABELS[order.status]} · ${formatShortTime(order.plannedStart)} – ${formatShortTime(order.plannedEnd)}`
  );
}
