import { describe, expect, it } from '@jest/globals';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '@ms5/contracts';
import {
  type WorkOrderStep,
  allowedSteps,
  labourMinutes,
  transition,
} from './work-order-lifecycle.js';

const to = (from: WorkOrderStatus, step: WorkOrderStep) => {
  const result = transition(from, step);
  return result.ok ? result.to : null;
};

describe('work-order status machine', () => {
  it('walks open → assigned → in_progress ⇄ on_hold → completed', () => {
    expect(to('open', 'assign')).toBe('assigned');
    expect(to('assigned', 'start')).toBe('in_progress');
    expect(to('in_progress', 'hold')).toBe('on_hold');
    expect(to('on_hold', 'resume')).toBe('in_progress');
    expect(to('in_progress', 'complete')).toBe('completed');
  });

  it('starts straight from open, and reassigning keeps a started order where it is', () => {
    expect(to('open', 'start')).toBe('in_progress');
    expect(to('assigned', 'assign')).toBe('assigned');
    expect(to('in_progress', 'assign')).toBe('in_progress');
    expect(to('on_hold', 'assign')).toBe('on_hold');
  });

  it('cancels from any status but completed (and cancelled)', () => {
    const cancellable = WORK_ORDER_STATUSES.filter((status) => to(status, 'cancel') !== null);
    expect(cancellable).toEqual(['open', 'assigned', 'in_progress', 'on_hold']);
    expect(cancellable.every((status) => to(status, 'cancel') === 'cancelled')).toBe(true);
  });

  it('refuses the steps that make no sense, saying why', () => {
    expect(transition('open', 'complete')).toEqual({
      ok: false,
      message: 'Start the work order before completing it',
    });
    expect(transition('on_hold', 'complete')).toMatchObject({
      ok: false,
      message: expect.stringContaining('resume it'),
    });
    expect(transition('in_progress', 'start')).toMatchObject({ ok: false });
    expect(transition('assigned', 'hold')).toMatchObject({ ok: false });
    expect(transition('in_progress', 'resume')).toMatchObject({ ok: false });
    expect(transition('completed', 'cancel')).toMatchObject({
      ok: false,
      message: expect.stringContaining('completed'),
    });
    for (const step of ['assign', 'start', 'hold', 'resume', 'complete', 'cancel'] as const) {
      expect(transition('completed', step).ok).toBe(false);
      expect(transition('cancelled', step).ok).toBe(false);
    }
  });

  it('lists what each status allows', () => {
    expect(allowedSteps('open')).toEqual(['assign', 'start', 'cancel']);
    expect(allowedSteps('in_progress')).toEqual(['assign', 'hold', 'complete', 'cancel']);
    expect(allowedSteps('on_hold')).toEqual(['assign', 'resume', 'cancel']);
    expect(allowedSteps('completed')).toEqual([]);
  });
});

describe('labour minutes', () => {
  const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);

  it('is nothing without entries, and the sum of entries that do not overlap', () => {
    expect(labourMinutes([])).toBe(0);
    expect(
      labourMinutes([
        { userId: 'ann', startedAt: at('08:00'), minutes: 30 },
        { userId: 'ann', startedAt: at('09:00'), minutes: 45 },
      ]),
    ).toBe(75);
  });

  it("counts one person's overlapping entries once", () => {
    // 08:00–09:00, 08:30–09:15 and 09:15–09:30 (touching) make 08:00–09:30; 10:00–10:10 apart.
    expect(
      labourMinutes([
        { userId: 'ann', startedAt: at('08:30'), minutes: 45 },
        { userId: 'ann', startedAt: at('08:00'), minutes: 60 },
        { userId: 'ann', startedAt: at('09:15'), minutes: 15 },
        { userId: 'ann', startedAt: at('10:00'), minutes: 10 },
      ]),
    ).toBe(100);
    // An entry inside another adds nothing.
    expect(
      labourMinutes([
        { userId: 'ann', startedAt: at('08:00'), minutes: 120 },
        { userId: 'ann', startedAt: at('08:30'), minutes: 15 },
      ]),
    ).toBe(120);
  });

  it('counts two people in the same hour twice', () => {
    expect(
      labourMinutes([
        { userId: 'ann', startedAt: at('08:00'), minutes: 60 },
        { userId: 'bob', startedAt: at('08:00'), minutes: 60 },
        { userId: 'bob', startedAt: at('08:30'), minutes: 60 },
      ]),
    ).toBe(150);
  });
});
