import { type Interval, type ShiftPattern, shiftOccurrences } from '@ms5/oee';
import { DomainException } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import type { LineShift } from './hour-by-hour.repository.js';

const DAY_MS = 86_400_000;
/** How far back the latest occurrence that began is looked for. */
const LOOKBACK_DAYS = 8;

/** One occurrence of one of the line's shifts. */
export interface LineShiftOccurrence extends Interval {
  shift: { id: string; name: string; date: string; timezone: string };
  /** Its breaks, clipped to it. */
  breaks: Interval[];
}

const patternOf = (shift: LineShift): ShiftPattern => ({
  startTime: shift.startTime,
  endTime: shift.endTime,
  timezone: shift.timezone,
  breaks: shift.breaks,
});

/**
 * Which occurrence a query without `shiftId` and `date` means. `running`: the one running at
 * `now`, else the most recent one that began (the board). `ending`: of those that began, the one
 * whose end is nearest to `now` — the shift being handed over, so at 14:05 the shift that ended at
 * 14:00 rather than the one that began five minutes ago, and at 13:30 the one ending at 14:00.
 */
export type OccurrenceDefault = 'running' | 'ending';

/**
 * The occurrence a query asks for: `shiftId` + `date` (the local date it starts on), or — both
 * left out — the default chosen by `prefer`. 400 naming `shiftId` for a shift that is not the
 * line's, `date` for a date on which the shift does not occur; 409 when the line has no shift (or
 * none began lately).
 */
export function findOccurrence(
  line: { code: string },
  shifts: readonly LineShift[],
  query: { shiftId?: string; date?: string },
  now: number,
  prefer: OccurrenceDefault = 'running',
): LineShiftOccurrence {
  if (query.shiftId !== undefined && query.date !== undefined) {
    const shift = shifts.find((s) => s.id === query.shiftId);
    if (!shift) {
      throw new FieldValidationException([
        { path: 'shiftId', message: `Not a shift of line ${line.code}` },
      ]);
    }
    const midnight = Date.parse(`${query.date}T00:00:00Z`);
    const found = shiftOccurrences(patternOf(shift), midnight - 2 * DAY_MS, midnight + 3 * DAY_MS)
      .filter((o) => o.localDate === query.date)
      .at(0);
    if (!found) {
      throw new FieldValidationException([
        { path: 'date', message: `Shift ${shift.name} does not occur on ${query.date}` },
      ]);
    }
    return toOccurrence(shift, found);
  }
  if (shifts.length === 0) {
    throw new DomainException(
      'CONFLICT',
      `Line ${line.code} has no shifts: add one in the configuration to plan its hours`,
    );
  }
  const began = shifts
    .flatMap((shift) =>
      shiftOccurrences(patternOf(shift), now - LOOKBACK_DAYS * DAY_MS, now + 1).map((o) =>
        toOccurrence(shift, o),
      ),
    )
    .filter((o) => o.start <= now);
  const running = began.filter((o) => o.end > now);
  const latest =
    prefer === 'ending'
      ? [...began].sort(
          (a, b) =>
            Math.abs(a.end - now) - Math.abs(b.end - now) ||
            a.end - b.end ||
            a.shift.name.localeCompare(b.shift.name),
        )[0]
      : (running.length > 0 ? running : began).sort(
          (a, b) => b.start - a.start || b.end - a.end || a.shift.name.localeCompare(b.shift.name),
        )[0];
  if (!latest) {
    throw new DomainException(
      'CONFLICT',
      `No shift of line ${line.code} began in the last ${LOOKBACK_DAYS} days`,
    );
  }
  return latest;
}

function toOccurrence(
  shift: LineShift,
  occurrence: ReturnType<typeof shiftOccurrences>[number],
): LineShiftOccurrence {
  return {
    start: occurrence.start,
    end: occurrence.end,
    breaks: occurrence.breaks,
    shift: {
      id: shift.id,
      name: shift.name,
      date: occurrence.localDate,
      timezone: shift.timezone,
    },
  };
}
