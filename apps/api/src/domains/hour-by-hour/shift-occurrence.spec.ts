import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import type { LineShift } from './hour-by-hour.repository.js';
import { findOccurrence } from './shift-occurrence.js';

const line = { code: 'L1' };
const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const shift = (id: string, name: string, startTime: string, endTime: string): LineShift => ({
  id,
  name,
  startTime,
  endTime,
  timezone: 'Europe/Berlin',
  breaks: [{ startTime: '09:00', durationMinutes: 15 }],
});
const early = shift('s-early', 'Early', '06:00', '14:00');
const late = shift('s-late', 'Late', '14:00', '22:00');
const night = shift('s-night', 'Night', '22:00', '06:00');
const all = [early, late, night];

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldValidationException) return error.fieldErrors[0]?.path;
    throw error;
  }
  return undefined;
}

describe('findOccurrence', () => {
  it('picks the occurrence running now, in the shift’s own time zone', () => {
    // 2030-03-04 10:00 CET is 09:00 UTC: the early shift, 05:00–13:00 UTC, break 08:00 UTC.
    const found = findOccurrence(line, all, {}, utc('2030-03-04T09:00:00Z'));
    expect(found.shift).toEqual({
      id: 's-early',
      name: 'Early',
      date: '2030-03-04',
      timezone: 'Europe/Berlin',
    });
    expect([iso(found.start), iso(found.end)]).toEqual([
      '2030-03-04T05:00:00.000Z',
      '2030-03-04T13:00:00.000Z',
    ]);
    expect(found.breaks.map((b) => iso(b.start))).toEqual(['2030-03-04T08:00:00.000Z']);
  });

  it('gives a night shift the date it starts on, after midnight too', () => {
    // 02:00 CET on the 5th is still the night shift that began on the 4th.
    expect(findOccurrence(line, all, {}, utc('2030-03-05T01:00:00Z')).shift).toMatchObject({
      name: 'Night',
      date: '2030-03-04',
    });
  });

  it('without a running one, takes the most recent that began', () => {
    // Only the early shift: at 15:00 CET it has ended; before 06:00 it is yesterday's.
    expect(findOccurrence(line, [early], {}, utc('2030-03-04T14:00:00Z')).shift.date).toBe(
      '2030-03-04',
    );
    expect(findOccurrence(line, [early], {}, utc('2030-03-04T04:00:00Z')).shift.date).toBe(
      '2030-03-03',
    );
  });

  it('finds a named occurrence by shift and local date, past or coming', () => {
    const found = findOccurrence(
      line,
      all,
      { shiftId: 's-late', date: '2030-07-01' },
      utc('2030-03-04T09:00:00Z'),
    );
    // Summer time: 14:00 CEST is 12:00 UTC.
    expect(iso(found.start)).toBe('2030-07-01T12:00:00.000Z');
    expect(found.shift.name).toBe('Late');
  });

  it('names shiftId for another line’s shift and date for a day without the shift', () => {
    const now = utc('2030-03-04T09:00:00Z');
    expect(
      fieldOf(() => findOccurrence(line, all, { shiftId: 'elsewhere', date: '2030-03-04' }, now)),
    ).toBe('shiftId');
    // 02:00–03:00 does not exist in Berlin on the spring-forward night of 2030-03-31.
    const smallHours = shift('s-small', 'Small hours', '02:00', '03:00');
    expect(
      fieldOf(() =>
        findOccurrence(line, [smallHours], { shiftId: 's-small', date: '2030-03-31' }, now),
      ),
    ).toBe('date');
  });

  it('answers 409 for a line without shifts', () => {
    let thrown: unknown = null;
    try {
      findOccurrence(line, [], {}, utc('2030-03-04T09:00:00Z'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainException);
    expect((thrown as DomainException).getStatus()).toBe(409);
    expect((thrown as DomainException).message).toContain('L1 has no shifts');
  });
});
