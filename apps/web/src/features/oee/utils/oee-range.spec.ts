import { describe, expect, it } from 'vitest';
import { bucketFor, rangeFor } from '@/features/oee/utils/oee-range';

const NOW = Date.parse('2026-03-10T10:15:30.000Z');

describe('rangeFor', () => {
  it('uses the overview window for the current shift, up to the next whole minute', () => {
    expect(
      rangeFor('shift', NOW, { from: '2026-03-10T06:00:00.000Z', to: '2026-03-10T10:15:00.000Z' }),
    ).toEqual({ from: '2026-03-10T06:00:00.000Z', to: '2026-03-10T10:16:00.000Z' });
    expect(rangeFor('shift', NOW, undefined)).toBeUndefined();
  });

  it('gives the last seven days, and hour buckets up to two days, day buckets beyond', () => {
    const week = rangeFor('week', NOW, undefined)!;
    expect(week).toEqual({ from: '2026-03-03T10:16:00.000Z', to: '2026-03-10T10:16:00.000Z' });
    expect(bucketFor(week)).toBe('day');
    expect(bucketFor(rangeFor('today', NOW, undefined)!)).toBe('hour');
  });
});
