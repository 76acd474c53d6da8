import { describe, expect, it } from 'vitest';
import {
  formatClockRange,
  formatDuration,
  formatLocalDate,
  formatPercent,
  formatSigned,
  gapTone,
} from '@/lib/format';

describe('formatDuration', () => {
  it('shows seconds under a minute', () => {
    expect(formatDuration(45.7)).toBe('45 s');
  });

  it('shows days, hours and minutes, leaving out empty parts', () => {
    expect(formatDuration(93_784)).toBe('1 d 2 h 3 min');
    expect(formatDuration(7_200)).toBe('2 h');
    expect(formatDuration(60)).toBe('1 min');
  });
});

describe('shift formatting', () => {
  const hour = { start: '2026-03-10T05:00:00.000Z', end: '2026-03-10T06:00:00.000Z' };

  it('writes hours on the wall clock of the shift’s zone, half-hour zones included', () => {
    expect(formatClockRange(hour.start, hour.end, 'Europe/Berlin')).toBe('06:00–07:00');
    expect(formatClockRange(hour.start, hour.end, 'Asia/Kolkata')).toBe('10:30–11:30');
    expect(formatClockRange('2026-03-10T22:00:00.000Z', '2026-03-10T23:00:00.000Z', 'UTC')).toBe(
      '22:00–23:00',
    );
    expect(formatClockRange('2026-03-10T23:00:00.000Z', '2026-03-11T00:00:00.000Z', 'UTC')).toBe(
      '23:00–00:00',
    );
  });

  it('signs gaps and tones them', () => {
    expect([formatSigned(5), formatSigned(-3), formatSigned(0)]).toEqual(['+5', '-3', '0']);
    expect([gapTone(5), gapTone(-3), gapTone(0)]).toEqual(['ahead', 'behind', 'even']);
  });

  it('writes a calendar date the same in every zone, and percentages to a tenth', () => {
    expect(formatLocalDate('2026-03-10')).toBe('Tue, 10 Mar 2026');
    expect(formatLocalDate('not a date')).toBe('not a date');
    expect([formatPercent(0.8881), formatPercent(null), formatPercent(undefined)]).toEqual([
      '88.8 %',
      '—',
      '—',
    ]);
  });
});
