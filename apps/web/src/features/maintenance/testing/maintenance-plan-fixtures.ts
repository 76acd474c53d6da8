import type {
  AndonCall,
  DowntimeStop,
  MaintenanceKpis,
  MaintenanceOverview,
  MaintenancePlan,
} from '@ms5/contracts';
import {
  ANDON_CALL_ID,
  EQUIPMENT_ID,
  LINE_ID,
  PLANNER,
  WORK_ORDER_ID,
} from '@/features/maintenance/testing/work-order-fixtures';

/** Test data for plans, KPIs and the overview, on the work-order fixtures' line L1 and filler FIL-1. */
export const PLAN_ID = '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7b61';

export function plan(overrides: Partial<MaintenancePlan> = {}): MaintenancePlan {
  return {
    id: PLAN_ID,
    equipmentId: EQUIPMENT_ID,
    equipmentCode: 'FIL-1',
    equipmentName: 'Filler 1',
    lineId: LINE_ID,
    title: 'Lubricate the chain',
    description: null,
    priority: 'medium',
    startAt: '2026-03-01T06:00:00.000Z',
    floating: false,
    leadTimeHours: 0,
    active: true,
    triggers: [
      { kind: 'calendar', every: 2, unit: 'week' },
      { kind: 'runtime', everyHours: 8 },
    ],
    occurrences: 1,
    lastDueAt: '2026-03-15T06:00:00.000Z',
    meterOriginAt: '2026-03-15T06:00:00.000Z',
    openWorkOrderId: null,
    nextDue: { at: '2026-03-29T06:00:00.000Z', runtimeHoursLeft: 2.5 },
    meters: { runtimeHours: 5.5, parts: 1200 },
    createdAt: '2026-03-01T06:00:00.000Z',
    createdBy: PLANNER,
    updatedAt: '2026-03-01T06:00:00.000Z',
    ...overrides,
  };
}

export function kpis(overrides: Partial<MaintenanceKpis> = {}): MaintenanceKpis {
  return {
    equipmentId: EQUIPMENT_ID,
    lineId: null,
    from: '2026-02-09T00:00:00.000Z',
    to: '2026-03-11T00:00:00.000Z',
    mtbfSeconds: 7200,
    mttrSeconds: 600,
    workOrderMttrSeconds: 5400,
    mttaSeconds: 300,
    pmCompliance: 0.75,
    plannedMaintenancePercentage: 0.6,
    backlogHours: 3.5,
    correctiveMaintenanceRatio: 0.4,
    basis: {
      failures: 4,
      runSeconds: 28_800,
      failureSeconds: 2400,
      completedCorrective: 2,
      assignedWorkOrders: 3,
      preventiveDue: 4,
      preventiveCompliant: 3,
      labourMinutes: { corrective: 120, preventive: 150, inspection: 30 },
      openWorkOrders: 2,
    },
    ...overrides,
  };
}

export function stop(overrides: Partial<DowntimeStop> = {}): DowntimeStop {
  return {
    downtimeEventId: '4711',
    equipmentId: EQUIPMENT_ID,
    equipmentCode: 'FIL-1',
    lineId: LINE_ID,
    state: 'stopped',
    startedAt: '2026-03-10T07:40:00.000Z',
    endedAt: '2026-03-10T07:52:00.000Z',
    durationSeconds: 720,
    microStop: false,
    reasonCode: 'JAM',
    reasonName: 'Jam',
    reasonSource: 'operator',
    assignedBy: null,
    assignedAt: null,
    comment: null,
    ...overrides,
  };
}

export function andonCall(overrides: Partial<AndonCall> = {}): AndonCall {
  return {
    id: ANDON_CALL_ID,
    equipmentId: EQUIPMENT_ID,
    equipmentCode: 'FIL-1',
    equipmentName: 'Filler 1',
    lineId: LINE_ID,
    type: 'maintenance',
    priority: 'high',
    status: 'resolved',
    description: 'Oil on the floor',
    resolution: null,
    raisedAt: '2026-03-10T07:45:00.000Z',
    raisedBy: PLANNER,
    acknowledgedAt: '2026-03-10T07:47:00.000Z',
    acknowledgedBy: PLANNER,
    resolvedAt: '2026-03-10T09:00:00.000Z',
    resolvedBy: PLANNER,
    escalationLevel: 0,
    escalatedAt: null,
    responseSeconds: 120,
    resolutionSeconds: 4500,
    downtimeEventId: null,
    workOrderId: WORK_ORDER_ID,
    ...overrides,
  };
}

export function overview(overrides: Partial<MaintenanceOverview> = {}): MaintenanceOverview {
  return {
    at: '2026-03-10T08:00:00.000Z',
    openWorkOrders: 7,
    overdueWorkOrders: 2,
    dueInSevenDays: 3,
    mtbfSeconds: 7200,
    mttrSeconds: 600,
    worstEquipment: [
      {
        equipmentId: EQUIPMENT_ID,
        equipmentCode: 'FIL-1',
        equipmentName: 'Filler 1',
        lineId: LINE_ID,
        unplannedStopSeconds: 5400,
        openWorkOrders: [
          {
            id: WORK_ORDER_ID,
            number: 'WO-2026-00042',
            type: 'corrective',
            priority: 'high',
            status: 'assigned',
            title: 'Filler leaks oil',
            dueAt: null,
          },
        ],
      },
    ],
    ...overrides,
  };
}
