import type { WorkOrderStatus, WorkOrderType } from '@ms5/contracts';

/**
 * The maintenance KPIs, framework-free (worked example in the spec beside it). Times in ms or
 * seconds as named; every ratio is null when there is nothing to divide by.
 */
export interface KpiWorkOrder {
  type: WorkOrderType;
  status: WorkOrderStatus;
  createdAt: number;
  assignedAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  dueAt: number | null;
  /** Preventive: the plan's interval (calendar, else runtime hours as clock time), for the SMRP grace. */
  intervalMs: number | null;
}

export interface KpiInput {
  from: number;
  to: number;
  workOrders: readonly KpiWorkOrder[];
  /** Labour minutes booked in the period, by the work order's type. */
  labourMinutes: Record<WorkOrderType, number>;
  /** Labour minutes booked on the work orders open now. */
  openLabourMinutes: number;
  /** From the machine stops (the OEE roll-ups): failures, run time and failure time. */
  failures: number;
  runSeconds: number;
  failureSeconds: number;
}

export interface KpiResult {
  mtbfSeconds: number | null;
  mttrSeconds: number | null;
  workOrderMttrSeconds: number | null;
  mttaSeconds: number | null;
  pmCompliance: number | null;
  plannedMaintenancePercentage: number | null;
  backlogHours: number;
  correctiveMaintenanceRatio: number | null;
  completedCorrective: number;
  assignedWorkOrders: number;
  preventiveDue: number;
  preventiveCompliant: number;
}

/** SMRP 5.4.14: the grace after the due is 10 % of the interval, at most 28 days. */
export const PM_GRACE_SHARE = 0.1;
export const PM_GRACE_CAP_MS = 28 * 24 * 3_600_000;

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? round(numerator / denominator) : null;
const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, 3);
const round = (value: number, digits = 6) => Math.round(value * 10 ** digits) / 10 ** digits;
const inPeriod = (ms: number | null, input: KpiInput): ms is number =>
  ms !== null && ms >= input.from && ms < input.to;

/**
 * - MTBF = run time ÷ failures; MTTR = failure time ÷ failures (machine stops).
 * - Work-order MTTR = mean (completed − started) of corrective orders completed in the period.
 * - MTTA = mean (first assigned − created) of orders created in the period and assigned.
 * - PM compliance = preventive orders due in the period (not cancelled) completed by
 *   due + min(10 % × interval, 28 d) ÷ those due.
 * - Planned maintenance % = (preventive + inspection labour) ÷ all maintenance labour.
 * - Backlog hours = labour hours booked on the orders open now.
 * - CMR (ISO 22400-2) = corrective time ÷ (corrective + preventive time), labour in the period.
 */
export function computeMaintenanceKpis(input: KpiInput): KpiResult {
  const repairs = input.workOrders
    .filter((o) => o.type === 'corrective' && inPeriod(o.completedAt, input))
    .map((o) => ((o.completedAt ?? 0) - (o.startedAt ?? o.createdAt)) / 1000);
  const responses = input.workOrders
    .filter((o) => inPeriod(o.createdAt, input) && o.assignedAt !== null)
    .map((o) => ((o.assignedAt ?? 0) - o.createdAt) / 1000);
  const due = input.workOrders.filter(
    (o) => o.type === 'preventive' && o.status !== 'cancelled' && inPeriod(o.dueAt, input),
  );
  const compliant = due.filter((o) => {
    const grace = Math.min(PM_GRACE_SHARE * (o.intervalMs ?? 0), PM_GRACE_CAP_MS);
    return o.completedAt !== null && o.completedAt <= (o.dueAt ?? 0) + grace;
  });
  const { corrective, preventive, inspection } = input.labourMinutes;
  return {
    mtbfSeconds: input.failures > 0 ? round(input.runSeconds / input.failures, 3) : null,
    mttrSeconds: input.failures > 0 ? round(input.failureSeconds / input.failures, 3) : null,
    workOrderMttrSeconds: mean(repairs),
    mttaSeconds: mean(responses),
    pmCompliance: ratio(compliant.length, due.length),
    plannedMaintenancePercentage: ratio(
      preventive + inspection,
      corrective + preventive + inspection,
    ),
    backlogHours: round(input.openLabourMinutes / 60, 4),
    correctiveMaintenanceRatio: ratio(corrective, corrective + preventive),
    completedCorrective: repairs.length,
    assignedWorkOrders: responses.length,
    preventiveDue: due.length,
    preventiveCompliant: compliant.length,
  };
}
