import { useId } from 'react';
import type { HandoverSummary } from '@ms5/contracts';
import { Table } from '@/components/ui/table';
import { formatDateTime, formatDuration, formatPercent, formatSigned, gapTone } from '@/lib/format';
import {
  ANDON_PRIORITY_LABELS,
  ANDON_STATUS_LABELS,
  ANDON_TYPE_LABELS,
  ORDER_STATUS_LABELS,
} from '@/lib/domain-labels';

type Loss = HandoverSummary['topLosses'][number];
type AndonCall = HandoverSummary['openAndonCalls'][number];
type Order = HandoverSummary['openOrders'][number];
type WorkOrder = NonNullable<HandoverSummary['openWorkOrders']>[number];

/** Said in full, never an empty list: there is no maintenance module to ask yet. */
export const WORK_ORDERS_NOT_TRACKED = 'Open work orders: not tracked yet (no maintenance module)';

/**
 * What a shift hands over: output against target, OEE, the top losses, and what is still open
 * (andon calls, orders, work orders). The same view for a live draft and a frozen handover.
 */
export function HandoverSummaryView({ summary }: { summary: HandoverSummary }) {
  const { output, oee } = summary;
  const id = useId();
  return (
    <div className="handover-summary">
      <section className="handover-summary__block" aria-labelledby={`${id}-output`}>
        <h3 id={`${id}-output`}>Output against target</h3>
        <dl className="handover-figures">
          <div>
            <dt>{output.target === output.shiftTarget ? 'Target' : 'Target so far'}</dt>
            <dd>{output.target}</dd>
          </div>
          {output.target === output.shiftTarget ? null : (
            <div>
              <dt>Shift target</dt>
              <dd>{output.shiftTarget}</dd>
            </div>
          )}
          <div>
            <dt>Good</dt>
            <dd>{output.actualGood}</dd>
          </div>
          <div>
            <dt>Rejected</dt>
            <dd>{output.actualReject}</dd>
          </div>
          <div>
            <dt>Gap</dt>
            <dd className={`handover-gap handover-gap--${gapTone(output.gap)}`}>
              {formatSigned(output.gap)}
            </dd>
          </div>
        </dl>
      </section>

      <section className="handover-summary__block" aria-labelledby={`${id}-oee`}>
        <h3 id={`${id}-oee`}>OEE</h3>
        <dl className="handover-figures">
          <div>
            <dt>Availability</dt>
            <dd>{formatPercent(oee.availability)}</dd>
          </div>
          <div>
            <dt>Performance</dt>
            <dd>{formatPercent(oee.performance)}</dd>
          </div>
          <div>
            <dt>Quality</dt>
            <dd>{formatPercent(oee.quality)}</dd>
          </div>
          <div>
            <dt>OEE</dt>
            <dd>{formatPercent(oee.oee)}</dd>
          </div>
        </dl>
        {oee.oee === null ? <p className="muted">Nothing was planned in this shift.</p> : null}
      </section>

      <section className="handover-summary__block" aria-labelledby={`${id}-losses`}>
        <h3 id={`${id}-losses`}>Top losses</h3>
        <Table<Loss>
          caption="Top losses"
          rows={summary.topLosses}
          rowKey={(loss) => loss.reasonCode ?? `none-${loss.reasonName}`}
          emptyMessage="No unplanned stops in this shift."
          columns={[
            { key: 'reason', header: 'Reason', cell: (loss) => loss.reasonName },
            {
              key: 'time',
              header: 'Time lost',
              className: 'num',
              cell: (loss) => formatDuration(loss.seconds),
            },
            { key: 'stops', header: 'Stops', className: 'num', cell: (loss) => loss.stops },
          ]}
        />
      </section>

      <section className="handover-summary__block" aria-labelledby={`${id}-andon`}>
        <h3 id={`${id}-andon`}>Open andon calls</h3>
        <Table<AndonCall>
          caption="Open andon calls"
          rows={summary.openAndonCalls}
          rowKey={(call) => call.id}
          emptyMessage="No open andon calls."
          columns={[
            { key: 'equipment', header: 'Equipment', cell: (call) => call.equipmentCode },
            { key: 'type', header: 'Type', cell: (call) => ANDON_TYPE_LABELS[call.type] },
            {
              key: 'priority',
              header: 'Priority',
              cell: (call) => ANDON_PRIORITY_LABELS[call.priority],
            },
            { key: 'status', header: 'Status', cell: (call) => ANDON_STATUS_LABELS[call.status] },
            { key: 'raised', header: 'Raised', cell: (call) => formatDateTime(call.raisedAt) },
            { key: 'description', header: 'Description', cell: (call) => call.description ?? '' },
          ]}
        />
      </section>

      <section className="handover-summary__block" aria-labelledby={`${id}-orders`}>
        <h3 id={`${id}-orders`}>Open orders</h3>
        <Table<Order>
          caption="Open orders"
          rows={summary.openOrders}
          rowKey={(order) => order.id}
          emptyMessage="No open orders."
          columns={[
            { key: 'order', header: 'Order', cell: (order) => order.reference ?? '—' },
            { key: 'product', header: 'Product', cell: (order) => order.productCode },
            { key: 'status', header: 'Status', cell: (order) => ORDER_STATUS_LABELS[order.status] },
            {
              key: 'quantity',
              header: 'Quantity',
              className: 'num',
              cell: (order) => order.quantity,
            },
            {
              key: 'end',
              header: 'Planned end',
              cell: (order) => formatDateTime(order.plannedEnd),
            },
          ]}
        />
      </section>

      <section className="handover-summary__block" aria-labelledby={`${id}-work-orders`}>
        <h3 id={`${id}-work-orders`}>Open work orders</h3>
        {summary.openWorkOrders === null ? (
          <p className="muted">{WORK_ORDERS_NOT_TRACKED}</p>
        ) : (
          <Table<WorkOrder>
            caption="Open work orders"
            rows={summary.openWorkOrders}
            rowKey={(order) => order.id}
            emptyMessage="No open work orders."
            columns={[
              { key: 'number', header: 'Number', cell: (order) => order.number },
              { key: 'title', header: 'Work order', cell: (order) => order.title },
              { key: 'equipment', header: 'Equipment', cell: (order) => order.equipmentCode },
              { key: 'priority', header: 'Priority', cell: (order) => order.priority },
              { key: 'status', header: 'Status', cell: (order) => order.status.replace('_', ' ') },
              {
                key: 'created',
                header: 'Opened',
                cell: (order) => formatDateTime(order.createdAt),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
