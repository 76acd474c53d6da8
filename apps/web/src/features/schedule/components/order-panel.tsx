import { useId, useState } from 'react';
import {
  PRODUCTION_ORDER_STEPS,
  PRODUCTION_ORDER_TRANSITIONS,
  type ProductionOrder,
  type ProductionOrderStep,
} from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { isApiError } from '@/lib/api-client';
import { usePermission } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useOrder } from '@/features/schedule/api/get-order';
import { useOrderJobs } from '@/features/schedule/api/get-order-jobs';
import { useOrderStep } from '@/features/schedule/api/order-step';
import { AssignOperatorForm } from '@/features/schedule/components/assign-operator-form';
import { type NamedOption, OrderForm } from '@/features/schedule/components/order-form';
import { OrderStatusBadge } from '@/features/schedule/components/order-status-badge';
import {
  ORDER_STEP_LABELS,
  formatQuantity,
  orderName,
} from '@/features/schedule/utils/order-labels';

interface OrderPanelProps {
  order: ProductionOrder;
  lines: readonly NamedOption[];
  products: readonly NamedOption[];
  onClose: () => void;
}

type Notice = { tone: 'success' | 'error'; text: string } | null;

const DONE_WORDS: Record<ProductionOrderStep, string> = {
  release: 'released',
  start: 'started',
  complete: 'completed',
  cancel: 'cancelled',
};

function stepMessage(error: unknown, step: ProductionOrderStep): string {
  if (!isApiError(error)) return `The order could not be ${DONE_WORDS[step]}.`;
  const named = error.fieldErrors.map((field) => field.message);
  return [error.message, ...named].join(' ');
}

/**
 * One order: its facts, the lifecycle steps it may take now (release, start, complete, cancel
 * with a reason), editing while planned, and who works on it (assign an operator).
 */
export function OrderPanel({ order: opened, lines, products, onClose }: OrderPanelProps) {
  const orderQuery = useOrder(opened.id, opened);
  const order = orderQuery.data ?? opened;
  const canManage = usePermission('orders:manage');
  const canReadJobs = usePermission('jobs:read');
  const canAssign = usePermission('jobs:assign');
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const stepMutation = useOrderStep();
  const jobsQuery = useOrderJobs(order.id, { enabled: canReadJobs });
  const reasonId = useId();
  const titleId = useId();
  const name = orderName(order);

  function take(step: ProductionOrderStep) {
    setNotice(null);
    stepMutation.mutate(
      { id: order.id, step, reason: step === 'cancel' ? reason.trim() : undefined },
      {
        onSuccess: (saved) => {
          setCancelling(false);
          setReason('');
          setNotice({ tone: 'success', text: `Order ${orderName(saved)} ${DONE_WORDS[step]}.` });
        },
        onError: (error) => setNotice({ tone: 'error', text: stepMessage(error, step) }),
      },
    );
  }

  const steps = PRODUCTION_ORDER_STEPS.filter((step) =>
    PRODUCTION_ORDER_TRANSITIONS[step].from.includes(order.status),
  );
  const open = order.status !== 'completed' && order.status !== 'cancelled';

  return (
    <section className="card order-panel" aria-labelledby={titleId}>
      <div className="toolbar">
        <h2 id={titleId}>Order {name}</h2>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
      {notice !== null ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {editing ? (
        <OrderForm
          lines={lines}
          products={products}
          order={order}
          onSaved={(saved) => {
            setEditing(false);
            setNotice({ tone: 'success', text: `Order ${orderName(saved)} saved.` });
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <OrderStatusBadge status={order.status} />
            </dd>
          </div>
          <div>
            <dt>Line</dt>
            <dd className="mono">{order.lineCode}</dd>
          </div>
          <div>
            <dt>Product</dt>
            <dd>
              <span className="mono">{order.productCode}</span> {order.productName}
            </dd>
          </div>
          <div>
            <dt>Quantity</dt>
            <dd>{formatQuantity(order.quantity)}</dd>
          </div>
          <div>
            <dt>Planned start</dt>
            <dd>{formatDateTime(order.plannedStart)}</dd>
          </div>
          <div>
            <dt>Planned end</dt>
            <dd>{formatDateTime(order.plannedEnd)}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{formatDateTime(order.actualStart)}</dd>
          </div>
          <div>
            <dt>Ended</dt>
            <dd>{formatDateTime(order.actualEnd)}</dd>
          </div>
          {order.cancelReason !== null ? (
            <div>
              <dt>Cancel reason</dt>
              <dd>{order.cancelReason}</dd>
            </div>
          ) : null}
        </dl>
      )}

      {canManage && !editing && open ? (
        <div className="order-panel__actions">
          {order.status === 'planned' ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit order
            </Button>
          ) : null}
          {steps
            .filter((step) => step !== 'cancel')
            .map((step) => (
              <Button
                key={step}
                isLoading={stepMutation.isPending && stepMutation.variables?.step === step}
                disabled={stepMutation.isPending}
                onClick={() => take(step)}
              >
                {ORDER_STEP_LABELS[step]}
              </Button>
            ))}
          {steps.includes('cancel') && !cancelling ? (
            <Button variant="danger" onClick={() => setCancelling(true)}>
              {ORDER_STEP_LABELS.cancel}
            </Button>
          ) : null}
        </div>
      ) : null}
      {cancelling ? (
        <div className="order-panel__cancel" role="group" aria-label="Cancel the order">
          <div className="field">
            <label className="field__label" htmlFor={reasonId}>
              Reason for cancelling
            </label>
            <textarea
              id={reasonId}
              className="field__control"
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <div className="form__actions">
            <Button variant="secondary" onClick={() => setCancelling(false)}>
              Keep order
            </Button>
            <Button
              variant="danger"
              isLoading={stepMutation.isPending}
              onClick={() => take('cancel')}
            >
              Confirm cancel
            </Button>
          </div>
        </div>
      ) : null}

      {canReadJobs ? (
        <div className="order-panel__jobs">
          <h3>Operators</h3>
          {jobsQuery.isPending ? (
            <LoadingState label="Loading jobs…" />
          ) : jobsQuery.isError ? (
            <ErrorState
              title="Could not load the jobs"
              error={jobsQuery.error}
              onRetry={() => void jobsQuery.refetch()}
            />
          ) : jobsQuery.data.items.length === 0 ? (
            <p className="muted">Nobody is assigned yet.</p>
          ) : (
            <ul className="order-panel__job-list">
              {jobsQuery.data.items.map((job) => (
                <li key={job.id}>
                  <strong>{job.operator.displayName}</strong> · {job.status}
                  {job.shiftDate !== null ? ` · shift ${job.shiftDate}` : ''} ·{' '}
                  {formatQuantity(job.progress.goodCount)} /{' '}
                  {formatQuantity(job.progress.targetQuantity)} good
                </li>
              ))}
            </ul>
          )}
          {canAssign && open ? (
            <AssignOperatorForm
              orderId={order.id}
              onAssigned={(operatorName) =>
                setNotice({ tone: 'success', text: `${operatorName} assigned to order ${name}.` })
              }
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
