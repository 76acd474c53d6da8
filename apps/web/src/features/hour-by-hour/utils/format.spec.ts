import { describe, expect, it } from 'vitest';
import { formatTopLoss, hourTone, todayIn } from '@/features/hour-by-hour/utils/format';
import { row } from '@/features/hour-by-hour/testing/hour-by-hour-fixtures';

const hour = { start: '2026-03-10T05:00:00.000Z', end: '2026-03-10T06:00:00.000Z' };

describe('hour-by-hour formatting', () => {
  it('tells short, made, unplanned, current and future hours apart', () => {
    expect(hourTone(row({ ...hour, short: true, actualGood: 10 }))).toBe('short');
    expect(hourTone(row({ ...hour, actualGood: 60 }))).toBe('made');
    expect(hourTone(row({ ...hour, target: 0, plannedSeconds: 0 }))).toBe('unplanned');
    expect(hourTone(row({ ...hour, phase: 'current', short: false }))).toBe('current');
    expect(hourTone(row({ ...hour, phase: 'future' }))).toBe('future');
  });

  it('gives the top loss only for a short hour', () => {
    const loss = { reasonCode: 'UNASSIGNED', reasonName: 'No reason given', seconds: 1500 };
    expect(formatTopLoss(row({ ...hour, short: true, topLoss: loss }))).toBe(
      'No reason given · 25 min',
    );
    expect(formatTopLoss(row({ ...hour, short: true }))).toBe('No stop recorded');
    expect(formatTopLoss(row({ ...hour, short: false, topLoss: loss }))).toBe('');
  });

  it('finds today in the shift’s zone', () => {
    // 23:30 UTC on the 10th is already the 11th in Berlin and still the 10th in New York.
    const now = Date.parse('2026-03-10T23:30:00.000Z');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-03-11');
    expect(todayIn('America/New_York', now)).toBe('2026-03-10');
  });
});
