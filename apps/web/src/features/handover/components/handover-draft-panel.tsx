import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { Handover } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { handoverHref } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useCreateHandover } from '@/features/handover/api/create-handover';
import { useHandoverDraft } from '@/features/handover/api/get-handover-draft';
import type { HandoverOccurrence } from '@/features/handover/api/handover-query-keys';
import { HandoverErrorAlert, errorText } from '@/features/handover/components/handover-error';
import { HandoverSummaryView } from '@/features/handover/components/handover-summary';
import { formatShift } from '@/features/handover/utils/format';
import './handover.css';

export const NOTES_MAX_LENGTH = 4000;

export interface HandoverDraftPanelProps {
  lineId: string;
  occurrence: HandoverOccurrence | null;
  /** `handover:write`: may write the handover (readers see the summary only). */
  canWrite: boolean;
  onCreated?: (handover: Handover) => void;
}

/**
 * The outgoing shift's summary as the server computes it now, the manager's notes, and
 * "Hand over". The server recomputes and freezes the summary when it stores the handover.
 */
export function HandoverDraftPanel({
  lineId,
  occurrence,
  canWrite,
  onCreated,
}: HandoverDraftPanelProps) {
  const notesId = useId();
  const draftQuery = useHandoverDraft(lineId, occurrence);
  const [notes, setNotes] = useState('');
  const create = useCreateHandover({
    mutationConfig: {
      onSuccess: (handover) => {
        setNotes('');
        onCreated?.(handover);
      },
    },
  });

  if (draftQuery.isPending) return <LoadingState label="Summing up the shift…" />;
  if (draftQuery.isError) {
    const { error } = draftQuery;
    if (isApiError(error) && error.statusCode === 409) {
      return (
        <Alert tone="warning" title="No shift to hand over">
          {error.message}
        </Alert>
      );
    }
    if (isApiError(error) && error.statusCode === 400) {
      return (
        <Alert tone="warning" title="Check the shift and date">
          {errorText(error)}
        </Alert>
      );
    }
    return (
      <ErrorState
        title="Could not sum up the shift"
        error={error}
        onRetry={() => void draftQuery.refetch()}
      />
    );
  }

  const draft = draftQuery.data;
  const notesError = isApiError(create.error) ? create.error.fieldError('notes') : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ lineId, shiftId: draft.shift.id, date: draft.shift.date, notes });
  }

  return (
    <section className="card handover-draft" aria-labelledby={`${notesId}-title`}>
      <header className="handover-heading">
        <h2 id={`${notesId}-title`}>
          Line {draft.lineCode}: {formatShift(draft.shift, draft.from, draft.to)}
        </h2>
        <p className="muted">
          Summary as of {formatDateTime(draft.generatedAt)}; the server freezes it when you hand
          over.
        </p>
      </header>
      {draft.existingHandoverId !== null ? (
        <Alert tone="info" title="This shift is already handed over">
          <Link to={handoverHref(draft.existingHandoverId)}>Open its handover</Link>
        </Alert>
      ) : null}
      <HandoverSummaryView summary={draft.summary} />
      {create.error !== null ? (
        <HandoverErrorAlert error={create.error} action="hand over" shownElsewhere={['notes']} />
      ) : null}
      {canWrite && draft.existingHandoverId === null ? (
        <form className="form handover-form" onSubmit={submit} noValidate>
          <div className={notesError === undefined ? 'field' : 'field field--invalid'}>
            <label className="field__label" htmlFor={notesId}>
              Notes for the incoming shift
            </label>
            <textarea
              id={notesId}
              name="notes"
              className="field__control handover-notes"
              rows={5}
              maxLength={NOTES_MAX_LENGTH}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              aria-invalid={notesError !== undefined}
              aria-describedby={`${notesId}-hint`}
            />
            {notesError !== undefined ? (
              <p className="field__error" id={`${notesId}-hint`}>
                {notesError}
              </p>
            ) : (
              <p className="field__hint" id={`${notesId}-hint`}>
                What the next shift must know: problems, promises, what to watch. At most{' '}
                {NOTES_MAX_LENGTH} characters.
              </p>
            )}
          </div>
          <div className="form__actions">
            <Button type="submit" isLoading={create.isPending}>
              Hand over
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
