import type { Handover } from '@ms5/contracts';
import { formatClockRange, formatLocalDate } from '@/lib/format';

/** "Early · Tue, 10 Mar 2026 · 06:00–14:00" */
export function formatShift(
  shift: Pick<Handover['shift'], 'name' | 'date' | 'timezone'>,
  from: string,
  to: string,
): string {
  return `${shift.name} · ${formatLocalDate(shift.date)} · ${formatClockRange(from, to, shift.timezone)}`;
}
