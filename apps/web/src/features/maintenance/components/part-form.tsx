import { type FormEvent, useState } from 'react';
import { type WorkOrder, addWorkOrderPartSchema } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/form-field';
import { formText, numberOrUndefined } from '@/lib/form-data';
import { namedFields, useFormErrors } from '@/lib/use-form-errors';
import { useAddWorkOrderPart } from '@/features/maintenance/api/add-work-order-part';
import './maintenance.css';

const FIELDS = namedFields(['partNumber', 'description', 'quantity']);

/** Record a spare part used: part number, what it is, how many (checked with the contract schema). */
export function PartForm({ order }: { order: WorkOrder }) {
  const mutation = useAddWorkOrderPart();
  const { fieldErrors, formError, clear, showIssues, showServerError } = useFormErrors();
  const [saved, setSaved] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const data = new FormData(event.currentTarget);
    const quantityText = formText(data, 'quantity').trim();
    const description = formText(data, 'description').trim();
    const parsed = addWorkOrderPartSchema.safeParse({
      partNumber: formText(data, 'partNumber'),
      ...(description === '' ? {} : { description }),
      quantity: numberOrUndefined(quantityText),
    });
    if (!parsed.success) {
      return showIssues(parsed.error, FIELDS, (field, message) =>
        field === 'quantity' && quantityText === '' ? 'Required' : message,
      );
    }
    clear();
    mutation.mutate(
      { id: order.id, input: parsed.data },
      {
        onSuccess: () => {
          setSaved(`${parsed.data.quantity} × ${parsed.data.partNumber} recorded.`);
          setFormKey((key) => key + 1);
        },
        onError: (error) => showServerError(error, FIELDS, 'The part could not be saved.'),
      },
    );
  }

  return (
    <form
      key={formKey}
      className="form wo-inline-form"
      onSubmit={handleSubmit}
      noValidate
      aria-label="Add part"
    >
      {formError !== null ? <Alert tone="error">{formError}</Alert> : null}
      {saved !== null ? <Alert tone="success">{saved}</Alert> : null}
      <TextField
        name="partNumber"
        label="Part number"
        autoComplete="off"
        error={fieldErrors.partNumber}
      />
      <TextField
        name="description"
        label="Description"
        autoComplete="off"
        hint="Optional"
        error={fieldErrors.description}
      />
      <TextField
        name="quantity"
        label="Quantity"
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        defaultValue={1}
        error={fieldErrors.quantity}
      />
      <Button type="submit" className="wo-actions__button" isLoading={mutation.isPending}>
        Add part
      </Button>
    </form>
  );
}
