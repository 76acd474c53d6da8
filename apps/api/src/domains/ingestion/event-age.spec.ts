import { describe, expect, it } from '@jest/globals';
import type { MachineEventInput } from '@ms5/contracts';
import { oldestAllowedMs, tooOldIssues } from './event-age.js';

const DAY = 86_400_000;
const equipmentId = '6f1c1f9e-8f7c-4a57-9d0c-2f4a3c1b5e10';
const now = new Date('2026-12-07T12:00:00.000Z');
const state = (ts: string): MachineEventInput => ({
  eventId: ts,
  equipmentId,
  ts,
  type: 'state',
  state: 'running',
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('oldestAllowedMs', () => {
  it('is N days before now for equipment created before now', () => {
    expect(oldestAllowedMs(now, new Date('2020-01-01T00:00:00Z'), 400)).toBe(
      now.getTime() - 400 * DAY,
    );
  });

  it('is N days before the equipment was created when that is later than now (a clock behind)', () => {
    const createdAt = new Date(now.getTime() + 30 * DAY);
    expect(oldestAllowedMs(now, createdAt, 400)).toBe(createdAt.getTime() - 400 * DAY);
  });
});

describe('tooOldIssues', () => {
  const createdAt = new Date('2026-01-01T00:00:00Z');
  const issuesOf = (events: MachineEventInput[], days = 400) =>
    tooOldIssues(events, (id) => (id === equipmentId ? createdAt : undefined), now, days);

  it('names events.i.ts of each event older than allowed, and accepts one exactly at the bound', () => {
    const bound = now.getTime() - 400 * DAY;
    const issues = issuesOf([
      state(iso(bound)),
      state(iso(bound - 1)),
      state('0001-01-01T00:00:00Z'),
      state('1970-01-01T00:00:00Z'),
      state(iso(now.getTime() - 90 * DAY)), // a 90-day backfill
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      'events.1.ts',
      'events.2.ts',
      'events.3.ts',
    ]);
    expect(issues[0]?.message).toContain('older than 400 days');
  });

  it('compares instants whatever the offset', () => {
    const bound = now.getTime() - 10 * DAY;
    // The bound written in UTC+02:00 is the bound; a millisecond before it is too old.
    const atBound = new Date(bound + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    const justBefore = new Date(bound - 1 + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    expect(issuesOf([state(atBound), state(justBefore)], 10).map((i) => i.path)).toEqual([
      'events.1.ts',
    ]);
  });

  it('leaves unknown equipment to its own check', () => {
    expect(tooOldIssues([state('1970-01-01T00:00:00Z')], () => undefined, now, 400)).toEqual([]);
  });
});
