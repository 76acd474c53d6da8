import type { JobAssignment } from '@ms5/contracts';
import { formatDateTime } from '@/lib/format';
import { JobProgress } from '@/features/jobs/components/job-progress';
import { JobStatusBadge } from '@/features/jobs/components/job-status-badge';
import './jobs.css';

/** The job at a glance: status, line, product, order and its progress. */
export function JobSummary({ job }: { job: JobAssignment }) {
  return (
    <section className="card job-summary" aria-label="Job">
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <JobStatusBadge status={job.status} />
          </dd>
        </div>
        <div>
          <dt>Line</dt>
          <dd>{job.lineCode}</dd>
        </div>
        <div>
          <dt>Product</dt>
          <dd>{job.productCode}</dd>
        </div>
        <div>
          <dt>Order</dt>
          <dd>
            {job.orderReference ?? '—'} <span className="muted">({job.orderStatus})</span>
          </dd>
        </div>
        <div>
          <dt>Operator</dt>
          <dd>{job.operator.displayName}</dd>
        </div>
        {job.shiftDate !== null ? (
          <div>
            <dt>Shift</dt>
            <dd>{job.shiftDate}</dd>
          </div>
        ) : null}
        {job.startedAt !== null ? (
          <div>
            <dt>Started</dt>
            <dd>{formatDateTime(job.startedAt)}</dd>
          </div>
        ) : null}
        {job.completedAt !== null ? (
          <div>
            <dt>Completed</dt>
            <dd>{formatDateTime(job.completedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {job.note !== null ? <p className="job-card__note">{job.note}</p> : null}
      <JobProgress progress={job.progress} />
    </section>
  );
}
