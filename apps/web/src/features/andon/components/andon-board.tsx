import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { AndonCall } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { newWorkOrderHref, workOrderHref } from '@/config/paths';
import { usePermission } from '@/lib/authorization';
import { useAcknowledgeAndonCall } from '@/features/andon/api/acknowledge-andon-call';
import { useAndonCalls } from '@/features/andon/api/get-andon-calls';
import { useResolveAndonCall } from '@/features/andon/api/resolve-andon-call';
import { armAlertSound, playCriticalAlert } from '@/features/andon/components/alert-sound';
import { ageTone, formatAge } from '@/features/andon/components/andon-labels';
import { ANDON_PRIORITY_LABELS, ANDON_STATUS_LABELS, ANDON_TYPE_LABELS } from '@/lib/domain-labels';
import { LiveIndicator } from '@/features/andon/components/live-indicator';
import { type AndonEvent, useAndonSocket } from '@/features/andon/hooks/use-andon-socket';
import { useNow } from '@/hooks/use-now';
import './andon.css';

/**
 * The shift manager's board: every unresolved call, most urgent first (priority, then age), aged
 * by colour, live. A new critical call flashes a banner and beeps.
 */
export function AndonBoard() {
  const [alert, setAlert] = useState<{ id: string; at: number } | null>(null);
  const [soundOn, setSoundOn] = useState(false);
  const onEvent = useCallback(
    (event: AndonEvent) => {
      if (event.name === 'andon.call.raised' && event.payload.priority === 'critical') {
        setAlert({ id: event.payload.id, at: Date.now() });
        if (soundOn) playCriticalAlert();
      }
    },
    [soundOn],
  );
  const status = useAndonSocket(onEvent);
  const now = useNow();
  const calls = useAndonCalls({
    page: 1,
    pageSize: 200,
    status: ['open', 'acknowledged'],
    sort: 'urgency',
  });
  const alerted = alert === null ? undefined : calls.data?.items.find((c) => c.id === alert.id);

  return (
    <div className="andon-board">
      <div className="toolbar">
        <LiveIndicator status={status} />
        {soundOn ? (
          <span>Sound on</span>
        ) : (
          <Button
            variant="secondary"
            onClick={() => {
              armAlertSound();
              setSoundOn(true);
            }}
          >
            Turn on alert sound
          </Button>
        )}
      </div>
      {alert !== null ? (
        <div className="card andon-board__alert" role="alert" key={alert.at}>
          <strong>New critical call</strong>
          {alerted ? ` at ${alerted.equipmentName} (${ANDON_TYPE_LABELS[alerted.type]})` : ''}
          <Button variant="ghost" onClick={() => setAlert(null)}>
            Dismiss
          </Button>
        </div>
      ) : null}
      {calls.isPending ? (
        <LoadingState label="Loading calls…" />
      ) : calls.isError ? (
        <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <Alert tone="success">No open calls.</Alert>
      ) : (
        <ul className="andon-tablet__calls" aria-label="Open calls">
          {calls.data.items.map((call) => (
            <BoardRow key={call.id} call={call} now={now} />
          ))}
        </ul>
      )}
    </div>
  );
}

function BoardRow({ call, now }: { call: AndonCall; now: number }) {
  const canAcknowledge = usePermission('andon:acknowledge');
  const canResolve = usePermission('andon:resolve');
  const canRequestWork = usePermission('maintenance:request');
  const canReadWork = usePermission('maintenance:read');
  const acknowledge = useAcknowledgeAndonCall();
  const resolve = useResolveAndonCall();
  const age = (now - Date.parse(call.raisedAt)) / 1000;
  const tone = call.status === 'acknowledged' ? 'acknowledged' : ageTone(age);
  const error = acknowledge.error ?? resolve.error;
  return (
    <li className={`andon-call andon-call--${tone}`} data-call-id={call.id}>
      <div className="andon-call__main">
        <span className="andon-call__title">
          <span className={`andon-badge andon-badge--${call.priority}`}>
            {ANDON_PRIORITY_LABELS[call.priority]}
          </span>{' '}
          {ANDON_TYPE_LABELS[call.type]} at {call.equipmentName}{' '}
          <span className="mono">({call.equipmentCode})</span>
        </span>
        <span className="andon-call__meta">
          {ANDON_STATUS_LABELS[call.status]}
          {call.acknowledgedBy ? ` by ${call.acknowledgedBy.displayName}` : ''} · waiting{' '}
          {formatAge(age)} · raised by {call.raisedBy.displayName}
          {call.escalationLevel > 0 ? ` · escalated to level ${call.escalationLevel}` : ''}
        </span>
        {call.description ? <span>{call.description}</span> : null}
        {error ? <span role="alert">{error.message}</span> : null}
      </div>
      <div className="andon-call__actions">
        {call.type === 'maintenance' && call.workOrderId !== null && canReadWork ? (
          <Link className="button button--secondary" to={workOrderHref(call.workOrderId)}>
            Work order
          </Link>
        ) : null}
        {call.type === 'maintenance' && call.workOrderId === null && canRequestWork ? (
          <Link
            className="button button--secondary"
            aria-label={`Open a work order for the call at ${call.equipmentName}`}
            to={newWorkOrderHref({
              equipmentId: call.equipmentId,
              andonCallId: call.id,
              priority: call.priority,
              title: call.description ?? `Maintenance call at ${call.equipmentName}`,
            })}
          >
            Work order
          </Link>
        ) : null}
        {canAcknowledge && call.status === 'open' ? (
          <Button isLoading={acknowledge.isPending} onClick={() => acknowledge.mutate(call.id)}>
            Acknowledge
          </Button>
        ) : null}
        {canResolve && call.status === 'acknowledged' ? (
          <Button
            variant="secondary"
            isLoading={resolve.isPending}
            onClick={() => resolve.mutate({ id: call.id, input: {} })}
          >
            Resolve
          </Button>
        ) : null}
      </div>
    </li>
  );
}
