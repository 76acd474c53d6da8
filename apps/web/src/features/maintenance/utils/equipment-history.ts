import type { AndonCall, DowntimeStop, MaintenanceKpis, WorkOrderSummary } from '@ms5/contracts';
import { formatDuration, formatPercent } from '@/lib/format';

/** One entry of an equipment's history: a stop, an andon call or a work order, at its start. */
export type TimelineEntry =
  | { kind: 'stop'; key: string; at: string; stop: DowntimeStop }
  | { kind: 'andon'; key: string; at: string; call: AndonCall }
  | { kind: 'work-order'; key: string; at: string; order: WorkOrderSummary };

/**
 * The three lists merged into one, newest first (by when each began: a stop's start, a call's
 * raise, a work order's creation), keeping only what began in `[from, to)`: the work-order list
 * takes no period (it is asked for the equipment's latest), and a stop running into the period
 * from before it is the downtime list's, not the timeline's.
 */
export function buildTimeline(
  stops: readonly DowntimeStop[],
  calls: readonly AndonCall[],
  orders: readonly WorkOrderSummary[],
  window: { from: string; to: string },
): TimelineEntry[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const entries: TimelineEntry[] = [
    ...stops.map((stop): TimelineEntry => ({
      kind: 'stop',
      key: `stop-${stop.downtimeEventId ?? stop.startedAt}`,
      at: stop.startedAt,
      stop,
    })),
    ...calls.map((call): TimelineEntry => ({
      kind: 'andon',
      key: `andon-${call.id}`,
      at: call.raisedAt,
      call,
    })),
    ...orders.map((order): TimelineEntry => ({
      kind: 'work-order',
      key: `work-order-${order.id}`,
      at: order.createdAt,
      order,
    })),
  ];
  return entries
    .filter((entry) => {
      const at = Date.parse(entry.at);
      return at >= from && at < to;
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

export interface KpiTile {
  key: string;
  label: string;
  value: string;
  /** What the value is in: a duration, a percentage or hours. */
  unit: 'time' | '%' | 'h';
  how: string;
}

const duration = (seconds: number | null) => (seconds === null ? '—' : formatDuration(seconds));

/** The eight maintenance KPIs with their unit and how each is computed (docs/maintenance.md). */
export function kpiTiles(kpis: MaintenanceKpis): KpiTile[] {
  const { basis } = kpis;
  return [
    {
      key: 'mtbf',
      label: 'MTBF',
      value: duration(kpis.mtbfSeconds),
      unit: 'time',
      how: `Run time ÷ failures (machine stops): ${formatDuration(basis.runSeconds)} ÷ ${basis.failures}.`,
    },
    {
      key: 'mttr',
      label: 'MTTR',
      value: duration(kpis.mttrSeconds),
      unit: 'time',
      how: `Failure time ÷ failures (machine stops): ${formatDuration(basis.failureSeconds)} ÷ ${basis.failures}.`,
    },
    {
      key: 'wo-mttr',
      label: 'Work-order MTTR',
      value: duration(kpis.workOrderMttrSeconds),
      unit: 'time',
      how: `Mean started → completed of the ${basis.completedCorrective} corrective work orders completed in the period.`,
    },
    {
      key: 'mtta',
      label: 'MTTA',
      value: duration(kpis.mttaSeconds),
      unit: 'time',
      how: `Mean created → first assigned of the ${basis.assignedWorkOrders} work orders created in the period.`,
    },
    {
      key: 'pm-compliance',
      label: 'PM compliance',
      value: formatPercent(kpis.pmCompliance),
      unit: '%',
      how: `Preventive orders due in the period completed in time ÷ those due (SMRP 5.4.14): ${basis.preventiveCompliant} ÷ ${basis.preventiveDue}.`,
    },
    {
      key: 'planned',
      label: 'Planned maintenance',
      value: formatPercent(kpis.plannedMaintenancePercentage),
      unit: '%',
      how: `Preventive + inspection labour ÷ all maintenance labour in the period (SMRP 5.4.1): ${basis.labourMinutes.preventive + basis.labourMinutes.inspection} min ÷ ${basis.labourMinutes.corrective + basis.labourMinutes.preventive + basis.labourMinutes.inspection} min.`,
    },
    {
      key: 'backlog',
      label: 'Backlog',
      value: `${kpis.backlogHours.toFixed(1)} h`,
      unit: 'h',
      how: `Labour hours booked on the ${basis.openWorkOrders} work orders open now.`,
    },
    {
      key: 'cmr',
      label: 'Corrective ratio',
      value: formatPercent(kpis.correctiveMaintenanceRatio),
      unit: '%',
      how: `Corrective time ÷ (corrective + preventive time), labour in the period (ISO 22400 CMR): ${basis.labourMinutes.corrective} min ÷ ${basis.labourMinutes.corrective + basis.labourMinutes.preventive} min.`,
    },
  ];
}
