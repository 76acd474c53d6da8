import { useState } from 'react';
import type { JobAssignment, JobStep } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { isChecklistRefusal, refusalText } from '@/lib/refusals';
import { useJobStep } from '@/features/jobs/api/job-step';
import './jobs.css';

interface JobActionsProps {
  job: JobAssignment;
  /** Every checklist that applies is done and none blocks (from the job's checklist status). */
  readyToStart: boolean;
  /** Why the job may not start yet, shown beside the disabled button. */
  notReadyReason?: string | undefined;
  /** The server refused the start for its checklists: the caller refetches their status. */
  onChecklistRefusal?: () => void;
}

const DONE_WORDS: Record<JobStep, string> = {
  accept: 'accepted',
  start: 'started',
  complete: 'completed',
};

/**
 * The operator's buttons on the job: accept (assigned), start (assigned or accepted, only when
 * the checklists allow it) and complete (started). The server's refusals are shown in words.
 */
export function JobActions({
  job,
  readyToStart,
  notReadyReason,
  onChecklistRefusal,
}: JobActionsProps) {
  const stepMutation = useJobStep();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function refused(failure: unknown, step: JobStep) {
    setError(refusalText(failure, `The job could not be ${DONE_WORDS[step]}.`));
    if (isApiError(failure) && isChecklistRefusal(failure)) onChecklistRefusal?.();
  }

  /**
   * One step; `start` on a job still assigned accepts it first (pressing Start means taking the
   * job), so an operator who opens a new job goes checklist → Start in one go.
   */
  async function take(step: JobStep) {
    setError(null);
    setDone(null);
    const steps: JobStep[] =
      step === 'start' && job.status === 'assigned' ? ['accept', 'start'] : [step];
    for (const current of steps) {
      try {
        const saved = await stepMutation.mutateAsync({ id: job.id, step: current });
        setDone(`Job ${saved.status}.`);
      } catch (failure) {
        refused(failure, current);
        return;
      }
    }
  }

  const pending = (step: JobStep) =>
    stepMutation.isPending && stepMutation.variables?.step === step;

  return (
    <div className="job-actions">
      {error !== null ? <Alert tone="error">{error}</Alert> : null}
      {done !== null ? <Alert tone="success">{done}</Alert> : null}
      {job.status === 'assigned' ? (
        <Button
          className="job-actions__button"
          isLoading={pending('accept')}
          onClick={() => void take('accept')}
        >
          Accept job
        </Button>
      ) : null}
      {job.status === 'assigned' || job.status === 'accepted' ? (
        <>
          <Button
            className="job-actions__button"
            isLoading={pending('start') || (job.status === 'assigned' && pending('accept'))}
            disabled={!readyToStart}
            aria-describedby={
              !readyToStart && notReadyReason !== undefined ? `start-why-${job.id}` : undefined
            }
            onClick={() => void take('start')}
          >
            Start job
          </Button>
          {!readyToStart && notReadyReason !== undefined ? (
            <p className="job-actions__why" id={`start-why-${job.id}`}>
              {notReadyReason}
            </p>
          ) : null}
        </>
      ) : null}
      {job.status === 'started' ? (
        <Button
          className="job-actions__button"
          isLoading={pending('complete')}
          onClick={() => void take('complete')}
        >
          Complete job
        </Button>
      ) : null}
    </div>
  );
}
