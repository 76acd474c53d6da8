import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso, toIsoWithOffset } from '@/lib/local-time';

describe('local times', () => {
  it('turns a datetime-local value into ISO 8601 with the offset of that moment', () => {
    const iso = localInputToIso('2026-07-01T06:30');
    expect(iso).toMatch(/^2026-07-01T06:30:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).toBe(new Date(2026, 6, 1, 6, 30).getTime());
    expect(isoToLocalInput(iso)).toBe('2026-07-01T06:30');
  });

  it('leaves anything else for the schema to reject', () => {
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('tomorrow')).toBe('tomorrow');
    expect(isoToLocalInput('nope')).toBe('');
  });

  it('writes the offset as ±HH:MM', () => {
    const date = new Date(2026, 0, 15, 12, 0);
    const offset = -date.getTimezoneOffset();
    const sign = offset >= 0 ? '+' : '-';
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
    expect(toIsoWithOffset(date)).toBe(`2026-01-15T12:00:00${sign}${hours}:${minutes}`);
  });
});
