import type { FormEvent } from 'react';
import { type Equipment, createEquipmentSchema, updateEquipmentSchema } from '@ms5/contracts';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useCreatePlantItem } from '@/features/plant/api/create-plant-item';
import { useLines } from '@/features/plant/api/get-plant-list';
import { useUpdatePlantItem } from '@/features/plant/api/update-plant-item';
import { FormShell } from '@/features/plant/components/form-shell';
import type { ConfigFormProps } from '@/features/plant/components/line-form';
import { numberOrUndefined, useConfigForm } from '@/features/plant/components/use-config-form';

/** A machine (work cell) on a line, with the ideal cycle time its performance is measured by. */
export function EquipmentForm({ item, onSaved, onCancel }: ConfigFormProps<Equipment>) {
  const { fieldErrors, formError, validate, showServerError } = useConfigForm();
  const create = useCreatePlantItem('equipment');
  const update = useUpdatePlantItem('equipment');
  const lines = useLines().data?.items ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const raw = {
      code: formText(data, 'code'),
      name: formText(data, 'name'),
      lineId: formText(data, 'lineId'),
      idealCycleTimeSeconds: numberOrUndefined(formText(data, 'idealCycleTimeSeconds')),
    };
    const callbacks = {
      onSuccess: (saved: Equipment) => onSaved?.(saved),
      onError: (error: unknown) => showServerError(form, error),
    };
    if (item === undefined) {
      const input = validate(form, createEquipmentSchema.safeParse(raw));
      if (input !== undefined) create.mutate(input, callbacks);
    } else {
      const changes = validate(form, updateEquipmentSchema.safeParse(raw));
      if (changes !== undefined) update.mutate({ id: item.id, changes }, callbacks);
    }
  }

  return (
    <FormShell
      label={item === undefined ? 'New equipment' : `Edit equipment ${item.code}`}
      formError={formError}
      isSaving={create.isPending || update.isPending}
      submitLabel={item === undefined ? 'Create equipment' : 'Save equipment'}
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
