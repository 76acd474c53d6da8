import { describe, expect, it } from '@jest/globals';
import { type KpiWorkOrder, computeMaintenanceKpis } from './maintenance-kpis.js';

const H = 3_600_000;
const D = 24 * H;
const from = Date.UTC(2026, 0, 1);
const to = from + 30 * D;
const order = (o: Partial<KpiWorkOrder>): KpiWorkOrder => ({
  type: 'corrective',
  status: 'completed',
  createdAt: from + D,
  assignedAt: null,
  startedAt: null,
  completedAt: null,
  dueAt: null,
  intervalMs: null,
  ...o,
});

/**
 * A month worked by hand. Stops: 4 failures in 360 h of running, 8 h down → MTBF 90 h, MTTR 2 h.
 * Corrective orders: repaired in 1 h and 3 h → work-order MTTR 2 h. Assigned 10 and 30 minutes
 * after creation → MTTA 20 min. Preventive, due in the month: A (interval 10 d, grace 1 d) done
 * 20 h late → compliant; B (interval 400 d, grace capped at 28 d) done 27 d late → compliant;
 * C (interval 10 d) done 2 d late → not; D never done → not; E cancelled → not counted; F due
 * after the month → not counted. 2 of 4 = 0.5. Labour: corrective 300 min, preventive 200,
 * inspection 100 → planned 300 / 600 = 0.5; CMR 300 / 500 = 0.6. Open orders carry 90 minutes.
 */
describe('computeMaintenanceKpis', () => {
  it('works the hand example', () => {
    const result = computeMaintenanceKpis({
      from,
      to,
      failures: 4,
      runSeconds: 360 * 3600,
      failureSeconds: 8 * 3600,
      labourMinutes: { corrective: 300, preventive: 200, inspection: 100 },
      openLabourMinutes: 90,
      workOrders: [
        order({
          startedAt: from + 2 * D,
          completedAt: from + 2 * D + H,
          assignedAt: from + D + 10 * 60_000,
        }),
        order({
          startedAt: from + 3 * D,
          completedAt: from + 3 * D + 3 * H,
          assignedAt: from + D + 30 * 60_000,
        }),
        order({
          type: 'preventive',
          dueAt: from + 5 * D,
          completedAt: from + 5 * D + 20 * H,
          intervalMs: 10 * D,
        }),
        order({
          type: 'preventive',
          dueAt: from + 2 * D,
          completedAt: from + 29 * D,
          intervalMs: 400 * D,
        }),
        order({
          type: 'preventive',
          dueAt: from + 6 * D,
          completedAt: from + 8 * D,
          intervalMs: 10 * D,
        }),
        order({ type: 'preventive', status: 'open', dueAt: from + 7 * D, intervalMs: 10 * D }),
        order({ type: 'preventive', status: 'cancelled', dueAt: from + 7 * D, intervalMs: 10 * D }),
        order({ type: 'preventive', dueAt: to + D, completedAt: to + D, intervalMs: 10 * D }),
      ],
    });
    expect(result).toEqual({
      mtbfSeconds: 90 * 3600,
      mttrSeconds: 2 * 3600,
      workOrderMttrSeconds: 2 * 3600,
      mttaSeconds: 20 * 60,
      pmCompliance: 0.5,
      plannedMaintenancePercentage: 0.5,
      backlogHours: 1.5,
      correctiveMaintenanceRatio: 0.6,
      completedCorrective: 2,
      assignedWorkOrders: 2,
      preventiveDue: 4,
      preventiveCompliant: 2,
    });
  });

  it('answers null where there is nothing to divide by', () => {
    const result = computeMaintenanceKpis({
      from,
      to,
      failures: 0,
      runSeconds: 100,
      failureSeconds: 0,
      labourMinutes: { corrective: 0, preventive: 0, inspection: 0 },
      openLabourMinutes: 0,
      workOrders: [],
    });
    expect(result).toMatchObject({
      mtbfSeconds: null,
      mttrSeconds: null,
      workOrderMttrSeconds: null,
      mttaSeconds: null,
      pmCompliance: null,
      plannedMaintenancePercentage: null,
      backlogHours: 0,
      correctiveMaintenanceRatio: null,
    });
  });
});
