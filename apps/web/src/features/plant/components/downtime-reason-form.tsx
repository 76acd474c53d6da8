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
import { CodeNameFields } from '@/features/plant/components/code-name-fields';
import { FormShell } from '@/features/plant/components/form-shell';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';

export const LOSS_CLASS_LABELS: Record<LossClass, string> = {
  availability: 'Breakdown (availability)',
  setup: 'Setup and adjustment',
  minor_stop: 'Minor stop',
  speed: 'Reduced speed',
  quality: 'Quality loss',
};

/** A reason operators can give a stop, in a category, with the OEE loss it counts as. */
export function DowntimeReasonForm({ item, onSaved, onCancel }: ConfigFormProps<DowntimeReason>) {
  const { fieldErrors, formError, isSaving, save } = usePlantItemForm('downtime-reasons', {
    item,
    onSaved,
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = {
      code: formText(data, 'code'),
      name: formText(data, 'name'),
      category: formText(data, 'category'),
      planned: data.get('planned') === 'on',
      lossClass: formText(data, 'lossClass'),
    };
    save(event.currentTarget, raw, {
      create: createDowntimeReasonSchema,
      update: updateDowntimeReasonSchema,
    });
  }

  return (
    <FormShell
      label={item === undefined ? 'New downtime reason' : `Edit downtime reason ${item.code}`}
      formError={formError}
      isSaving={isSaving}
      submitLabel={item === undefined ? 'Create reason' : 'Save reason'}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <CodeNameFields item={item} fieldErrors={fieldErrors} />
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
