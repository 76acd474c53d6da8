import type { FormEvent } from 'react';
import {
  type DowntimeReason,
  LOSS_CLASSES,
  type LossClass,
  createDowntimeReasonSchema,
  updateDowntimeReasonSchema,
} from '@ms5/contracts';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useCreatePlantItem } from '@/features/plant/api/create-plant-item';
import { useUpdatePlantItem } from '@/features/plant/api/update-plant-item';
import { FormShell } from '@/features/plant/components/form-shell';
import type { ConfigFormProps } from '@/features/plant/components/line-form';
import { useConfigForm } from '@/features/plant/components/use-config-form';

export const LOSS_CLASS_LABELS: Record<LossClass, string> = {
  availability: 'Breakdown (availability)',
  setup: 'Setup and adjustment',
  minor_stop: 'Minor stop',
  speed: 'Reduced speed',
  quality: 'Quality loss',
};

/** A reason operators can give a stop, in a category, with the OEE loss it counts as. */
export function DowntimeReasonForm({ item, onSaved, onCancel }: ConfigFormProps<DowntimeReason>) {
  const { fieldErrors, formError, validate, showServerError } = useConfigForm();
  const create = useCreatePlantItem('downtime-reasons');
  const update = useUpdatePlantItem('downtime-reasons');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const raw = {
      code: formText(data, 'code'),
      name: formText(data, 'name'),
      category: formText(data, 'category'),
      planned: data.get('planned') === 'on',
      lossClass: formText(data, 'lossClass'),
    };
    const callbacks = {
      onSuccess: (saved: DowntimeReason) => onSaved?.(saved),
      onError: (error: unknown) => showServerError(form, error),
    };
    if (item === undefined) {
      const input = validate(form, createDowntimeReasonSchema.safeParse(raw));
      if (input !== undefined) create.mutate(input, callbacks);
    } else {
      const changes = validate(form, updateDowntimeReasonSchema.safeParse(raw));
      if (changes !== undefined) update.mutate({ id: item.id, changes }, callbacks);
    }
  }

  return (
    <FormShell
      label={item === undefined ? 'New downtime reason' : `Edit downtime reason ${item.code}`}
      formError={formError}
      isSaving={create.isPending || update.isPending}
      submitLabel={item === undefined ? 'Create reason' : 'Save reason'}
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
        name="category"
        label="Category"
        defaultValue={item?.category}
        hint="Operators see reasons grouped by category"
        error={fieldErrors.category}
      />
      <SelectField
        name="lossClass"
        label="Counts as"
        defaultValue={item?.lossClass ?? 'availability'}
        options={LOSS_CLASSES.map((value) => ({ value, label: LOSS_CLASS_LABELS[value] }))}
        error={fieldErrors.lossClass}
      />
      <label className="checkbox">
        <input type="checkbox" name="planned" defaultChecked={item?.planned ?? false} />
        <span>Planned (not counted against availability)</span>
      </label>
    </FormShell>
  );
}
