import type { FormEvent } from 'react';
import {
  type PlannedStop,
  type UpdatePlannedStopInput,
  createPlannedStopSchema,
} from '@ms5/contracts';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { isoToLocalInput, localInputToIso } from '@/lib/local-time';
import { useAllEquipment, useLines } from '@/features/plant/api/get-plant-list';
import { FormShell } from '@/features/plant/components/form-shell';
import { fromTarget, targetOptions, targetValue } from '@/features/plant/components/target-options';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';

/** The PATCH takes only the times and the reason; the whole input is still checked as on create. */
const editPlannedStopSchema = createPlannedStopSchema.transform(
  ({ startsAt, endsAt, reason }): UpdatePlannedStopInput => ({ startsAt, endsAt, reason }),
);

/** Planned downtime (maintenance, no orders) of a line or a machine: left out of planned busy time. */
export function PlannedStopForm({ item, onSaved, onCancel }: ConfigFormProps<PlannedStop>) {
  const { fieldErrors, formError, isSaving, save } = usePlantItemForm(
    'planned-stops',
    { item, onSaved },
    { lineId: 'target', equipmentId: 'target' },
  );
  const lines = useLines().data?.items ?? [];
  const equipment = useAllEquipment().data?.items ?? [];
  const options = targetOptions(lines, equipment);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const target =
      item === undefined
        ? fromTarget(formText(data, 'target'))
        : fromTarget(targetValue(item.lineId, item.equipmentId));
    const raw = {
      ...target,
      startsAt: localInputToIso(formText(data, 'startsAt')),
      endsAt: localInputToIso(formText(data, 'endsAt')),
      reason: formText(data, 'reason'),
    };
    save(event.currentTarget, raw, {
      create: createPlannedStopSchema,
      update: editPlannedStopSchema,
    });
  }

  return (
    <FormShell
      label={item === undefined ? 'New planned stop' : 'Edit planned stop'}
      formError={formError}
      isSaving={isSaving}
      submitLabel={item === undefined ? 'Create planned stop' : 'Save planned stop'}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <SelectField
        key={options.length}
        name="target"
        label="Line or equipment"
        defaultValue={targetValue(item?.lineId, item?.equipmentId)}
        options={options}
        disabled={item !== undefined}
        error={fieldErrors.target}
      />
      <TextField
        name="reason"
        label="Reason"
        defaultValue={item?.reason}
        error={fieldErrors.reason}
      />
      <TextField
        name="startsAt"
        label="Starts"
        type="datetime-local"
        defaultValue={item === undefined ? undefined : isoToLocalInput(item.startsAt)}
        error={fieldErrors.startsAt}
      />
      <TextField
        name="endsAt"
        label="Ends"
        type="datetime-local"
        defaultValue={item === undefined ? undefined : isoToLocalInput(item.endsAt)}
        error={fieldErrors.endsAt}
      />
    </FormShell>
  );
}
