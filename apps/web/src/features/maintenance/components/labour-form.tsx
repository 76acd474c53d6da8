import { type FormEvent, useState } from 'react';
import { type WorkOrder, addWorkOrderLabourSchema } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/form-field';
import { formText, numberOrUndefined } from '@/lib/form-data';
import { isoToLocalInput, localInputToIso, toIsoWithOffset } from '@/lib/local-time';
import { namedFields, useFormErrors } from '@/lib/use-form-errors';
import { useAddWorkOrderLabour } from '@/features/maintenance/api/add-work-order-labour';
import './maintenance.css';

const FIELDS = namedFields(['minutes', 'startedAt']);

/**
 * Log the technician's own minutes of work. The start defaults to that many minutes ago (work just
 * done); an earlier start can be given. Checked with the contract schema (whole minutes, 1–1440).
 */
export function LabourForm({ order }: { order: WorkOrder }) {
  const mutation = useAddWorkOrderLabour();
  const { fieldErrors, formError, clear, showIssues, showServerError } = useFormErrors();
  const [saved, setSaved] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const data = new FormData(event.currentTarget);
    const minutesText = formText(data, 'minutes').trim();
    const minutes = numberOrUndefined(minutesText);
    const startText = formText(data, 'startedAt');
    const startedAt =
      startText !== ''
        ? localInputToIso(startText)
        : toIsoWithOffset(new Date(Date.now() - (minutes ?? 0) * 60_000));
    const parsed = addWorkOrderLabourSchema.safeParse({ minutes, startedAt });
    if (!parsed.success) {
      return showIssues(parsed.error, FIELDS, (field, message) =>
        field === 'minutes' && minutesText === '' ? 'Required' : message,
      );
    }
    clear();
    mutation.mutate(
      { id: order.id, input: parsed.data },
      {
        onSuccess: () => {
          setSaved(`${parsed.data.minutes} min logged.`);
          setFormKey((key) => key + 1);
        },
        onError: (error) => showServerError(error, FIELDS, 'The labour could not be saved.'),
      },
    );
  }

  return (
    <form
      key={formKey}
      className="form wo-inline-form"
      onSubmit={handleSubmit}
      noValidate
      aria-label="Add labour"
    >
      {formError !== null ? <Alert tone="error">{formError}</Alert> : null}
      {saved !== null ? <Alert tone="success">{saved}</Alert> : null}
      <TextField
        name="minutes"
        label="Minutes worked"
        type="number"
        inputMode="numeric"
        min={1}
        max={1440}
        step={1}
        error={fieldErrors.minutes}
      />
      <TextField
        name="startedAt"
        label="Started at"
        type="datetime-local"
        hint="Leave empty for: just now"
        max={isoToLocalInput(new Date().toISOString())}
        error={fieldErrors.startedAt}
      />
      <Button type="submit" className="wo-actions__button" isLoading={mutation.isPending}>
        Add labour
      </Button>
    </form>
  );
}
