import type { FormEvent } from 'react';
import { type Shift, createShiftSchema, updateShiftSchema } from '@ms5/contracts';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useCreatePlantItem } from '@/features/plant/api/create-plant-item';
import { useLines } from '@/features/plant/api/get-plant-list';
import { useUpdatePlantItem } from '@/features/plant/api/update-plant-item';
import { FormShell } from '@/features/plant/components/form-shell';
import type { ConfigFormProps } from '@/features/plant/components/line-form';
import { numberOrUndefined, useConfigForm } from '@/features/plant/components/use-config-form';
import { useRows } from '@/features/plant/components/use-rows';

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A shift pattern of a line: daily start and end, time zone, and its breaks (planned downtime). */
export function ShiftForm({ item, onSaved, onCancel }: ConfigFormProps<Shift>) {
  const { fieldErrors, formError, validate, showServerError } = useConfigForm();
  const create = useCreatePlantItem('shifts');
  const update = useUpdatePlantItem('shifts');
  const lines = useLines().data?.items ?? [];
  const rows = useRows(item?.breaks.length ?? 0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
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
    const callbacks = {
      onSuccess: (saved: Shift) => onSaved?.(saved),
      onError: (error: unknown) => showServerError(form, error),
    };
    if (item === undefined) {
      const input = validate(
        form,
        createShiftSchema.safeParse({ ...raw, lineId: formText(data, 'lineId') }),
      );
      if (input !== undefined) create.mutate(input, callbacks);
    } else {
      const changes = validate(form, updateShiftSchema.safeParse(raw));
      if (changes !== undefined) update.mutate({ id: item.id, changes }, callbacks);
    }
  }

  return (
    <FormShell
      label={item === undefined ? 'New shift' : `Edit shift ${item.name}`}
      formError={formError}
      isSaving={create.isPending || update.isPending}
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
      <TextField
        name="timezone"
        label="Time zone"
        defaultValue={item?.timezone ?? browserTimeZone()}
        hint="An IANA name such as Europe/Berlin"
        error={fieldErrors.timezone}
      />
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
