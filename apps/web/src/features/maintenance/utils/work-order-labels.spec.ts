import { describe, expect, it } from 'vitest';
import {
  assigneeNames,
  formatMinutes,
  isOverdue,
} from '@/features/maintenance/utils/work-order-labels';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

describe('isOverdue', () => {
  it('is true for an order still to do whose due date passed', () => {
    expect(isOverdue({ dueAt: '2026-03-10T11:59:00.000Z', status: 'open' }, NOW)).toBe(true);
    expect(isOverdue({ dueAt: '2026-03-09T00:00:00.000Z', status: 'on_hold' }, NOW)).toBe(true);
  });

  it('is false before the due date, without one, and for finished orders', () => {
    expect(isOverdue({ dueAt: '2026-03-10T12:01:00.000Z', status: 'in_progress' }, NOW)).toBe(
      false,
    );
    expect(isOverdue({ dueAt: null, status: 'assigned' }, NOW)).toBe(false);
    expect(isOverdue({ dueAt: '2026-03-01T00:00:00.000Z', status: 'completed' }, NOW)).toBe(false);
    expect(isOverdue({ dueAt: '2026-03-01T00:00:00.000Z', status: 'cancelled' }, NOW)).toBe(false);
  });
});

describe('labels', () => {
  it('names the assignees or says nobody', () => {
    expect(assigneeNames({ assignees: [] })).toBe('Unassigned');
    expect(
      assigneeNames({
        assignees: [
          { id: 'a', username: 'ann', displayName: 'Ann', assignedAt: '' },
          { id: 'b', username: 'bob', displayName: 'Bob', assignedAt: '' },
        ],
      }),
    ).toBe('Ann, Bob');
  });

  it('writes minutes as hours and minutes', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(135)).toBe('2 h 15 min');
  });
});
