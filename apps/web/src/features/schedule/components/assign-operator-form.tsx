import { type FormEvent, useState } from 'react';
import { createJobAssignmentSchema } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useAssignJob } from '@/features/schedule/api/assign-job';
import { useOperators } from '@/features/schedule/api/get-operators';
import { namedFields, useFormErrors } from '@/lib/use-form-errors';

const FIELDS = namedFields(['operatorId', 'shiftDate', 'note']);

interface AssignOperatorFormProps {
  orderId: string;
  onAssigned?: (operatorName: string) => void;
}

/** Assign one of the active operators to the order. */
export function AssignOperatorForm({ orderId, onAssigned }: AssignOperatorFormProps) {
  const operatorsQuery = useOperators();
  const operators = operatorsQuery.data ?? [];
  const [choice, setChoice] = useState('');
  const { fieldErrors, formError, clear, showIssues, showServerError } = useFormErrors();
  const assignMutation = useAssignJob();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const operatorId = formText(data, 'operatorId');
    const shiftDate = formText(data, 'shiftDate');
    const note = formText(data, 'note').trim();
    const parsed = createJobAssignmentSchema.safeParse({
      orderId,
      operatorId,
      ...(shiftDate === '' ? {} : { shiftDate }),
      ...(note === '' ? {} : { note }),
    });
    if (!parsed.success) {
      return showIssues(parsed.error, FIELDS, (path, message) =>
        path === 'operatorId' && operatorId === '' ? 'Choose an operator' : message,
      );
    }
    clear();
    assignMutation.mutate(parsed.data, {
      onSuccess: (job) => {
        form.reset();
        setChoice('');
        onAssigned?.(job.operator.displayName);
      },
      onError: (error) => showServerError(error, FIELDS, 'The operator could not be assigned.'),
    });
  }

  return (
    <form
      className="form form--grid"
      onSubmit={handleSubmit}
      noValidate
      aria-label="Assign an operator"
    >
      {formError !== null ? (
        <div className="form__full">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}
      <SelectField
        name="operatorId"
        label="Operator"
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        options={[
          {
            value: '',
            label: operatorsQuery.isPending ? 'Loading operators…' : 'Choose an operator',
          },
          ...operators.map((operator) => ({ value: operator.id, label: operator.displayName })),
        ]}
        error={fieldErrors.operatorId}
      />
      <TextField name="shiftDate" label="Shift date" type="date" error={fieldErrors.shiftDate} />
      <TextField name="note" label="Note" autoComplete="off" error={fieldErrors.note} />
      <div className="form__actions form__full">
        <Button type="submit" isLoading={assignMutation.isPending}>
          Assign operator
        </Button>
      </div>
    </form>
  );
}
