import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ShiftPattern, plannedTimeFromShifts, shiftOccurrences } from './shift-calendar.js';
import { offsetAt, wallTimeAt, wallTimeToInstant } from './time-zone.js';
import { totalLength } from './intervals.js';

const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;

const night = (timezone: string, breaks: ShiftPattern['breaks'] = []): ShiftPattern => ({
  startTime: '22:00',
  endTime: '06:00',
  timezone,
  breaks,
});

/** The one occurrence that starts on `localDate`. */
function occurrenceOn(pattern: ShiftPattern, localDate: string) {
  const day = utc(`${localDate}T12:00:00Z`);
  const found = shiftOccurrences(pattern, day - 2 * 24 * HOUR, day + 2 * 24 * HOUR).filter(
    (o) => o.localDate === localDate,
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('local time ↔ UTC', () => {
  it('knows the offsets either side of a change', () => {
    // Berlin 2025-03-30: 02:00 CET (+01:00) → 03:00 CEST (+02:00), at 01:00 UTC.
    expect(offsetAt(utc('2025-03-30T00:59:59Z'), 'Europe/Berlin')).toBe(1 * HOUR);
    expect(offsetAt(utc('2025-03-30T01:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
  });

  it("maps a time in the spring-forward gap forward ('compatible')", () => {
    // 02:30 does not exist in Berlin on 2025-03-30 → 03:30 CEST = 01:30 UTC.
    expect(iso(wallTimeToInstant(utc('2025-03-30T02:30:00Z'), 'Europe/Berlin'))).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    // 02:30 does not exist in New York on 2025-03-09 → 03:30 EDT = 07:30 UTC.
    expect(iso(wallTimeToInstant(utc('2025-03-09T02:30:00Z'), 'America/New_York'))).toBe(
      '2025-03-09T07:30:00.000Z',
    );
  });

  it("maps a repeated fall-back time to the earlier instant ('compatible')", () => {
    // 02:30 happens twice in Berlin on 2025-10-26: 02:30 CEST = 00:30 UTC first.
    expect(iso(wallTimeToInstant(utc('2025-10-26T02:30:00Z'), 'Europe/Berlin'))).toBe(
      '2025-10-26T00:30:00.000Z',
    );
    // 01:30 happens twice in New York on 2025-11-02: 01:30 EDT = 05:30 UTC first.
    expect(iso(wallTimeToInstant(utc('2025-11-02T01:30:00Z'), 'America/New_York'))).toBe(
      '2025-11-02T05:30:00.000Z',
    );
  });

  it('round-trips every instant (property)', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: utc('2000-01-01T00:00:00Z'), max: utc('2040-01-01T00:00:00Z') }),
        (zone, t) => {
          const back = wallTimeToInstant(wallTimeAt(t, zone), zone);
          // Same wall time; the earlier of two when the wall time is ambiguous.
          expect(wallTimeAt(back, zone)).toBe(wallTimeAt(t, zone));
          expect(back).toBeLessThanOrEqual(t);
          expect(t - back).toBeLessThanOrEqual(HOUR);
        },
      ),
    );
  });
});

