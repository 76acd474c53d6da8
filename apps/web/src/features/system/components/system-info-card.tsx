import type { HealthInfo } from '@ms5/contracts';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { formatDateTime, formatDuration } from '@/lib/format';
import { useHealthInfo } from '@/features/system/api/get-health-info';

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
          <div>
            <dt>Database</dt>
            <dd>{DATABASE_LABELS[infoQuery.data.database]}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{formatDateTime(infoQuery.data.startedAt)}</dd>
          </div>
          <div>
            <dt>Build</dt>
            <dd className="mono">{infoQuery.data.build.commit?.slice(0, 12) ?? 'local build'}</dd>
          </div>
          <div>
            <dt>Node.js</dt>
            <dd>{infoQuery.data.nodeVersion}</dd>
          </div>
          <div>
            <dt>Realtime scale-out</dt>
            <dd>{infoQuery.data.redis ? 'Redis' : 'Single instance'}</dd>
          </div>
          <div>
            <dt>Mode</dt>
            <dd>{infoQuery.data.demo ? 'Demo plant with simulator' : 'Live plant'}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
