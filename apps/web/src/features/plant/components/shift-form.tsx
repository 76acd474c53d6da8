import type { FormEvent } from 'react';
import { type Shift, createShiftSchema, updateShiftSchema } from '@ms5/contracts';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useLines } from '@/features/plant/api/get-plant-list';
import { FormShell } from '@/features/plant/components/form-shell';
import { TimeZoneField } from '@/features/plant/components/time-zone-field';
import { numberOrUndefined } from '@/lib/form-data';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';
import { useRows } from '@/features/plant/components/use-rows';

/** A shift pattern of a line: daily start and end, time zone, and its breaks (planned downtime). */
export function ShiftForm({ item, onSaved, onCancel }: ConfigFormProps<Shift>) {
  const { fieldErrors, formError, isSaving, save } = usePlantItemForm('shifts', { item, onSaved });
  const lines = useLines().data?.items ?? [];
  const rows = useRows(item?.breaks.length ?? 0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = {
      name: formText(data, 'name'),
      startTime: formText(data, 'startTime'),
      endTime: formText(data, 'endTime'),
      timezone: formText(data, 'timezone'),
      breaks: rows.keys.map((_, index) => ({
        startTime: formText(data, `breaks.${index}.startTime`),
        durationMinutes: numberOrUndefined(formText(data, `breaks.${index}.durationMinutes`)),
      })),
    };
    // The line is chosen once: only a new shift has the field.
    const input = item === undefined ? { ...raw, lineId: formText(data, 'lineId') } : raw;
    save(event.currentTarget, input, { create: createShiftSchema, update: updateShiftSchema });
  }

  return (
    <FormShell
      label={item === undefined ? 'New shift' : `Edit shift ${item.name}`}
      formError={formError}
      isSaving={isSaving}
      submitLabel={item === undefined ? 'Create shift' : 'Save shift'}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      {item === undefined ? (
        <SelectField
          key={lines.length}
          name="lineId"
          label="Line"
          defaultValue=""
          options={[
            { value: '', label: 'Choose a line' },
            ...lines.map((line) => ({ value: line.id, label: `${line.code} · ${line.name}` })),
          ]}
          error={fieldErrors.lineId}
        />
      ) : null}
      <TextField name="name" label="Name" defaultValue={item?.name} error={fieldErrors.name} />
      <TextField
        name="startTime"
        label="Starts at"
        type="time"
        defaultValue={item?.startTime ?? '06:00'}
        error={fieldErrors.startTime}
      />
      <TextField
        name="endTime"
        label="Ends at"
        type="time"
        defaultValue={item?.endTime ?? '14:00'}
        hint="Before the start means the shift runs past midnight"
        error={fieldErrors.endTime}
      />
      <TimeZoneField defaultValue={item?.timezone} error={fieldErrors.timezone} />
      <fieldset className="form__full repeat">
        <legend>Breaks</legend>
        {rows.keys.length === 0 ? <p className="muted">No breaks.</p> : null}
        {rows.keys.map((key, index) => (
          <div className="repeat__row" key={key}>
            <TextField
              name={`breaks.${index}.startTime`}
              label={`Break ${index + 1} starts at`}
              type="time"
              defaultValue={item?.breaks[key]?.startTime}
              error={fieldErrors[`breaks.${index}.startTime`]}
            />
            <TextField
              name={`breaks.${index}.durationMinutes`}
              label={`Break ${index + 1} minutes`}
              type="number"
              inputMode="numeric"
              defaultValue={item?.breaks[key]?.durationMinutes ?? 15}
              error={fieldErrors[`breaks.${index}.durationMinutes`]}
            />
            <Button variant="danger" onClick={() => rows.remove(key)}>
              Remove
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={rows.add}>
          Add a break
        </Button>
      </fieldset>
    </FormShell>
  );
}
