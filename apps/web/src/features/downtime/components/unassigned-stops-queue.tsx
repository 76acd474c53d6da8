import { useEffect, useState } from 'react';
import type { DowntimeReason, DowntimeStop } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { isApiError } from '@/lib/api-client';
import { formatDuration } from '@/lib/format';
import { useAssignDowntimeReason } from '@/features/downtime/api/assign-downtime-reason';
import { useDowntimeStops } from '@/features/downtime/api/get-downtime-stops';
import { groupByCategory } from '@/features/downtime/utils/format';
import { useNow } from '@/hooks/use-now';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const QUEUE_SIZE = 50;
const REFRESH_MS = 15_000;

/** The last 24 hours, moved forward once a minute so the query key stays put in between. */
function useLastDay(): { from: string; to: string } {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / MINUTE_MS));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / MINUTE_MS)), 10_000);
    return () => clearInterval(timer);
  }, []);
  return {
    from: new Date(minute * MINUTE_MS - DAY_MS).toISOString(),
    to: new Date((minute + 1) * MINUTE_MS).toISOString(),
  };
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function StopCard({
  stop,
  reasons,
  onAssign,
  pendingCode,
}: {
  stop: DowntimeStop;
  reasons: readonly DowntimeReason[];
  onAssign: (reasonCode: string) => void;
  pendingCode: string | null;
}) {
  const now = useNow();
  const seconds =
    stop.endedAt === null
      ? Math.max(stop.durationSeconds, (now - Date.parse(stop.startedAt)) / 1000)
      : stop.durationSeconds;
  const titleId = `stop-${stop.equipmentId}-${Date.parse(stop.startedAt)}`;
  return (
    <article className={`stop-card stop-card--${stop.state}`} aria-labelledby={titleId}>
      <header className="stop-card__header">
        <h2 id={titleId}>
          <span className="mono">{stop.equipmentCode}</span>{' '}
          {stop.state === 'stopped' ? 'stopped' : 'idle'} at{' '}
          {timeFormat.format(new Date(stop.startedAt))}
        </h2>
        <p className="stop-card__duration">
          {formatDuration(seconds)}
          {stop.endedAt === null ? ' and counting' : ''}
        </p>
      </header>
      {groupByCategory(reasons).map((group) => (
        <fieldset key={group.category} className="reason-group" disabled={pendingCode !== null}>
          <legend>{group.category}</legend>
          <div className="reason-group__buttons">
            {group.reasons.map((reason) => (
              <button
                key={reason.id}
                type="button"
                className="reason-button"
                aria-busy={pendingCode === reason.code || undefined}
                onClick={() => onAssign(reason.code)}
              >
                {reason.name}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
    </article>
  );
}

/**
 * "Why did it stop?": the line's stops of the last 24 hours still without a reason, one card
 * each with a button per reason. One tap saves the reason and the card goes away.
 */
export function UnassignedStopsQueue({
  lineId,
  reasons,
}: {
  lineId: string;
  reasons: readonly DowntimeReason[];
}) {
  const window = useLastDay();
  const queueQuery = useDowntimeStops(
    { lineId, ...window, unassigned: true, page: 1, pageSize: QUEUE_SIZE },
    { refetchInterval: REFRESH_MS },
  );
  const [error, setError] = useState<string | null>(null);
  const assign = useAssignDowntimeReason({
    mutationConfig: {
      onMutate: () => setError(null),
      onError: (failure) =>
        setError(isApiError(failure) ? failure.message : 'The reason could not be saved.'),
    },
  });

  if (queueQuery.isPending) return <LoadingState label="Loading stops…" />;
  if (queueQuery.isError) {
    return (
      <ErrorState
        title="Could not load the stops"
        error={queueQuery.error}
        onRetry={() => void queueQuery.refetch()}
      />
    );
  }
  const stops = queueQuery.data.items;
  return (
    <section className="stop-queue" aria-label="Stops without a reason">
      {error !== null ? <Alert tone="error">{error}</Alert> : null}
      {reasons.length === 0 ? (
        <Alert tone="warning" title="No downtime reasons set up">
          Ask an engineer to add downtime reasons.
        </Alert>
      ) : null}
      {stops.length === 0 ? (
        <div className="stop-queue__empty" role="status">
          <strong>All stops have a reason.</strong>
          <p>New stops of this line will appear here.</p>
        </div>
      ) : (
        <>
          <p className="stop-queue__count" role="status">
            {queueQuery.data.total === 1
              ? '1 stop needs a reason'
              : `${queueQuery.data.total} stops need a reason`}
          </p>
          {stops.map((stop) => {
            const pending =
              assign.isPending &&
              assign.variables.equipmentId === stop.equipmentId &&
              assign.variables.startedAt === stop.startedAt;
            return (
              <StopCard
                key={`${stop.equipmentId}@${stop.startedAt}`}
                stop={stop}
                reasons={reasons}
                pendingCode={pending ? assign.variables.reasonCode : null}
                onAssign={(reasonCode) =>
                  assign.mutate({
                    equipmentId: stop.equipmentId,
                    startedAt: stop.startedAt,
                    reasonCode,
                  })
                }
              />
            );
          })}
        </>
      )}
    </section>
  );
}
