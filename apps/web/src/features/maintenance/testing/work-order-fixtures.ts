import type { Paginated, WorkOrder, WorkOrderSummary } from '@ms5/contracts';

/** Test data for work orders: line L1, filler FIL-1, technician Max (the `maintenance` session). */
export const LINE_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b01';
export const OTHER_LINE_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b02';
export const EQUIPMENT_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b11';
export const OTHER_EQUIPMENT_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b12';
export const WORK_ORDER_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b21';
export const ANDON_CALL_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b31';
export const TECH_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b41';
export const OTHER_TECH_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b42';
export const PLANNER = { id: '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b51', displayName: 'Sara Shift' };

export function summary(overrides: Partial<WorkOrderSummary> = {}): WorkOrderSummary {
  return {
    id: WORK_ORDER_ID,
    number: 'WO-2026-00042',
    type: 'corrective',
    priority: 'high',
    status: 'assigned',
    equipmentId: EQUIPMENT_ID,
    equipmentCode: 'FIL-1',
    equipmentName: 'Filler 1',
    lineId: LINE_ID,
    title: 'Filler leaks oil',
    description: 'Under the main drive',
    dueAt: null,
    failureReason: null,
    cause: null,
    remedy: null,
    holdReason: null,
    cancelReason: null,
    andonCallId: null,
    downtimeEventId: null,
    planId: null,
    planOccurrence: null,
    checklistTemplateId: null,
    checklistRequired: false,
    followUpOf: null,
    assignees: [
      {
        id: TECH_ID,
        username: 'max',
        displayName: 'Max Maintenance',
        assignedAt: '2026-03-10T08:00:00.000Z',
      },
    ],
    createdAt: '2026-03-10T07:55:00.000Z',
    createdBy: PLANNER,
    assignedAt: '2026-03-10T08:00:00.000Z',
    assignedBy: PLANNER,
    startedAt: null,
    startedBy: null,
    completedAt: null,
    completedBy: null,
    cancelledAt: null,
    cancelledBy: null,
    updatedAt: '2026-03-10T08:00:00.000Z',
    ...overrides,
  };
}

export function workOrder(overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    ...summary(),
    history: [
      {
        action: 'create',
        from: null,
        to: 'open',
        at: '2026-03-10T07:55:00.000Z',
        by: PLANNER,
        reason: null,
      },
      {
        action: 'assign',
        from: 'open',
        to: 'assigned',
        at: '2026-03-10T08:00:00.000Z',
        by: PLANNER,
        reason: null,
      },
    ],
    labour: [],
    labourMinutes: 0,
    parts: [],
    andonCall: null,
    stops: [],
    downtimeSeconds: 0,
    ...overrides,
  };
}

export function page<T>(items: T[]): Paginated<T> {
  return { items, page: 1, pageSize: 50, total: items.length, totalPages: 1 };
}
