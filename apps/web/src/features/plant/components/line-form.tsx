import type { FormEvent } from 'react';
import { type Line, createLineSchema, updateLineSchema } from '@ms5/contracts';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { usePlantList } from '@/features/plant/api/get-plant-list';
import { useAreaChoices } from '@/features/plant/components/area-choices';
import { CodeNameFields } from '@/features/plant/components/code-name-fields';
import { FormShell } from '@/features/plant/components/form-shell';
import { numberOrUndefined } from '@/lib/form-data';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';

/**
 * A production line: code, name, its area (if any), the micro-stop threshold of its stops and —
 * once it has equipment, so when editing — the equipment whose good parts are its output.
 */
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
      ...(item === undefined
        ? {}
        : { outputEquipmentId: formText(data, 'outputEquipmentId') || null }),
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
      <CodeNameFields item={item} fieldErrors={fieldErrors} />
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
      {item !== undefined && (
        <OutputEquipmentField line={item} error={fieldErrors.outputEquipmentId} />
      )}
    </FormShell>
  );
}

/** The line's equipment to choose its output from; "all" sums them (parallel machines). */
function OutputEquipmentField({ line, error }: { line: Line; error: string | undefined }) {
  const equipment = usePlantList('equipment', { page: 1, pageSize: 200, lineId: line.id }).data;
  const items = equipment?.items ?? [];
  const current = line.outputEquipmentId ?? '';
  // Until the equipment loads the line's output stays chosen, unnamed.
  const missing = current !== '' && !items.some((e) => e.id === current);
  return (
    <SelectField
      key={items.length}
      name="outputEquipmentId"
      label="Output equipment"
      defaultValue={current}
      options={[
        { value: '', label: 'All equipment, summed' },
        ...items.map((e) => ({ value: e.id, label: `${e.code} · ${e.name}` })),
        ...(missing ? [{ value: current, label: '…' }] : []),
      ]}
      hint="Whose good parts are the line's output (hour-by-hour board, handover). A line in series: its last station. Summed: only for parallel machines."
      error={error}
    />
  );
}
