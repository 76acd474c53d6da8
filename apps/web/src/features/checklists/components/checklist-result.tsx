import type { ChecklistRun } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { formatDateTime } from '@/lib/format';
import { formatAnswer } from '@/features/checklists/utils/checklist-answers';
import './checklists.css';

/** The verdict of a run in words: passed, passed with remarks, or blocking (and why). */
function Verdict({ run }: { run: ChecklistRun }) {
  const failed = run.items.filter((item) => run.failedItemIds.includes(item.id));
  const names = failed.map((item) => item.label).join(', ');
  if (run.blocking) {
    const critical = failed.filter((item) => item.critical).map((item) => item.label);
    return (
      <Alert tone="error" title="Blocking: the job cannot start">
        Critical {critical.length === 1 ? 'item' : 'items'} failed: {critical.join(', ')}. Fix the
        problem, then run the checklist again.
      </Alert>
    );
  }
  if (!run.passed) {
    return (
      <Alert tone="warning" title="Done with remarks">
        Failed: {names}. None of them is critical: the job may start.
      </Alert>
    );
  }
  return <Alert tone="success" title="Checklist passed" />;
}

/** A completed run: the verdict, every answer with failed items highlighted, the andon call. */
export function ChecklistResult({ run }: { run: ChecklistRun }) {
  const answers = new Map(run.answers.map((answer) => [answer.itemId, answer]));
  return (
    <div className="checklist-result">
      <Verdict run={run} />
      {run.andonCallId !== null ? (
        <Alert tone="info">An andon call was raised for the failed items.</Alert>
      ) : null}
      <ul className="checklist-result__items" aria-label={`Answers to ${run.templateName}`}>
        {run.items.map((item) => {
          const answer = answers.get(item.id);
          const failed = run.failedItemIds.includes(item.id);
          return (
            <li
              key={item.id}
              className={
                failed
                  ? 'checklist-result__item checklist-result__item--failed'
                  : 'checklist-result__item'
              }
            >
              <span className="checklist-result__label">
                {item.label}
                {item.critical ? <span className="badge checklist-critical">Critical</span> : null}
              </span>
              <span className="checklist-result__answer">{formatAnswer(item, answer?.value)}</span>
              <span
                className={
                  failed ? 'checklist-result__verdict--failed' : 'checklist-result__verdict--passed'
                }
              >
                {failed ? 'Failed' : 'Passed'}
              </span>
            </li>
          );
        })}
      </ul>
      {run.note !== null ? <p className="muted">Note: {run.note}</p> : null}
      <p className="muted">
        Version {run.templateVersion}, by {run.completedBy.displayName} at{' '}
        {formatDateTime(run.completedAt)}
      </p>
    </div>
  );
}