describe('shiftOccurrences', () => {
  it('repeats every day and includes a shift already running at the window start', () => {
    const pattern: ShiftPattern = {
      ...night('UTC'),
      breaks: [{ startTime: '02:00', durationMinutes: 30 }],
    };
    const found = shiftOccurrences(
      pattern,
      utc('2025-01-15T00:00:00Z'),
      utc('2025-01-16T00:00:00Z'),
    );
    expect(found.map((o) => [o.localDate, iso(o.start), iso(o.end)])).toEqual([
      ['2025-01-14', '2025-01-14T22:00:00.000Z', '2025-01-15T06:00:00.000Z'],
      ['2025-01-15', '2025-01-15T22:00:00.000Z', '2025-01-16T06:00:00.000Z'],
    ]);
    // The 02:00 break lies after midnight, on the day after the shift's start.
    expect(found[0]!.breaks).toEqual([
      { start: utc('2025-01-15T02:00:00Z'), end: utc('2025-01-15T02:30:00Z') },
    ]);
  });

  it('returns nothing for an empty window, and only overlapping shifts', () => {
    const pattern: ShiftPattern = {
      startTime: '06:00',
      endTime: '14:00',
      timezone: 'UTC',
      breaks: [],
    };
    expect(
      shiftOccurrences(pattern, utc('2025-01-15T10:00:00Z'), utc('2025-01-15T10:00:00Z')),
    ).toEqual([]);
    // [14:00, 06:00 next day) touches two shifts but overlaps neither (half-open).
    expect(
      shiftOccurrences(pattern, utc('2025-01-15T14:00:00Z'), utc('2025-01-16T06:00:00Z')),
    ).toEqual([]);
  });

  it('honours weekdays (1 = Monday … 7 = Sunday)', () => {
    const pattern: ShiftPattern = {
      startTime: '06:00',
      endTime: '14:00',
      timezone: 'Europe/Berlin',
      breaks: [],
      days: [1, 2, 3, 4, 5],
    };
    // 2025-01-13 is a Monday; the week up to Sunday 2025-01-19.
    const found = shiftOccurrences(
      pattern,
      utc('2025-01-13T00:00:00Z'),
      utc('2025-01-20T00:00:00Z'),
    );
    expect(found.map((o) => o.localDate)).toEqual([
      '2025-01-13',
      '2025-01-14',
      '2025-01-15',
      '2025-01-16',
      '2025-01-17',
    ]);
    // 06:00 CET = 05:00 UTC in January.
    expect(iso(found[0]!.start)).toBe('2025-01-13T05:00:00.000Z');
  });

  it('rejects bad patterns', () => {
    const ok: ShiftPattern = { startTime: '06:00', endTime: '14:00', timezone: 'UTC', breaks: [] };
    expect(() => shiftOccurrences({ ...ok, startTime: '6:00' }, 0, 1)).toThrow(RangeError);
    expect(() => shiftOccurrences({ ...ok, endTime: '24:00' }, 0, 1)).toThrow(RangeError);
    expect(() => shiftOccurrences({ ...ok, timezone: 'Mars/Olympus' }, 0, 1)).toThrow(RangeError);
    expect(() => shiftOccurrences({ ...ok, days: [0] }, 0, 1)).toThrow(RangeError);
    expect(() =>
      shiftOccurrences({ ...ok, breaks: [{ startTime: '09:00', durationMinutes: -5 }] }, 0, 1),
    ).toThrow(RangeError);
  });

  describe('across DST changes', () => {
    /*
     * Worked example, Europe/Berlin, night shift 22:00–06:00 with a 30-minute break at 02:30:
     *
     * Spring forward, night of Sat 2025-03-29 → Sun 2025-03-30 (02:00 CET → 03:00 CEST):
     *   start 2025-03-29 22:00 CET  (+01:00) = 21:00 UTC
     *   end   2025-03-30 06:00 CEST (+02:00) = 04:00 UTC   → 7 h of shift, not 8
     *   break 02:30 does not exist → 03:30 CEST = 01:30 UTC, until 02:00 UTC (30 real minutes)
     *
     * Fall back, night of Sat 2025-10-25 → Sun 2025-10-26 (03:00 CEST → 02:00 CET):
     *   start 2025-10-25 22:00 CEST (+02:00) = 20:00 UTC
     *   end   2025-10-26 06:00 CET  (+01:00) = 05:00 UTC   → 9 h of shift
     *   break 02:30 happens twice → the first, 02:30 CEST = 00:30 UTC, until 01:00 UTC
     */
    const berlin = night('Europe/Berlin', [{ startTime: '02:30', durationMinutes: 30 }]);

    it('Berlin spring forward: 7 h shift, break in the gap moves forward', () => {
      const o = occurrenceOn(berlin, '2025-03-29');
      expect(iso(o.start)).toBe('2025-03-29T21:00:00.000Z');
      expect(iso(o.end)).toBe('2025-03-30T04:00:00.000Z');
      expect(o.end - o.start).toBe(7 * HOUR);
      expect(o.breaks.map((b) => [iso(b.start), iso(b.end)])).toEqual([
        ['2025-03-30T01:30:00.000Z', '2025-03-30T02:00:00.000Z'],
      ]);
    });

    it('Berlin fall back: 9 h shift, ambiguous break takes the earlier 02:30', () => {
      const o = occurrenceOn(berlin, '2025-10-25');
      expect(iso(o.start)).toBe('2025-10-25T20:00:00.000Z');
      expect(iso(o.end)).toBe('2025-10-26T05:00:00.000Z');
      expect(o.end - o.start).toBe(9 * HOUR);
      expect(o.breaks.map((b) => [iso(b.start), iso(b.end)])).toEqual([
        ['2025-10-26T00:30:00.000Z', '2025-10-26T01:00:00.000Z'],
      ]);
    });

    it('Berlin ordinary nights are 8 h', () => {
      const o = occurrenceOn(berlin, '2025-03-28');
      expect(iso(o.start)).toBe('2025-03-28T21:00:00.000Z');
      expect(o.end - o.start).toBe(8 * HOUR);
      const p = occurrenceOn(berlin, '2025-03-30');
      expect(iso(p.start)).toBe('2025-03-30T20:00:00.000Z');
      expect(p.end - p.start).toBe(8 * HOUR);
    });

    it('New York spring forward (2025-03-09) and fall back (2025-11-02)', () => {
      const ny = night('America/New_York', [{ startTime: '01:30', durationMinutes: 20 }]);
      // 22:00 EST (−05:00) = 03:00 UTC; 06:00 EDT (−04:00) = 10:00 UTC → 7 h.
      const spring = occurrenceOn(ny, '2025-03-08');
      expect([iso(spring.start), iso(spring.end)]).toEqual([
        '2025-03-09T03:00:00.000Z',
        '2025-03-09T10:00:00.000Z',
      ]);
      // 01:30 EST still exists that night (the gap is 02:00–03:00): 06:30 UTC.
      expect(iso(spring.breaks[0]!.start)).toBe('2025-03-09T06:30:00.000Z');
      // 22:00 EDT = 02:00 UTC; 06:00 EST = 11:00 UTC → 9 h.
      const fall = occurrenceOn(ny, '2025-11-01');
      expect([iso(fall.start), iso(fall.end)]).toEqual([
        '2025-11-02T02:00:00.000Z',
        '2025-11-02T11:00:00.000Z',
      ]);
      expect(fall.end - fall.start).toBe(9 * HOUR);
      // 01:30 happens twice: the first is 01:30 EDT = 05:30 UTC.
      expect(iso(fall.breaks[0]!.start)).toBe('2025-11-02T05:30:00.000Z');
    });

    it('a shift that starts inside the gap starts when the clocks resume', () => {
      const early: ShiftPattern = {
        startTime: '02:30',
        endTime: '10:30',
        timezone: 'Europe/Berlin',
        breaks: [],
      };
      const o = occurrenceOn(early, '2025-03-30');
      // 02:30 → 03:30 CEST = 01:30 UTC; 10:30 CEST = 08:30 UTC → 7 h.
      expect([iso(o.start), iso(o.end)]).toEqual([
        '2025-03-30T01:30:00.000Z',
        '2025-03-30T08:30:00.000Z',
      ]);
    });

    it('half-hour DST (Australia/Lord_Howe, 2025-04-06: 02:00 +11:00 → 01:30 +10:30)', () => {
      const o = occurrenceOn(night('Australia/Lord_Howe'), '2025-04-05');
      expect(o.end - o.start).toBe(8.5 * HOUR);
    });

    it('a day shift on a DST Sunday keeps its local clock times', () => {
      const day: ShiftPattern = {
        startTime: '06:00',
        endTime: '14:00',
        timezone: 'America/New_York',
        breaks: [],
      };
      const o = occurrenceOn(day, '2025-03-09');
      // 06:00 EDT = 10:00 UTC, 14:00 EDT = 18:00 UTC: a normal 8 h.
      expect([iso(o.start), iso(o.end)]).toEqual([
        '2025-03-09T10:00:00.000Z',
        '2025-03-09T18:00:00.000Z',
      ]);
    });
  });
});

describe('plannedTimeFromShifts', () => {
  it('unions shifts and their breaks inside the window', () => {
    const early: ShiftPattern = {
      startTime: '06:00',
      endTime: '14:00',
      timezone: 'UTC',
      breaks: [{ startTime: '09:00', durationMinutes: 15 }],
    };
    const late: ShiftPattern = {
      startTime: '13:30', // overlaps the early shift by 30 min (handover)
      endTime: '22:00',
      timezone: 'UTC',
      breaks: [{ startTime: '18:00', durationMinutes: 30 }],
    };
    const window = { start: utc('2025-01-15T08:00:00Z'), end: utc('2025-01-15T20:00:00Z') };
    const planned = plannedTimeFromShifts([early, late], window);
    // 08:00–20:00 is all shift time (06:00–22:00 merged): 12 h, counted once despite the overlap.
    expect(planned.plannedOperation).toEqual([window]);
    // Breaks 09:00–09:15 and 18:00–18:30: 45 min.
    expect(totalLength(planned.plannedDowntime)).toBe(45 * 60_000);
  });
});
