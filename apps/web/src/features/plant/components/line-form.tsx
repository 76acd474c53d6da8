import type { FormEvent } from 'react';
import { type Line, createLineSchema, updateLineSchema } from '@ms5/contracts';
import { TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useCreatePlantItem } from '@/features/plant/api/create-plant-item';
import { useUpdatePlantItem } from '@/features/plant/api/update-plant-item';
import { FormShell } from '@/features/plant/components/form-shell';
import { numberOrUndefined, useConfigForm } from '@/features/plant/components/use-config-form';

export interface ConfigFormProps<T> {
  /** The item to change; without one the form creates a new item. */
  item?: T | undefined;
  onSaved?: (item: T) => void;
  onCancel?: () => void;
}

/** A production line: code, name and the micro-stop threshold its stops are judged by. */
export function LineForm({ item, onSaved, onCancel }: ConfigFormProps<Line>) {
  const { fieldErrors, formError, validate, showServerError } = useConfigForm();
  const create = useCreatePlantItem('lines');
  const update = useUpdatePlantItem('lines');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const raw = {
      code: formText(data, 'code'),
      name: formText(data, 'name'),
      microStopThresholdSeconds: numberOrUndefined(formText(data, 'microStopThresholdSeconds')),
    };
    const callbacks = {
      onSuccess: (saved: Line) => onSaved?.(saved),
      onError: (error: unknown) => showServerError(form, error),
    };
    if (item === undefined) {
      const input = validate(form, createLineSchema.safeParse(raw));
      if (input !== undefined) create.mutate(input, callbacks);
    } else {
      const changes = validate(form, updateLineSchema.safeParse(raw));
      if (changes !== undefined) update.mutate({ id: item.id, changes }, callbacks);
    }
  }

  return (
    <FormShell
      label={item === undefined ? 'New line' : `Edit line ${item.code}`}
      formError={formError}
      isSaving={create.isPending || update.isPending}
      submitLabel={item === undefined ? 'Create line' : 'Save line'}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <TextField
        name="code"
        label="Code"
        defaultValue={item?.code}
        autoComplete="off"
        error={fieldErrors.code}
      />
      <TextField name="name" label="Name" defaultValue={item?.name} error={fieldErrors.name} />
      <TextField
        name="microStopThresholdSeconds"
        label="Micro-stop threshold (s)"
        type="number"
        inputMode="numeric"
        defaultValue={item?.microStopThresholdSeconds ?? 120}
        hint="Stops shorter than this count as micro-stops"
        error={fieldErrors.microStopThresholdSeconds}
      />
    </FormShell>
  );
}
