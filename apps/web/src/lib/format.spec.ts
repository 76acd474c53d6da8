import { describe, expect, it } from 'vitest';
import { formatDuration } from '@/lib/format';

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
