import type { ChecklistItemKind, ChecklistTemplate } from '@ms5/contracts';

/** One item as the form holds it: numbers as typed, the expected answer as yes / no. */
export interface ItemDraft {
  /** Stable React key while rows move. */
  key: number;
  /** Kept when editing, so the server keeps comparing results of the same item. */
  id?: string | undefined;
  label: string;
  kind: ChecklistItemKind;
  critical: boolean;
  expected: 'yes' | 'no';
  min: string;
  max: string;
  unit: string;
}

export interface TemplateDraft {
  name: string;
  lineId: string;
  productId: string;
  items: ItemDraft[];
}

let nextKey = 0;

export function newItemDraft(): ItemDraft {
  return {
    key: nextKey++,
    label: '',
    kind: 'yes_no',
    critical: false,
    expected: 'yes',
    min: '',
    max: '',
    unit: '',
  };
}

export function draftOf(template: ChecklistTemplate | undefined): TemplateDraft {
  if (template === undefined)
    return { name: '', lineId: '', productId: '', items: [newItemDraft()] };
  return {
    name: template.name,
    lineId: template.lineId ?? '',
    productId: template.productId ?? '',
    items: template.items.map((item) => ({
      key: nextKey++,
      id: item.id,
      label: item.label,
      kind: item.kind,
      critical: item.critical,
      expected: item.expected === false ? 'no' : 'yes',
      min: item.min === null ? '' : String(item.min),
      max: item.max === null ? '' : String(item.max),
      unit: item.unit ?? '',
    })),
  };
}

/** '' → left out; anything else → a number (NaN for text, which the schema rejects). */
function numberOrUndefined(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

/**
 * The body for `POST` / `PATCH /api/checklist-templates`: each item carries only what its kind
 * uses (expected for yes/no; min, max and unit for a number).
 */
export function templateBody(draft: TemplateDraft) {
  return {
    name: draft.name,
    lineId: draft.lineId === '' ? null : draft.lineId,
    productId: draft.productId === '' ? null : draft.productId,
    items: draft.items.map((item) => {
      const min = item.kind === 'number' ? numberOrUndefined(item.min) : undefined;
      const max = item.kind === 'number' ? numberOrUndefined(item.max) : undefined;
      const unit = item.kind === 'number' ? item.unit.trim() : '';
      return {
        ...(item.id !== undefined ? { id: item.id } : {}),
        label: item.label,
        kind: item.kind,
        critical: item.critical,
        ...(item.kind === 'yes_no' ? { expected: item.expected === 'yes' } : {}),
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(unit !== '' ? { unit } : {}),
      };
    }),
  };
}

/** Moves the item at `index` by `offset` (−1 up, +1 down); out of range leaves the list as it is. */
export function moveItem<T>(items: readonly T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}
