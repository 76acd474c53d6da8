import { describe, expect, it } from '@jest/globals';
import {
  type PlanScheduleState,
  addCalendar,
  calendarDue,
  evaluatePlan,
  meterOrigin,
} from './plan-schedule.js';

const H = 3_600_000;
const D = 24 * H;
const start = Date.UTC(2026, 0, 31, 6);
const state = (over: Partial<PlanScheduleState> = {}): PlanScheduleState => ({
  startAt: start,
  floating: false,
  leadTimeHours: 0,
  triggers: [{ kind: 'calendar', every: 7, unit: 'day' }],
  lastOccurrence: 0,
  lastDueAt: null,
  lastClosedAt: null,
  ...over,
});
const none = { runtimeHours: 0, parts: 0 };

describe('plan schedule', () => {
  it('adds months in UTC, clamping the day to the month', () => {
    expect(new Date(addCalendar(start, 1, 'month')).toISOString()).toBe('2026-02-28T06:00:00.000Z');
    expect(new Date(addCalendar(start, 3, 'month')).toISOString()).toBe('2026-04-30T06:00:00.000Z');
    expect(addCalendar(start, 2, 'week')).toBe(start + 14 * D);
  });

  it('keeps a fixed plan on its schedule and moves a floating one to the completion', () => {
    const weekly = { every: 7, unit: 'day' as const };
    expect(calendarDue(state(), weekly)).toBe(start + 7 * D);
    // Fixed: after the occurrence due on day 7 comes day 14, whenever it was completed.
    const done = { lastOccurrence: 1, lastDueAt: start + 7 * D, lastClosedAt: start + 5 * D };
    expect(calendarDue(state(done), weekly)).toBe(start + 14 * D);
    expect(calendarDue(state({ ...done, floating: true }), weekly)).toBe(start + 12 * D);
    // A floating plan waits while its work order is open.
    expect(calendarDue(state({ ...done, floating: true, lastClosedAt: null }), weekly)).toBeNull();
    expect(meterOrigin(state({ ...done, floating: true, lastClosedAt: null }))).toBeNull();
    // A monthly fixed plan after several occurrences.
    const monthly = { every: 1, unit: 'month' as const };
    expect(
      calendarDue(state({ lastOccurrence: 2, lastDueAt: addCalendar(start, 2, 'month') }), monthly),
    ).toBe(addCalendar(start, 3, 'month'));
  });

  it('creates a calendar occurrence a lead time early, and the first trigger reached wins', () => {
    const withLead = state({
      leadTimeHours: 24,
      triggers: [
        { kind: 'calendar', every: 7, unit: 'day' },
        { kind: 'runtime', everyHours: 100 },
        { kind: 'parts', everyParts: 1000 },
      ],
    });
    const early = evaluatePlan(withLead, { runtimeHours: 10, parts: 10 }, start + 5 * D);
    expect(early.dueNow).toBeNull();
    expect(early.nextDue).toEqual({
      at: new Date(start + 7 * D).toISOString(),
      runtimeHoursLeft: 90,
      partsLeft: 990,
    });
    expect(evaluatePlan(withLead, none, start + 6 * D).dueNow).toEqual({
      dueAt: start + 7 * D,
      trigger: 'calendar',
    });
    // The runtime meter within its lead (24 h of running left) comes first.
    const now = start + 2 * D;
    expect(evaluatePlan(withLead, { runtimeHours: 80, parts: 0 }, now).dueNow).toEqual({
      dueAt: now + 20 * H,
      trigger: 'runtime',
    });
    // Parts fire when reached, due at once.
    expect(evaluatePlan(withLead, { runtimeHours: 0, parts: 1000 }, now).dueNow).toEqual({
      dueAt: now,
      trigger: 'parts',
    });
  });
});
