import { Link } from 'react-router';
import type { JobAssignment } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { jobHref } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { useJobs } from '@/features/jobs/api/get-jobs';
import { useJobStep } from '@/features/jobs/api/job-step';
import { JobProgress } from '@/features/jobs/components/job-progress';
import { JobStatusBadge } from '@/features/jobs/components/job-status-badge';
import { useJobsRealtime } from '@/features/jobs/hooks/use-jobs-realtime';
import './jobs.css';

/** What an operator still has to do (the tablet shows one page: a shift's jobs fit). */
export const MY_JOBS_FILTERS = {
  page: 1,
  pageSize: 50,
  mine: true,
  status: ['assigned', 'accepted', 'started'],
} as const satisfies Parameters<typeof useJobs>[0];

function jobTitle(job: JobAssignment): string {
  return job.orderReference ?? job.productCode;
}

function JobCard({ job }: { job: JobAssignment }) {
  const acceptMutation = useJobStep();
  const title = jobTitle(job);
  return (
    <li className={`job-card job-card--${job.status}`}>
      <div className="job-card__header">
        <h2 className="job-card__title">
          <Link className="job-card__link" to={jobHref(job.id)}>
            {title}
          </Link>
        </h2>
        <JobStatusBadge status={job.status} />
      </div>
      <dl className="job-card__facts">
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
          <dd>{job.orderReference ?? '—'}</dd>
        </div>
        {job.shiftDate !== null ? (
          <div>
            <dt>Shift</dt>
            <dd>{job.shiftDate}</dd>
          </div>
        ) : null}
      </dl>
      <JobProgress progress={job.progress} />
      {job.note !== null ? <p className="job-card__note">{job.note}</p> : null}
      {job.status === 'assigned' ? (
        <div className="job-card__actions">
          <Button
            className="button--block job-card__accept"
            isLoading={acceptMutation.isPending}
            onClick={() => acceptMutation.mutate({ id: job.id, step: 'accept' })}
            aria-label={`Accept job ${title}`}
          >
            Accept
          </Button>
          {acceptMutation.isError ? (
            <Alert tone="error">
              {isApiError(acceptMutation.error)
                ? acceptMutation.error.message
                : 'The job could not be accepted.'}
            </Alert>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/**
 * The operator's open jobs as large cards: line, product, order, status and progress. Tapping a
 * card opens the job (checklists, start, complete); a new job is accepted on its card.
 */
export function MyJobsList() {
  useJobsRealtime();
  const jobsQuery = useJobs(MY_JOBS_FILTERS);

  if (jobsQuery.isPending) return <LoadingState label="Loading your jobs…" />;
  if (jobsQuery.isError) {
    return (
      <ErrorState
        title="Could not load your jobs"
        error={jobsQuery.error}
        onRetry={() => void jobsQuery.refetch()}
      />
    );
  }
  if (jobsQuery.data.items.length === 0) {
    return (
      <div className="job-list__empty" role="status">
        <strong>No jobs for you right now.</strong>
        <p>Your shift manager assigns them; they appear here at once.</p>
      </div>
    );
  }
  return (
    <ul className="job-list" aria-label="My jobs">
      {jobsQuery.data.items.map((job) => (
        <JobCard key={job.id} job={job} />
      ))}
    </ul>
  );
}
