import type { AndonSocketStatus } from '@/features/andon/hooks/use-andon-socket';
import './andon.css';

const LABELS: Record<AndonSocketStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline: reconnecting',
};

export function LiveIndicator({ status }: { status: AndonSocketStatus }) {
  return (
    <span className={`andon-live andon-live--${status}`} role="status" data-status={status}>
      {LABELS[status]}
    </span>
  );
}
