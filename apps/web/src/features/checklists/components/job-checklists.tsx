import { useId, useState } from 'react';
import type { ChecklistRun, JobChecklistStatus } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useJobChecklists } from '@/features/checklists/api/get-job-checklists';
import {
  type EquipmentOption,
  ChecklistForm,
} from '@/features/checklists/components/checklist-form';
import { ChecklistResult } from '@/features/checklists/components/checklist-result';
import { useChecklistsRealtime } from '@/features/checklists/hooks/use-checklists-realtime';
import './checklists.css';

type Entry = JobChecklistStatus['checklists'][number];

const STATUS_LABELS: Record<Entry['status'], string> = {
  missing: 'To do',
  blocked: 'Blocked',
  done: 'Done',
};

/** The newer of two runs (the answer just sent may be newer than the status fetched before). */
function newest(a: ChecklistRun | null, b: ChecklistRun | null): ChecklistRun | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b.completedAt) > Date.parse(a.completedAt) ? b : a;
}

function JobChecklist({
  jobId,
  entry,
  equipment,
  canSubmit,
}: {
  jobId: string;
  entry: Entry;
  equipment: readonly EquipmentOption[];
  canSubmit: boolean;
}) {
  const [sent, setSent] = useState<ChecklistRun | null>(null);
  const [again, setAgain] = useState(false);
  const titleId = useId();
  // The server's word wins: `missing` (a new version, say) asks for the checklist again.
  const run = entry.status === 'missing' ? null : newest(entry.latestRun, sent);
  const showForm = canSubmit && (run === null || again);

  return (
    <section
      className={`card checklist-card checklist-card--${entry.status}`}
      aria-labelledby={titleId}
    >
      <div className="checklist-card__head">
        <h2 id={titleId}>{entry.template.name}</h2>
        <span className={`badge checklist-status checklist-status--${entry.status}`}>
          {STATUS_LABELS[entry.status]}
        </span>
      </div>
      {showForm ? (
        <ChecklistForm
          jobId={jobId}
          template={entry.template}
          equipment={equipment}
          onSubmitted={(result) => {
            setSent(result);
            setAgain(false);
          }}
          onCancel={run !== null ? () => setAgain(false) : undefined}
        />
      ) : run !== null ? (
        <>
          <ChecklistResult run={run} />
          {canSubmit ? (
            <Button variant={run.blocking ? 'primary' : 'secondary'} onClick={() => setAgain(true)}>
              Run the checklist again
            </Button>
          ) : null}
        </>
      ) : (
        <p className="muted">Not done yet.</p>
      )}
    </section>
  );
}

interface JobChecklistsProps {
  jobId: string;
  equipment: readonly EquipmentOption[];
  /** The job's own operator, before the job starts. */
  canSubmit: boolean;
}

/**
 * The pre-start checklists of a job: each template that applies, answered here or showing its
 * latest result. Kept live by `checklist.run.completed`.
 */
export function JobChecklists({ jobId, equipment, canSubmit }: JobChecklistsProps) {
  useChecklistsRealtime();
  const statusQuery = useJobChecklists(jobId);

  if (statusQuery.isPending) return <LoadingState label="Loading the checklists…" />;
  if (statusQuery.isError) {
    return (
      <ErrorState
        title="Could not load the checklists"
        error={statusQuery.error}
        onRetry={() => void statusQuery.refetch()}
      />
    );
  }
  const { checklists } = statusQuery.data;
  if (checklists.length === 0) {
    return <Alert tone="info">No pre-start checklist applies to this job.</Alert>;
  }
  return (
    <div className="job-checklists">
      {checklists.map((entry) => (
        <JobChecklist
          key={`${entry.template.id}-${entry.template.version}`}
          jobId={jobId}
          entry={entry}
          equipment={equipment}
          canSubmit={canSubmit}
        />
      ))}
    </div>
  );
}
