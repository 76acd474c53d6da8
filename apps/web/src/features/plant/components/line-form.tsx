import type { FormEvent } from 'react';
import { type Line, createLineSchema, updateLineSchema } from '@ms5/contracts';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useAreaChoices } from '@/features/plant/components/area-choices';
import { FormShell } from '@/features/plant/components/form-shell';
import { numberOrUndefined } from '@/features/plant/components/use-config-form';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';

/** A production line: code, name, its area (if any) and the micro-stop threshold of its stops. */
export function LineForm({ item, onSaved, onCancel }: ConfigFormProps<Line>) {
  const { fieldErrors, formError, isSaving, save } = usePlantItemForm('lines', { item, onSaved });
  const areas = useAreaChoices();
  const current = item?.areaId ?? '';
  // Until the areas load (or beyond the first page) the line's own area stays chosen, unnamed.
  const missing = current !== '' && !areas.some((area) => area.value === current);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = {
      code: formText(data, 'code'),
      name: formText(data, 'name'),
      areaId: formText(data, 'areaId') || null,
      microStopThresholdSeconds: numberOrUndefined(formText(data, 'microStopThresholdSeconds')),
    };
    save(event.currentTarget, raw, { create: createLineSchema, update: updateLineSchema });
  }

  return (
    <FormShell
      label={item === undefined ? 'New line' : `Edit line ${item.code}`}
      formError={formError}
      isSaving={isSaving}
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
      <SelectField
        key={areas.length}
        name="areaId"
        label="Area"
        defaultValue={current}
        options={[
          { value: '', label: 'No area' },
          ...areas,
          ...(missing ? [{ value: current, label: '…' }] : []),
        ]}
        hint="Optional: the site and area the line belongs to"
        error={fieldErrors.areaId}
      />
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
