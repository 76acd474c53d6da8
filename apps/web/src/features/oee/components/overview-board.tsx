import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useOverviewLive } from '@/features/oee/api/use-overview-live';
import { LineTile } from '@/features/oee/components/line-tile';
import { useNow } from '@/hooks/use-now';

const updatedFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** Every line and its machines, live: the wall-screen view of the plant. */
export function OverviewBoard() {
  const overviewQuery = useOverviewLive();
  const now = useNow();
  if (overviewQuery.isPending) return <LoadingState label="Loading the plant…" />;
  if (overviewQuery.isError) {
    return (
      <ErrorState
        title="Could not load the plant overview"
        error={overviewQuery.error}
        onRetry={() => void overviewQuery.refetch()}
      />
    );
  }
  const { lines, at } = overviewQuery.data;
  return (
    <>
      <p className="overview__updated" aria-live="off">
        Updated {updatedFormat.format(new Date(at))}
        {overviewQuery.isRefetchError ? ' · connection lost, retrying…' : ''}
      </p>
      {lines.length === 0 ? (
        <p className="card">No lines are set up yet.</p>
      ) : (
        <div className="overview-grid">
          {lines.map((line) => (
            <LineTile key={line.id} line={line} now={now} />
          ))}
        </div>
      )}
    </>
  );
}
