import type { FormEvent } from 'react';
import { type Equipment, createEquipmentSchema, updateEquipmentSchema } from '@ms5/contracts';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useLines } from '@/features/plant/api/get-plant-list';
import { CodeNameFields } from '@/features/plant/components/code-name-fields';
import { FormShell } from '@/features/plant/components/form-shell';
import { numberOrUndefined } from '@/lib/form-data';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';

/** A machine (work cell) on a line, with the ideal cycle time its performance is measured by. */
export function EquipmentForm({ item, onSaved, onCancel }: ConfigFormProps<Equipment>) {
  const { fieldErrors, formError, isSaving, save } = usePlantItemForm('equipment', {
    item,
    onSaved,
  });
  const lines = useLines().data?.items ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = {
      code: formText(data, 'code'),
      name: formText(data, 'name'),
      lineId: formText(data, 'lineId'),
      idealCycleTimeSeconds: numberOrUndefined(formText(data, 'idealCycleTimeSeconds')),
    };
    save(event.currentTarget, raw, {
      create: createEquipmentSchema,
      update: updateEquipmentSchema,
    });
  }

  return (
    <FormShell
      label={item === undefined ? 'New equipment' : `Edit equipment ${item.code}`}
      formError={formError}
      isSaving={isSaving}
      submitLabel={item === undefined ? 'Create equipment' : 'Save equipment'}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <CodeNameFields item={item} fieldErrors={fieldErrors} />
      <SelectField
        key={lines.length}
        name="lineId"
        label="Line"
        defaultValue={item?.lineId ?? ''}
        options={[
          { value: '', label: 'Choose a line' },
          ...lines.map((line) => ({ value: line.id, label: `${line.code} · ${line.name}` })),
        ]}
        error={fieldErrors.lineId}
      />
      <TextField
        name="idealCycleTimeSeconds"
        label="Ideal cycle time (s)"
        type="number"
        inputMode="decimal"
        step="any"
        defaultValue={item?.idealCycleTimeSeconds}
        error={fieldErrors.idealCycleTimeSeconds}
      />
    </FormShell>
  );
}
