import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/local-time';
import {
  barGeometry,
  dayTicks,
  nowPosition,
  scheduleWindow,
  shiftStartDay,
} from '@/features/schedule/utils/schedule-window';

describe('schedule window', () => {
  const now = new Date(2026, 2, 10, 15, 45); // Tuesday 10 March, 15:45 local

  it('runs from yesterday 00:00 for eight days by default', () => {
    const window = scheduleWindow(null, now);
    expect(window.startDay).toBe('2026-03-09');
    expect(window.fromMs).toBe(new Date(2026, 2, 9).getTime());
    expect(window.toMs).toBe(new Date(2026, 2, 17).getTime());
    expect(Date.parse(window.from)).toBe(window.fromMs);
    expect(Date.parse(window.to)).toBe(window.toMs);
    expect(dayTicks(window).map((tick) => tick.day)).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
      '2026-03-16',
    ]);
  });

  it('moves by a week and ignores a bad day in the address', () => {
    const window = scheduleWindow('2026-03-09', now);
    expect(shiftStartDay(window, 1)).toBe('2026-03-16');
    expect(shiftStartDay(window, -1)).toBe('2026-03-02');
    expect(scheduleWindow('2026-02-30', now).startDay).toBe('2026-03-09');
    expect(scheduleWindow('junk', now).startDay).toBe('2026-03-09');
  });

  it('places a bar by its planned start and end, clipped at the edges', () => {
    const window = scheduleWindow('2026-03-09', now);
    const span = window.toMs - window.fromMs;
    const start = addDays(new Date(window.fromMs), 1); // Tuesday 00:00
    const end = new Date(start.getTime() + span / 4);
    const bar = barGeometry(
      { plannedStart: start.toISOString(), plannedEnd: end.toISOString() },
      window,
    );
    expect(bar?.left).toBeCloseTo(((start.getTime() - window.fromMs) / span) * 100, 6);
    expect(bar?.width).toBeCloseTo(25, 6);
    expect(bar).toMatchObject({ clippedStart: false, clippedEnd: false });

    const before = new Date(window.fromMs - 3_600_000).toISOString();
    const early = barGeometry(
      { plannedStart: before, plannedEnd: new Date(window.fromMs + span / 8).toISOString() },
      window,
    );
    expect(early).toMatchObject({ left: 0, clippedStart: true, clippedEnd: false });
    expect(early?.width).toBeCloseTo(12.5, 6);

    expect(
      barGeometry(
        { plannedStart: before, plannedEnd: new Date(window.fromMs).toISOString() },
        window,
      ),
    ).toBeUndefined();
    expect(nowPosition(window, window.fromMs + span / 2)).toBeCloseTo(50, 6);
    expect(nowPosition(window, window.toMs)).toBeUndefined();
  });
});
