import { describe, expect, it } from 'vitest';
import { reliability } from './reliability.js';
import { buildStateTimeline, type StateEvent } from './state-timeline.js';

const MIN = 60_000;

describe('reliability', () => {
  it('counts failures in planned busy time only and derives MTBF / MTTR', () => {
    /*
     * Window 0–480 min, all planned, a break 240–270 min; threshold 5 min.
     *   0 running
     *   60 stopped → 80 running      failure 1: 20 min
     *   100 stopped → 102 running    2 min: micro-stop, not a failure
     *   150 idle → 170 running       idle: down time but not a failure
     *   250 stopped → 260 running    in the break: not planned busy time, no failure
     *   300 stopped → 340 running    failure 2: 40 min
     * APT = 480 − 30 (break) − 20 − 2 − 20 − 40 = 368 min = 22,080 s
     * MTBF = 22,080 / 2 = 11,040 s; MTTR = (1,200 + 2,400) / 2 = 1,800 s
     */
    const events: StateEvent[] = [
      [0, 'running'],
      [60, 'stopped'],
      [80, 'running'],
      [100, 'stopped'],
      [102, 'running'],
      [150, 'idle'],
      [170, 'running'],
      [250, 'stopped'],
      [260, 'running'],
      [300, 'stopped'],
      [340, 'running'],
    ].map(([m, s], k) => ({
      eventId: `e${k}`,
      ts: (m as number) * MIN,
      state: s as StateEvent['state'],
    }));
    const window = { start: 0, end: 480 * MIN };
    const r = reliability({
      window,
      plannedOperation: [window],
      plannedDowntime: [{ start: 240 * MIN, end: 270 * MIN }],
      timeline: buildStateTimeline(events, window),
      microStopThresholdSeconds: 300,
    });
    expect(r).toEqual({
      failures: 2,
      failureSeconds: 3_600,
      runSeconds: 22_080,
      mtbfSeconds: 11_040,
      mttrSeconds: 1_800,
    });
  });

  it('gives null without failures', () => {
    const window = { start: 0, end: 60 * MIN };
    const r = reliability({
      window,
      plannedOperation: [window],
      plannedDowntime: [],
      timeline: buildStateTimeline([{ eventId: 'a', ts: 0, state: 'running' }], window),
      microStopThresholdSeconds: 300,
    });
    expect(r.mtbfSeconds).toBeNull();
    expect(r.mttrSeconds).toBeNull();
    expect(r.runSeconds).toBe(3_600);
  });
});
