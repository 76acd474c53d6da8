import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './errors.js';
import { backfillSimulatorSchema, startSimulatorSchema } from './simulator.js';

describe('startSimulatorSchema', () => {
  it('accepts an empty body and a full one', () => {
    expect(startSimulatorSchema.parse({})).toEqual({});
    expect(
      startSimulatorSchema.parse({
        seed: 42,
        speed: 60,
        lineIds: ['6f1c1f9e-8f7c-4a57-9d0c-2f4a3c1b5e10'],
      }),
    ).toEqual({ seed: 42, speed: 60, lineIds: ['6f1c1f9e-8f7c-4a57-9d0c-2f4a3c1b5e10'] });
  });

  it('names each bad field and rejects unknown properties', () => {
    const result = startSimulatorSchema.safeParse({
      seed: -1,
      speed: 0,
      lineIds: ['x'],
      extra: true,
    });
    expect(result.success).toBe(false);
    const paths = toFieldErrors(result.error?.issues ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['seed', 'speed', 'lineIds.0']));
    expect(paths.some((path) => path === '' || path === 'extra')).toBe(true);
  });
});

describe('backfillSimulatorSchema', () => {
  it('needs whole days within the limit', () => {
    expect(backfillSimulatorSchema.safeParse({ days: 30 }).success).toBe(true);
    expect(backfillSimulatorSchema.safeParse({ days: 0 }).success).toBe(false);
    expect(backfillSimulatorSchema.safeParse({ days: 1.5 }).success).toBe(false);
    expect(backfillSimulatorSchema.safeParse({ days: 91 }).success).toBe(false);
    expect(backfillSimulatorSchema.safeParse({}).success).toBe(false);
  });
});
