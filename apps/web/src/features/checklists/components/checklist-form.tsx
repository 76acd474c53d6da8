import { type FormEvent, useId, useState } from 'react';
import {
  ANDON_TYPES,
  type AndonType,
  type ChecklistRun,
  type ChecklistTemplate,
  submitChecklistRunSchema,
  toFieldErrors,
} from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/form-field';
import { isApiError } from '@/lib/api-client';
import { useSubmitChecklistRun } from '@/features/checklists/api/submit-checklist-run';
import { ChecklistItemField } from '@/features/checklists/components/checklist-item-field';
import {
  type Draft,
  type DraftValue,
  answerOf,
  failingCriticalItems,
  missingAnswer,
} from '@/features/checklists/utils/checklist-answers';
import './checklists.css';
import { ANDON_TYPE_LABELS } from '@/lib/domain-labels';

export interface EquipmentOption {
  id: string;
  code: string;
  name: string;
}

interface ChecklistFormProps {
  jobId: string;
  template: ChecklistTemplate;
  /** The line's equipment, to raise an andon call on when a critical item fails. */
  equipment: readonly EquipmentOption[];
  onSubmitted?: (run: ChecklistRun) => void;
  onCancel?: () => void;
}

/**
 * Answer one checklist: every item of the template's current version, checked on the tablet
 * (a yes/no chosen, a number typed, a critical text written) and sent as
 * `{ templateId, answers: [{ itemId, value }], note?, raiseAndon? }`. While a critical answer
 * fails, the operator may raise an andon call on one of the line's machines with the run.
 */
export function ChecklistForm({
  jobId,
  template,
  equipment,
  onSubmitted,
  onCancel,
}: ChecklistFormProps) {
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [raiseAndon, setRaiseAndon] = useState(false);
  const [chosenEquipment, setEquipmentId] = useState('');
  // The line's only machine needs no choosing (the list arrives after the form opens).
  const equipmentId =
    chosenEquipment === '' && equipment.length === 1 ? (equipment[0]?.id ?? '') : chosenEquipment;
  const [andonType, setAndonType] = useState<AndonType>('quality');
  const [equipmentError, setEquipmentError] = useState<string | undefined>();
  const submitMutation = useSubmitChecklistRun();
  const noteId = useId();
  const failing = failingCriticalItems(template.items, draft);

  function set(itemId: string, value: DraftValue) {
    setDraft((current) => ({ ...current, [itemId]: value }));
    setErrors((current) => {
      if (current[itemId] === undefined) return current;
      const { [itemId]: _, ...rest } = current;
      return rest;
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const missing: Record<string, string> = {};
    for (const item of template.items) {
      const problem = missingAnswer(item, draft[item.id]);
      if (problem !== undefined) missing[item.id] = problem;
    }
    const wantsAndon = raiseAndon && failing.length > 0;
    const noEquipment = wantsAndon && equipmentId === '';
    setErrors(missing);
    setEquipmentError(noEquipment ? 'Choose the equipment' : undefined);
    const unanswered = Object.keys(missing).length > 0;
    if (unanswered || noEquipment) {
      setFormError(unanswered ? 'Answer every item before you submit.' : null);
      return;
    }
    const answers = template.items.map((item) => ({
      itemId: item.id,
      value: answerOf(item, draft[item.id]) ?? '',
    }));
    const parsed = submitChecklistRunSchema.safeParse({
      templateId: template.id,
      answers,
      ...(note.trim() === '' ? {} : { note: note.trim() }),
      ...(wantsAndon ? { raiseAndon: { equipmentId, type: andonType, priority: 'high' } } : {}),
    });
    if (!parsed.success) {
      setFormError(
        toFieldErrors(parsed.error.issues)
          .map((issue) => `${issue.path}: ${issue.message}`)
          .join(' '),
      );
      return;
    }
    submitMutation.mutate(
      { jobId, input: parsed.data },
      {
        onSuccess: (run) => {
          setDraft({});
          setNote('');
          setRaiseAndon(false);
          onSubmitted?.(run);
        },
        onError: (error) => {
          if (!isApiError(error)) {
            setFormError('The checklist could not be sent.');
            return;
          }
          // `answers.3.value` names the fourth item: show it there.
          const byItem: Record<string, string> = {};
          const other: string[] = [];
          for (const fieldError of error.fieldErrors) {
            const match = /^answers\.(\d+)/.exec(fieldError.path);
            const item = match === null ? undefined : template.items[Number(match[1])];
            if (item !== undefined) byItem[item.id] ??= fieldError.message;
            else if (fieldError.path.startsWith('raiseAndon'))
              setEquipmentError(fieldError.message);
            else other.push(fieldError.message);
          }
          setErrors(byItem);
          setFormError([error.message, ...other].join(' '));
        },
      },
    );
  }

  return (
    <form className="checklist-form" onSubmit={handleSubmit} noValidate aria-label={template.name}>
      {formError !== null ? <Alert tone="error">{formError}</Alert> : null}
      <ol className="checklist-form__items">
        {template.items.map((item) => (
          <li key={item.id}>
            <ChecklistItemField
              item={item}
              value={draft[item.id]}
              error={errors[item.id]}
              disabled={submitMutation.isPending}
              onChange={(value) => set(item.id, value)}
            />
          </li>
        ))}
      </ol>
      <div className="field">
        <label className="field__label" htmlFor={noteId}>
          Remarks (optional)
        </label>
        <textarea
          id={noteId}
          className="field__control"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      {failing.length > 0 ? (
        <div className="checklist-andon" role="group" aria-label="Raise an andon call">
          <p className="checklist-andon__warning">
            <strong>Critical item failing:</strong> {failing.map((item) => item.label).join(', ')}.
            The job will not be able to start.
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={raiseAndon}
              onChange={(event) => setRaiseAndon(event.target.checked)}
            />
            Raise andon call
          </label>
          {raiseAndon ? (
            <div className="form--grid">
              <SelectField
                name="andonEquipment"
                label="Equipment"
                value={equipmentId}
                onChange={(event) => {
                  setEquipmentId(event.target.value);
                  setEquipmentError(undefined);
                }}
                options={[
                  { value: '', label: 'Choose the equipment' },
                  ...equipment.map((item) => ({
                    value: item.id,
                    label: `${item.code} · ${item.name}`,
                  })),
                ]}
                error={equipmentError}
              />
              <SelectField
                name="andonType"
                label="Call for"
                value={andonType}
                onChange={(event) =>
                  setAndonType(ANDON_TYPES.find((type) => type === event.target.value) ?? 'quality')
                }
                options={ANDON_TYPES.map((type) => ({
                  value: type,
                  label: ANDON_TYPE_LABELS[type],
                }))}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="form__actions">
        {onCancel !== undefined ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button
          type="submit"
          className="checklist-form__submit"
          isLoading={submitMutation.isPending}
        >
          Submit checklist
        </Button>
      </div>
    </form>
  );
}
