import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MachineState, type StateEvent, buildStateTimeline } from './state-timeline.js';

const MIN = 60_000;
const ev = (
  eventId: string,
  minute: number,
  state: MachineState,
  reasonCode?: string,
): StateEvent =>
  reasonCode === undefined
    ? { eventId, ts: minute * MIN, state }
    : { eventId, ts: minute * MIN, state, reasonCode };

describe('buildStateTimeline', () => {
  const window = { start: 0, end: 100 * MIN };

  it('holds each state until the next event, unknown before the first, clipped to the window', () => {
    const timeline = buildStateTimeline(
      [
        ev('c', 50, 'stopped', 'jam'),
        ev('a', 10, 'running'),
        ev('d', 120, 'running'),
        ev('b', 40, 'running'),
      ],
      window,
    );
    expect(timeline).toEqual([
      { start: 0, end: 10 * MIN, state: 'unknown', episodeStart: 0, episodeEnd: 10 * MIN },
      // a and b are both running with no reason: one segment; its episode runs 10 → 50.
      {
        start: 10 * MIN,
        end: 50 * MIN,
        state: 'running',
        eventId: 'a',
        episodeStart: 10 * MIN,
        episodeEnd: 50 * MIN,
      },
      // The stop runs on to 120 (beyond the window): clipped at 100, episode kept whole.
      {
        start: 50 * MIN,
        end: 100 * MIN,
        state: 'stopped',
        reasonCode: 'jam',
        eventId: 'c',
        episodeStart: 50 * MIN,
        episodeEnd: 120 * MIN,
      },
    ]);
  });

  it('uses the state before the window', () => {
    const timeline = buildStateTimeline([ev('b', 30, 'idle')], window, {
      stateBefore: ev('a', -5, 'running'),
    });
    expect(timeline.map((s) => [s.state, s.start / MIN, s.end / MIN])).toEqual([
      ['running', 0, 30],
      ['idle', 30, 100],
    ]);
    // Still going on: no later event known.
    expect(timeline[1]!.episodeEnd).toBeNull();
  });

  it('keeps one episode across reason changes, splitting the segments', () => {
    const timeline = buildStateTimeline(
      [ev('a', 0, 'stopped', 'jam'), ev('b', 3, 'stopped', 'material'), ev('c', 5, 'running')],
      window,
    );
    expect(
      timeline
        .slice(0, 2)
        .map((s) => [s.reasonCode, s.start / MIN, s.end / MIN, s.episodeStart, s.episodeEnd]),
    ).toEqual([
      ['jam', 0, 3, 0, 5 * MIN],
      ['material', 3, 5, 0, 5 * MIN],
    ]);
  });

  it('resolves events at the same instant by eventId, and dedupes by eventId', () => {
    const timeline = buildStateTimeline(
      [
        ev('b', 10, 'stopped'),
        ev('a', 10, 'running'),
        ev('b', 10, 'stopped'),
        ev('a', 0, 'running'),
      ],
      window,
    );
    // 'a' at 0 → its duplicate at 10 sorts first (same id: the earlier ts is kept), so only a@0 and b@10.
    expect(timeline.map((s) => [s.state, s.start / MIN, s.end / MIN])).toEqual([
      ['running', 0, 10],
      ['stopped', 10, 100],
    ]);
    // Two different events at the same instant: the greater eventId wins.
    const tie = buildStateTimeline([ev('y', 10, 'stopped'), ev('x', 10, 'running')], window);
    expect(tie.map((s) => [s.state, s.eventId])).toEqual([
      ['unknown', undefined],
      ['stopped', 'y'],
    ]);
  });

  it('is the whole window unknown with no events', () => {
    expect(buildStateTimeline([], window)).toEqual([
      { start: 0, end: 100 * MIN, state: 'unknown', episodeStart: 0, episodeEnd: 100 * MIN },
    ]);
    expect(buildStateTimeline([ev('a', 0, 'running')], { start: 5, end: 5 })).toEqual([]);
  });

  const states: MachineState[] = ['running', 'idle', 'stopped', 'changeover', 'planned_stop'];
  const arbEvents = fc
    .array(
      fc.record({
        eventId: fc.string({ minLength: 1, maxLength: 3 }),
        ts: fc.integer({ min: -20, max: 120 }).map((m) => m * MIN),
        state: fc.constantFrom(...states),
        reasonCode: fc.option(fc.constantFrom('jam', 'material'), { nil: undefined }),
      }),
      { maxLength: 25 },
    )
    .map((list) =>
      list.map((e) =>
        e.reasonCode === undefined ? { eventId: e.eventId, ts: e.ts, state: e.state } : e,
      ),
    );

  it('is the same whatever the order and duplicates of the events (property)', () => {
    fc.assert(
      fc.property(
        arbEvents,
        fc.func(fc.integer()),
        fc.array(fc.nat(), { maxLength: 10 }),
        (events, key, dupes) => {
          const expected = buildStateTimeline(events, window);
          const shuffled = events
            .map((e, k) => ({ e, k: key(k) }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.e);
          const repeated = events.length === 0 ? [] : dupes.map((d) => events[d % events.length]!);
          expect(buildStateTimeline([...repeated, ...shuffled, ...repeated], window)).toEqual(
            expected,
          );
        },
      ),
    );
  });

  it('covers the window with ordered, non-overlapping segments (property)', () => {
    fc.assert(
      fc.property(arbEvents, (events) => {
        const timeline = buildStateTimeline(events, window);
        expect(timeline[0]!.start).toBe(window.start);
        expect(timeline[timeline.length - 1]!.end).toBe(window.end);
        for (let k = 0; k < timeline.length; k++) {
          const s = timeline[k]!;
          expect(s.end).toBeGreaterThan(s.start);
          if (k > 0) expect(s.start).toBe(timeline[k - 1]!.end);
          expect(s.episodeStart!).toBeLessThanOrEqual(s.start);
          if (s.episodeEnd !== null) expect(s.episodeEnd!).toBeGreaterThanOrEqual(s.end);
        }
      }),
    );
  });
});
