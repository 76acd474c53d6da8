import type { ChecklistItem, ChecklistItemInput, FieldError } from '@ms5/contracts';

export type NormalizedItems =
  { ok: true; items: ChecklistItem[] } | { ok: false; fieldErrors: FieldError[] };

/**
 * A template's items as stored: every field present (`null` when it does not apply), a yes/no
 * item expecting yes unless told otherwise. New items get a new id; on an edit (`current` given)
 * an item that names one of the template's ids keeps it, so that runs of both versions stay
 * comparable. On a new template given ids are ignored.
 */
export function normalizeItems(
  inputs: readonly ChecklistItemInput[],
  current: readonly ChecklistItem[] | null,
  newId: () => string,
): NormalizedItems {
  const known = new Set((current ?? []).map((item) => item.id));
  const seen = new Set<string>();
  const fieldErrors: FieldError[] = [];
  const items = inputs.map((input, index): ChecklistItem => {
    let kept: string | null = null;
    if (current !== null && input.id !== undefined) {
      if (!known.has(input.id)) {
        fieldErrors.push({ path: `items.${index}.id`, message: 'Not an item of this template' });
      } else if (seen.has(input.id)) {
        fieldErrors.push({ path: `items.${index}.id`, message: 'Given more than once' });
      } else {
        kept = input.id;
      }
      seen.add(input.id);
    }
    return {
      id: kept ?? newId(),
      label: input.label,
      kind: input.kind,
      critical: input.critical,
      expected: input.kind === 'yes_no' ? (input.expected ?? true) : null,
      min: input.kind === 'number' ? (input.min ?? null) : null,
      max: input.kind === 'number' ? (input.max ?? null) : null,
      unit: input.unit ? input.unit : null,
    };
  });
  return fieldErrors.length > 0 ? { ok: false, fieldErrors } : { ok: true, items };
}

/** Same items, same order, same rules: no new version is needed. */
export function sameItems(a: readonly ChecklistItem[], b: readonly ChecklistItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        item.id === other.id &&
        item.label === other.label &&
        item.kind === other.kind &&
        item.critical === other.critical &&
        item.expected === other.expected &&
        item.min === other.min &&
        item.max === other.max &&
        item.unit === other.unit
      );
    })
  );
}
