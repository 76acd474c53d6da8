import { useEffect, useRef, useState } from 'react';
import type { ProductionOrder } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { usePermission } from '@/lib/authorization';
import { useOrders } from '@/features/schedule/api/get-orders';
import { type NamedOption, OrderForm } from '@/features/schedule/components/order-form';
import { OrderPanel } from '@/features/schedule/components/order-panel';
import { OrdersTable } from '@/features/schedule/components/orders-table';
import { ScheduleTimeline } from '@/features/schedule/components/schedule-timeline';
import { useNow } from '@/hooks/use-now';
import { useScheduleRealtime } from '@/features/schedule/hooks/use-schedule-realtime';
import { orderName } from '@/features/schedule/utils/order-labels';
import { addDays } from '@/lib/local-time';
import { scheduleWindow, shiftStartDay } from '@/features/schedule/utils/schedule-window';
import './schedule.css';

const TABLE_PAGE_SIZE = 25;
/** The timeline asks for one page of the largest size the API gives. */
const TIMELINE_PAGE_SIZE = 200;

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

interface ProductionScheduleProps {
  lines: readonly NamedOption[];
  products: readonly NamedOption[];
  /** First day shown (`YYYY-MM-DD`); null: yesterday. */
  startDay: string | null;
  onStartDayChange: (day: string | null) => void;
  /** Only this line; undefined: every line. */
  lineId: string | undefined;
  onLineChange: (lineId: string | undefined) => void;
}

/**
 * The schedule: a timeline of the orders per line over eight days (previous / next week), the
 * same orders as a table, planning a new order, and one order's panel (edit, lifecycle,
 * operators). Kept live by the production socket events.
 */
export function ProductionSchedule({
  lines,
  products,
  startDay,
  onStartDayChange,
  lineId,
  onLineChange,
}: ProductionScheduleProps) {
  useScheduleRealtime();
  const now = useNow(60_000);
  const range = scheduleWindow(startDay, new Date(now));
  const canManage = usePermission('orders:manage');
  const [creating, setCreating] = useState(false);
  const [showCancelled, setShowCancelled] = useState(false);
  const [selected, setSelected] = useState<ProductionOrder | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [tablePage, setTablePage] = useState(1);
  const panelRef = useRef<HTMLDivElement>(null);
  const selectedId = selected?.id;

  // An order opened from a bar or a row: bring its panel into view.
  useEffect(() => {
    const panel = panelRef.current;
    if (selectedId !== undefined && panel !== null && typeof panel.scrollIntoView === 'function') {
      panel.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    }
  }, [selectedId]);

  const windowFilters = { lineId, from: range.from, to: range.to };
  const timelineQuery = useOrders({ page: 1, pageSize: TIMELINE_PAGE_SIZE, ...windowFilters });
  const tableQuery = useOrders({ page: tablePage, pageSize: TABLE_PAGE_SIZE, ...windowFilters });

  const shownLines = lineId === undefined ? lines : lines.filter((line) => line.id === lineId);
  const timelineOrders = (timelineQuery.data?.items ?? []).filter(
    (order) => showCancelled || order.status !== 'cancelled',
  );
  const lastDay = addDays(new Date(range.toMs), -1);

  function move(next: string | null) {
    setTablePage(1);
    onStartDayChange(next);
  }

  return (
    <div className="production-schedule">
      <div className="toolbar">
        <div className="schedule-nav" role="group" aria-label="Window">
          <Button variant="secondary" onClick={() => move(shiftStartDay(range, -1))}>
            Previous week
          </Button>
          <Button variant="secondary" onClick={() => move(null)}>
            Today
          </Button>
          <Button variant="secondary" onClick={() => move(shiftStartDay(range, 1))}>
            Next week
          </Button>
          <strong className="schedule-nav__range" aria-live="polite">
            {dayFormat.format(new Date(range.fromMs))} – {dayFormat.format(lastDay)}
          </strong>
        </div>
        <div className="toolbar__filters">
          <SelectField
            name="scheduleLine"
            label="Line"
            value={lineId ?? ''}
            onChange={(event) => {
              setTablePage(1);
              onLineChange(event.target.value === '' ? undefined : event.target.value);
            }}
            options={[
              { value: '', label: 'All lines' },
              ...lines.map((line) => ({ value: line.id, label: `${line.code} · ${line.name}` })),
            ]}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showCancelled}
              onChange={(event) => setShowCancelled(event.target.checked)}
            />
            Show cancelled
          </label>
          {canManage && !creating ? (
            <Button
              onClick={() => {
                setCreated(null);
                setCreating(true);
              }}
            >
              New order
            </Button>
          ) : null}
        </div>
      </div>

      {created !== null ? <Alert tone="success">Order {created} planned.</Alert> : null}
      {creating ? (
        <section className="card" aria-labelledby="new-order-title">
          <h2 id="new-order-title">New order</h2>
          <OrderForm
            lines={lines}
            products={products}
            defaultLineId={lineId}
            onSaved={(order) => {
              setCreated(orderName(order));
              setCreating(false);
              setSelected(order);
            }}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        {timelineQuery.isPending ? (
          <LoadingState label="Loading the schedule…" />
        ) : timelineQuery.isError ? (
          <ErrorState
            title="Could not load the schedule"
            error={timelineQuery.error}
            onRetry={() => void timelineQuery.refetch()}
          />
        ) : (
          <>
            {timelineQuery.data.total > timelineQuery.data.items.length ? (
              <Alert tone="warning">
                The timeline shows the first {timelineQuery.data.items.length} of{' '}
                {timelineQuery.data.total} orders; choose a line to see them all.
              </Alert>
            ) : null}
            <ScheduleTimeline
              lines={shownLines}
              orders={timelineOrders}
              range={range}
              now={now}
              selectedId={selected?.id}
              onSelect={setSelected}
            />
          </>
        )}
      </section>

      {selected !== null ? (
        <div ref={panelRef} className="production-schedule__panel">
          <OrderPanel
            key={selected.id}
            order={selected}
            lines={lines}
            products={products}
            onClose={() => setSelected(null)}
          />
        </div>
      ) : null}

      <section className="card" aria-labelledby="orders-title">
        <h2 id="orders-title">Orders</h2>
        {tableQuery.isPending ? (
          <LoadingState label="Loading orders…" />
        ) : tableQuery.isError ? (
          <ErrorState
            title="Could not load the orders"
            error={tableQuery.error}
            onRetry={() => void tableQuery.refetch()}
          />
        ) : (
          <>
            <OrdersTable
              orders={tableQuery.data.items}
              busy={tableQuery.isFetching}
              onOpen={setSelected}
            />
            <Pagination
              page={tableQuery.data.page}
              totalPages={tableQuery.data.totalPages}
              total={tableQuery.data.total}
              itemLabel={tableQuery.data.total === 1 ? 'order' : 'orders'}
              disabled={tableQuery.isPlaceholderData}
              onPageChange={setTablePage}
            />
          </>
        )}
      </section>
    </div>
  );
}
