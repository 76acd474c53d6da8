import type { Equipment, Line } from '@ms5/contracts';

/** Pickers that take a line or an equipment: `line:<id>` or `equipment:<id>`. */
export function targetOptions(lines: readonly Line[], equipment: readonly Equipment[]) {
  return [
    { value: '', label: 'Choose a line or equipment' },
    ...lines.map((line) => ({
      value: `line:${line.id}`,
      label: `Line ${line.code} · ${line.name}`,
    })),
    ...equipment.map((item) => ({
      value: `equipment:${item.id}`,
      label: `Equipment ${item.code} · ${item.name}`,
    })),
  ];
}

export function targetValue(
  lineId: string | null | undefined,
  equipmentId: string | null | undefined,
) {
  if (lineId) return `line:${lineId}`;
  if (equipmentId) return `equipment:${equipmentId}`;
  return '';
}

/** `line:<id>` → `{ lineId }`; `equipment:<id>` → `{ equipmentId }`; '' → `{ lineId: '' }` (rejected). */
export function fromTarget(value: string): { lineId?: string; equipmentId?: string } {
  if (value.startsWith('equipment:')) return { equipmentId: value.slice('equipment:'.length) };
  if (value.startsWith('line:')) return { lineId: value.slice('line:'.length) };
  return {};
}
