import type { RealtimeStatus } from '@/lib/realtime';

const LABELS: Record<RealtimeStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline: checking every minute',
};

/** Whether the board hears about new counts at once, or only by asking every minute. */
export function LiveStatus({ status }: { status: RealtimeStatus }) {
  return (
    <span className={`hbh-live hbh-live--${status}`} role="status" data-status={status}>
      {LABELS[status]}
    </span>
  );
}
