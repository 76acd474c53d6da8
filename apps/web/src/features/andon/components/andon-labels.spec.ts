import { describe, expect, it } from 'vitest';
import { ageTone, formatAge } from '@/features/andon/components/andon-labels';

describe('andon ageing', () => {
  it('formats waiting time for glance distance', () => {
    expect(formatAge(5.7)).toBe('5 s');
    expect(formatAge(245)).toBe('4 min 05 s');
    expect(formatAge(3720)).toBe('1 h 02 min');
    expect(formatAge(-3)).toBe('0 s');
  });

  it('colours calls by age', () => {
    expect(ageTone(30)).toBe('fresh');
    expect(ageTone(300)).toBe('waiting');
    expect(ageTone(900)).toBe('overdue');
  });
});
