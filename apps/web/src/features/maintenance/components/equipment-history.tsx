import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { workOrderHref } from '@/config/paths';
import { formatDateTime, formatDuration } from '@/lib/format';
import { useEquipmentAndonCalls } from '@/features/maintenance/api/get-equipment-andon-calls';
import {
  HISTORY_PAGE_SIZE,
  useEquipmentStops,
} from '@/features/maintenance/api/get-equipment-stops';
import { useMaintenanceKpis } from '@/features/maintenance/api/get-maintenance-kpis';
import { useWorkOrders } from '@/features/maintenance/api/get-work-orders';
import {
  WorkOrderPriorityBadge,
  WorkOrderStatusBadge,
} from '@/features/maintenance/components/work-order-badges';
import { useWorkOrdersRealtime } from '@/features/maintenance/hooks/use-work-orders-realtime';
import {
  type TimelineEntry,
  buildTimeline,
  kpiTiles,
} from '@/features/maintenance/utils/equipment-history';
import './maintenance.css';

const PERIODS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;

/** `[now − days, now)`, to the minute so that the query keys stay put while the page is open. */
function windowOf(days: number, now = Date.now()) {
  const to = Math.ceil(now / 60_000) * 60_000;
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

function Entry({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case 'stop': {
      const { stop } = entry;
      return (
        <li className="timeline__item timeline__item--stop" data-kind="stop">
          <span>{formatDateTime(stop.startedAt)}</span>
          <strong>Stop</strong>
          <span>
            {stop.state === 'stopped' ? 'Stopped' : 'Idle'} for{' '}
            {stop.endedAt === null ? 'now, still' : formatDuration(stop.durationSeconds)}
            {' · '}
            {stop.reasonName ?? 'no reason given'}
            {stop.microStop ? ' (micro-stop)' : ''}
          </span>
        </li>
      );
    }
    case 'andon': {
      const { call } = entry;
      return (
        <li className="timeline__item timeline__item--andon" data-kind="andon">
          <span>{formatDateTime(call.raisedAt)}</span>
          <strong>Andon call</strong>
          <span>
            {call.type} · {call.priority} · {call.status}
            {call.description !== null ? ` · ${call.description}` : ''}
            {call.workOrderId !== null ? (
              <>
                {' · '}
                <Link to={workOrderHref(call.workOrderId)}>its work order</Link>
              </>
            ) : null}
          </span>
        </li>
      );
    }
    case 'work-order': {
      const { order } = entry;
      return (
        <li className="timeline__item timeline__item--work-order" data-kind="work-order">
          <span>{formatDateTime(order.createdAt)}</span>
          <strong>Work order</strong>
          <span>
            <Link to={workOrderHref(order.id)}>
              <span className="mono">{order.number}</span> {order.title}
            </Link>{' '}
            <WorkOrderPriorityBadge priority={order.priority} />{' '}
            <WorkOrderStatusBadge status={order.status} />
          </span>
        </li>
      );
    }
  }
}

/**
 * One equipment's maintenance history for a chosen period (default 30 days): the maintenance KPIs
 * (`GET /api/maintenance/kpis?equipmentId&from&to`), each with its unit and how it is computed,
 * and one timeline, newest first, of its stops (`GET /api/downtime?equipmentId&from&to`), andon
 * calls (`GET /api/andon?equipmentId&from&to`) and work orders (`GET /api/work-orders?equipmentId`).
 */
export function EquipmentHistory({ equipmentId }: { equipmentId: string }) {
  useWorkOrdersRealtime();
  const [days, setDays] = useState<number>(30);
  const [period, setPeriod] = useState(() => windowOf(30));
  const kpis = useMaintenanceKpis({ equipmentId, ...period });
  const stops = useEquipmentStops({ equipmentId, ...period });
  const calls = useEquipmentAndonCalls({ equipmentId, ...period });
  // The work-order list takes no period: the equipment's latest, kept to those created in it.
  const orders = useWorkOrders({ equipmentId, page: 1, pageSize: HISTORY_PAGE_SIZE });
  const lists = [stops, calls, orders];
  const failed = lists.find((query) => query.isError);
  const entries = buildTimeline(
    stops.data?.items ?? [],
    calls.data?.items ?? [],
    orders.data?.items ?? [],
    period,
  );

  return (
    <div className="equipment-history maintenance">
      <div className="toolbar" role="group" aria-label="Time span">
        <SelectField
          name="period"
          label="Period"
          value={String(days)}
          options={PERIODS.map((count) => ({ value: String(count), label: `Last ${count} days` }))}
          onChange={(event) => {
            const count = Number(event.target.value);
            setDays(count);
            setPeriod(windowOf(count));
          }}
        />
      </div>
      <section aria-label="Maintenance KPIs">
        <h2>KPIs, last {days} days</h2>
        {kpis.isPending ? (
          <LoadingState label="Loading the KPIs…" />
        ) : kpis.isError ? (
          <ErrorState
            title="Could not load the KPIs"
            error={kpis.error}
            onRetry={() => void kpis.refetch()}
          />
        ) : (
          <dl className="kpi-tiles">
            {kpiTiles(kpis.data).map((tile) => (
              <div className="kpi-tile" key={tile.key} data-kpi={tile.key} title={tile.how}>
                <dt>{tile.label}</dt>
                <dd className="kpi-tile__value">{tile.value}</dd>
                <dd className="kpi-tile__how">
                  <span className="visually-hidden">How computed: </span>
                  {tile.how}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-label="History">
        <h2>Stops, andon calls and work orders</h2>
        {failed !== undefined ? (
          <ErrorState
            title="Could not load the history"
            error={failed.error}
            onRetry={() => lists.forEach((query) => void query.refetch())}
          />
        ) : lists.some((query) => query.isPending) ? (
          <LoadingState label="Loading the history…" />
        ) : entries.length === 0 ? (
          <p className="empty">Nothing happened on this equipment in the period.</p>
        ) : (
          <ol className="timeline" aria-label="Timeline">
            {entries.map((entry) => (
              <Entry key={entry.key} entry={entry} />
            ))}
          </ol>
        )}
        <p className="plan-editor__note">
          Up to {HISTORY_PAGE_SIZE} of each kind: the stops and andon calls of the period, and the
          work orders created in it among the equipment&apos;s latest {HISTORY_PAGE_SIZE}.
        </p>
      </section>
    </div>
  );
}
