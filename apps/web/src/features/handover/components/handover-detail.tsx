import { type FormEvent, useId, useState } from 'react';
import type { Handover } from '@ms5/contracts';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { isApiError } from '@/lib/api-client';
import { useCurrentUser } from '@/lib/auth';
import { usePermission } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useAcknowledgeHandover } from '@/features/handover/api/acknowledge-handover';
import { useHandover } from '@/features/handover/api/get-handover';
import { HandoverErrorAlert } from '@/features/handover/components/handover-error';
import { HandoverSummaryView } from '@/features/handover/components/handover-summary';
import { NOTES_MAX_LENGTH } from '@/features/handover/components/handover-draft-panel';
import { formatShift } from '@/features/handover/utils/format';
import './handover.css';

function AcknowledgeForm({ handover }: { handover: Handover }) {
  const id = useId();
  const [note, setNote] = useState('');
  const acknowledge = useAcknowledgeHandover();
  const noteError = isApiError(acknowledge.error)
    ? acknowledge.error.fieldError('note')
    : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = note.trim();
    acknowledge.mutate({ id: handover.id, input: trimmed === '' ? {} : { note: trimmed } });
  }

  return (
    <>
      {acknowledge.error !== null ? (
        <HandoverErrorAlert
          error={acknowledge.error}
          action="acknowledge"
          shownElsewhere={['note']}
        />
      ) : null}
      {handover.acknowledgedBy === null ? (
        <form className="form handover-form" onSubmit={submit} noValidate>
          <div className={noteError === undefined ? 'field' : 'field field--invalid'}>
            <label className="field__label" htmlFor={id}>
              Note (optional)
            </label>
            <textarea
              id={id}
              name="note"
              className="field__control handover-notes"
              rows={3}
              maxLength={NOTES_MAX_LENGTH}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-invalid={noteError !== undefined}
              aria-describedby={noteError !== undefined ? `${id}-error` : undefined}
            />
            {noteError !== undefined ? (
              <p className="field__error" id={`${id}-error`}>
                {noteError}
              </p>
            ) : null}
          </div>
          <div className="form__actions">
            <Button type="submit" isLoading={acknowledge.isPending}>
              Acknowledge
            </Button>
          </div>
        </form>
      ) : null}
    </>
  );
}

/** Who takes the shift over: acknowledged (by whom, when, with what note), or waiting. */
function Acknowledgement({ handover }: { handover: Handover }) {
  const user = useCurrentUser();
  const canWrite = usePermission('handover:write');
  const isAuthor = handover.createdBy.id === user.id;
  return (
    <section className="card" aria-labelledby="handover-ack-title">
      <h2 id="handover-ack-title">Acknowledgement</h2>
      {handover.acknowledgedBy !== null ? (
        <div className="handover-ack">
          <p>
            Acknowledged by <strong>{handover.acknowledgedBy.displayName}</strong> at{' '}
            {formatDateTime(handover.acknowledgedAt)}.
          </p>
          {handover.acknowledgeNote !== null && handover.acknowledgeNote !== '' ? (
            <blockquote className="handover-text">{handover.acknowledgeNote}</blockquote>
          ) : null}
        </div>
      ) : isAuthor ? (
        <p className="muted">
          Waiting for the incoming shift manager: you wrote this handover, someone else acknowledges
          it.
        </p>
      ) : !canWrite ? (
        <p className="muted">Not acknowledged yet.</p>
      ) : (
        <p>Read the summary and the notes, then acknowledge that you take the shift over.</p>
      )}
      {canWrite && !isAuthor ? <AcknowledgeForm handover={handover} /> : null}
    </section>
  );
}

/** A written handover: the frozen summary, the outgoing manager's notes, the acknowledgement. */
export function HandoverDetail({ id }: { id: string }) {
  const query = useHandover(id);
  if (query.isPending) return <LoadingState label="Loading the handover…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="Could not load this handover"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const handover = query.data;
  return (
    <div className="handover-detail">
      <section className="card" aria-labelledby="handover-detail-title">
        <h2 id="handover-detail-title">
          Line {handover.lineCode}: {formatShift(handover.shift, handover.from, handover.to)}
        </h2>
        <dl className="facts">
          <div>
            <dt>Handed over by</dt>
            <dd>{handover.createdBy.displayName}</dd>
          </div>
          <div>
            <dt>Written</dt>
            <dd>{formatDateTime(handover.createdAt)}</dd>
          </div>
          <div>
            <dt>Time zone</dt>
            <dd>{handover.shift.timezone}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              {handover.acknowledgedBy === null ? 'Waiting for acknowledgement' : 'Acknowledged'}
            </dd>
          </div>
        </dl>
        <h3>Notes</h3>
        {handover.notes === '' ? (
          <p className="muted">No notes.</p>
        ) : (
          <blockquote className="handover-text">{handover.notes}</blockquote>
        )}
      </section>
      <section className="card" aria-labelledby="handover-summary-title">
        <h2 id="handover-summary-title">Summary at handover</h2>
        <HandoverSummaryView summary={handover.summary} />
      </section>
      <Acknowledgement handover={handover} />
    </div>
  );
}
