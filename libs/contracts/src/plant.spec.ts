import { describe, expect, it } from 'vitest';
import { createPlannedStopSchema, createProductSchema, createShiftSchema } from './plant.js';

const lineId = '6f1c1f9e-8f7c-4a57-9d0c-2f4a3c1b5e10';

describe('plant schemas', () => {
  it('accepts the contract shift body and rejects a bad time zone or clock time', () => {
    expect(
      createShiftSchema.safeParse({
        lineId,
        name: 'Early',
        startTime: '06:00',
        endTime: '14:00',
        timezone: 'UTC',
        breaks: [{ startTime: '09:00', durationMinutes: 15 }],
      }).success,
    ).toBe(true);
    const bad = createShiftSchema.safeParse({
      lineId,
      name: 'X',
      startTime: '24:00',
      endTime: '14:00',
      timezone: 'Mars/Olympus',
    });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.error.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'startTime',
      'timezone',
    ]);
  });

  it('needs exactly one of line or equipment for a product cycle time and a planned stop', () => {
    expect(
      createProductSchema.safeParse({
        code: 'P1',
        name: 'P',
        idealCycleTimeSeconds: 2,
        cycleTimes: [{ idealCycleTimeSeconds: 1 }],
      }).success,
    ).toBe(false);
    expect(
      createPlannedStopSchema.safeParse({
        lineId,
        startsAt: '2026-11-23T10:00:00Z',
        endsAt: '2026-11-23T09:00:00Z',
        reason: 'PM',
      }).success,
    ).toBe(false);
  });
});
