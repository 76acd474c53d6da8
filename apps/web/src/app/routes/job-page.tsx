import { useQueryClient } from '@tanstack/react-query';
import type { JobAssignment } from '@ms5/contracts';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth';
import { usePermission } from '@/lib/authorization';
import { checklistKeys } from '@/features/checklists/api/checklist-query-keys';
import { useJobChecklists } from '@/features/checklists/api/get-job-checklists';
import { JobChecklists } from '@/features/checklists/components/job-checklists';
import { notReadyReason } from '@/features/checklists/utils/checklist-readiness';
import { useJob } from '@/features/jobs/api/get-job';
import { JobActions } from '@/features/jobs/components/job-actions';
import { JobSummary } from '@/features/jobs/components/job-summary';
import { useJobsRealtime } from '@/features/jobs/hooks/use-jobs-realtime';
import { ALL_ITEMS, usePlantList } from '@/features/plant/api/get-plant-list';
import { RequirePermission } from '@/app/routes/require-permission';

function JobBody({ job }: { job: JobAssignment }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const canExecute = usePermission('jobs:execute');
  const canRunChecklists = usePermission('checklists:execute');
  const own = job.operator.id === user.id;
  const checklistsQuery = useJobChecklists(job.id);
  // The machines of the job's line: where an andon call goes when a critical item fails.
  const equipmentQuery = usePlantList('equipment', { ...ALL_ITEMS, lineId: job.lineId });
  const beforeStart = job.status === 'assigned' || job.status === 'accepted';

  return (
    <>
      <JobSummary job={job} />
      <JobChecklists
        jobId={job.id}
        equipment={equipmentQuery.data?.items ?? []}
        canSubmit={own && canRunChecklists && beforeStart}
      />
      {own && canExecute && job.status !== 'completed' ? (
        <section className="card" aria-label="Job actions">
          <JobActions
            job={job}
            readyToStart={checklistsQuery.data?.readyToStart === true}
            notReadyReason={
              checklistsQuery.isError
                ? 'The checklist status could not be loaded.'
                : notReadyReason(checklistsQuery.data)
            }
            onChecklistRefusal={() =>
              void queryClient.invalidateQueries({ queryKey: checklistKeys.job(job.id) })
            }
          />
        </section>
      ) : null}
    </>
  );
}

function JobScreen({ id }: { id: string }) {
  useJobsRealtime();
  const jobQuery = useJob(id);
  const job = jobQuery.data;
  return (
    <div className="operator job-page">
      <PageHeader
        title={job === undefined ? 'Job' : `Job ${job.orderReference ?? job.productCode}`}
        description={job === undefined ? undefined : `Line ${job.lineCode} · ${job.productCode}`}
        actions={
          <Link className="button button--secondary" to={paths.myJobs}>
            My jobs
          </Link>
        }
      />
      {jobQuery.isPending ? (
        <LoadingState label="Loading the job…" />
      ) : jobQuery.isError ? (
        <ErrorState
          title="Could not load the job"
          error={jobQuery.error}
          onRetry={() => void jobQuery.refetch()}
        />
      ) : (
        <JobBody job={jobQuery.data} />
      )}
    </div>
  );
}

/** `/operator/jobs/:id`: the job, its pre-start checklists, start and complete. */
export function JobPage() {
  const { id = '' } = useParams();
  return (
    <RequirePermission permission="jobs:read">
      <JobScreen key={id} id={id} />
    </RequirePermission>
  );
}
