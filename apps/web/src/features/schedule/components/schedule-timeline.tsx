import { PRODUCTION_ORDER_STATUSES, type ProductionOrder } from '@ms5/contracts';
import type { NamedOption } from '@/features/schedule/components/order-form';
import { ORDER_STATUS_LABELS } from '@/lib/domain-labels';
import { formatQuantity, orderName, orderSummary } from '@/features/schedule/utils/order-labels';
import {
  type ScheduleWindow,
  barGeometry,
  dayTicks,
  nowPosition,
} from '@/features/schedule/utils/schedule-window';
import './schedule.css';

interface ScheduleTimelineProps {
  lines: readonly NamedOption[];
  orders: readonly ProductionOrder[];
  range: ScheduleWindow;
  now: number;
  selectedId?: string | undefined;
  onSelect: (order: ProductionOrder) => void;
}

interface LineRow {
  id: string;
  code: string;
  name: string;
  orders: ProductionOrder[];
}

/** Every line gets a row, also without orders; orders of lines not in the list get their own. */
function rowsOf(lines: readonly NamedOption[], orders: readonly ProductionOrder[]): LineRow[] {
  const rows = new Map<string, LineRow>();
  for (const line of lines) rows.set(line.id, { ...line, orders: [] });
  for (const order of orders) {
    let row = rows.get(order.lineId);
    if (row === undefined) {
      row = { id: order.lineId, code: order.lineCode, name: '', orders: [] };
      rows.set(order.lineId, row);
    }
    row.orders.push(order);
  }
  return [...rows.values()];
}

/**
 * One row per line over the window, each order a bar from its planned start to its planned end,
 * coloured by status. Bars are buttons named with the order's whole summary (reference, product,
 * quantity, status, times), so the timeline reads as text too; tapping one opens the order.
 */
export function ScheduleTimeline({
  lines,
  orders,
  range,
  now,
  selectedId,
  onSelect,
}: ScheduleTimelineProps) {
  const ticks = dayTicks(range);
  const nowLeft = nowPosition(range, now);
  const rows = rowsOf(lines, orders);

  return (
    <div className="schedule-timeline" role="group" aria-label="Timeline of the orders by line">
      <div className="schedule-timeline__row schedule-timeline__row--scale" aria-hidden="true">
        <div className="schedule-timeline__label" />
        <div className="schedule-timeline__track schedule-timeline__track--scale">
          {ticks.map((tick) => (
            <span
              key={tick.day}
              className="schedule-timeline__tick"
              style={{ left: `${tick.left}%` }}
            >
              {tick.label}
            </span>
          ))}
        </div>
      </div>
      {rows.length === 0 ? <p className="muted">No lines are set up yet.</p> : null}
      <ul className="schedule-timeline__lines">
        {rows.map((row) => (
          <li key={row.id} className="schedule-timeline__row" aria-label={`Line ${row.code}`}>
            <div className="schedule-timeline__label">
              <strong>{row.code}</strong>
              {row.name !== '' ? <span className="muted">{row.name}</span> : null}
            </div>
            <div className="schedule-timeline__track">
              {ticks.map((tick) => (
                <span
                  key={tick.day}
                  aria-hidden="true"
                  className="schedule-timeline__grid"
                  style={{ left: `${tick.left}%` }}
                />
              ))}
              {nowLeft !== undefined ? (
                <span
                  aria-hidden="true"
                  className="schedule-timeline__now"
                  style={{ left: `${nowLeft}%` }}
                />
              ) : null}
              {row.orders.length === 0 ? (
                <span className="schedule-timeline__empty">No orders in this window</span>
              ) : null}
              {row.orders.map((order) => {
                const bar = barGeometry(order, range);
                if (bar === undefined) return null;
                const classes = [
                  'schedule-bar',
                  `schedule-bar--${order.status}`,
                  bar.clippedStart ? 'schedule-bar--clipped-start' : '',
                  bar.clippedEnd ? 'schedule-bar--clipped-end' : '',
                  order.id === selectedId ? 'schedule-bar--selected' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <button
                    key={order.id}
                    type="button"
                    className={classes}
                    style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                    aria-label={orderSummary(order)}
                    aria-pressed={order.id === selectedId}
                    title={orderSummary(order)}
                    onClick={() => onSelect(order)}
                  >
                    <span className="schedule-bar__title">{orderName(order)}</span>
                    <span className="schedule-bar__detail">
                      {order.productCode} · {formatQuantity(order.quantity)}
                    </span>
                  </button>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
      <ul className="schedule-legend" aria-label="Colours">
        {PRODUCTION_ORDER_STATUSES.map((status) => (
          <li key={status}>
            <span
              className={`schedule-legend__swatch schedule-bar--${status}`}
              aria-hidden="true"
            />
            {ORDER_STATUS_LABELS[status]}
          </li>
        ))}
      </ul>
    </div>
  );
}
