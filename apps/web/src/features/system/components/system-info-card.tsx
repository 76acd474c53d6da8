import type { HealthInfo } from '@ms5/contracts';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { formatDateTime, formatDuration } from '@/lib/format';
import { isFullHealthInfo, useHealthInfo } from '@/features/system/api/get-health-info';

const DATABASE_LABELS: Record<HealthInfo['database'], string> = {
  embedded: 'Embedded PostgreSQL',
  external: 'External PostgreSQL',
};

/** What the server says about itself, from `/health/info`. */
export function SystemInfoCard() {
  const infoQuery = useHealthInfo();
  return (
    <section className="card" aria-labelledby="system-info-title">
      <h2 id="system-info-title">System</h2>
      {infoQuery.isPending ? (
        <LoadingState label="Loading system information…" />
      ) : infoQuery.isError ? (
        <ErrorState
          title="Could not load system information"
          error={infoQuery.error}
          onRetry={() => void infoQuery.refetch()}
        />
      ) : (
        <dl className="facts">
          <div>
            <dt>Version</dt>
            <dd>{infoQuery.data.version}</dd>
          </div>
          <div>
            <dt>Uptime</dt>
            <dd>{formatDuration(infoQuery.data.uptimeSeconds)}</dd>
          </div>
          {isFullHealthInfo(infoQuery.data) ? <FullInfo info={infoQuery.data} /> : null}
        </dl>
      )}
    </section>
  );
}

/** What the server tells only a signed-in user. */
function FullInfo({ info }: { info: HealthInfo }) {
  return (
    <>
      <div>
        <dt>Database</dt>
        <dd>{DATABASE_LABELS[info.database]}</dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>{formatDateTime(info.startedAt)}</dd>
      </div>
      <div>
        <dt>Build</dt>
        <dd className="mono">{info.build.commit?.slice(0, 12) ?? 'local build'}</dd>
      </div>
      <div>
        <dt>Node.js</dt>
        <dd>{info.nodeVersion}</dd>
      </div>
      <div>
        <dt>Realtime scale-out</dt>
        <dd>{info.redis ? 'Redis' : 'Single instance'}</dd>
      </div>
      <div>
        <dt>Mode</dt>
        <dd>{info.demo ? 'Demo plant with simulator' : 'Live plant'}</dd>
      </div>
    </>
  );
}
