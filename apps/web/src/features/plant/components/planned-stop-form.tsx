import type { FormEvent } from 'react';
import { type PlannedStop, createPlannedStopSchema } from '@ms5/contracts';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useCreatePlantItem } from '@/features/plant/api/create-plant-item';
import { useAllEquipment, useLines } from '@/features/plant/api/get-plant-list';
import { useUpdatePlantItem } from '@/features/plant/api/update-plant-item';
import { FormShell } from '@/features/plant/components/form-shell';
import type { ConfigFormProps } from '@/features/plant/components/line-form';
import { fromTarget, targetOptions, targetValue } from '@/features/plant/components/target-options';
import {
  fromLocalInput,
  toLocalInput,
  useConfigForm,
} from '@/features/plant/components/use-config-form';

/** Planned downtime (maintenance, no orders) of a line or a machine: left out of planned busy time. */
export function PlannedStopForm({ item, onSaved, onCancel }: ConfigFormProps<PlannedStop>) {
  const { fieldErrors, formError, validate, showServerError } = useConfigForm({
    lineId: 'target',
    equipmentId: 'target',
  });
  const create = useCreatePlantItem('planned-stops');
  const update = useUpdatePlantItem('planned-stops');
  const lines = useLines().data?.items ?? [];
  const equipment = useAllEquipment().data?.items ?? [];
  const options = targetOptions(lines, equipment);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const target =
      item === undefined
        ? fromTarget(formText(data, 'target'))
        : fromTarget(targetValue(item.lineId, item.equipmentId));
    const input = validate(
      form,
      createPlannedStopSchema.safeParse({
        ...target,
        startsAt: fromLocalInput(formText(data, 'startsAt')),
        endsAt: fromLocalInput(formText(data, 'endsAt')),
        reason: formText(data, 'reason'),
      }),
    );
    if (input === undefined) return;
    const callbacks = {
      onSuccess: (saved: PlannedStop) => onSaved?.(saved),
      onError: (error: unknown) => showServerError(form, error),
    };
    if (item === undefined) create.mutate(input, callbacks);
    else
      update.mutate(
        {
          id: item.id,
          changes: { startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason },
        },
        callbacks,
      );
  }

  return (
    <FormShell
      label={item === undefined ? 'New planned stop' : 'Edit planned stop'}
      formError={formError}
      isSaving={create.isPending || update.isPending}
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
        defaultValue={item === undefined ? undefined : toLocalInput(item.startsAt)}
        error={fieldErrors.startsAt}
      />
      <TextField
        name="endsAt"
        label="Ends"
        type="datetime-local"
        defaultValue={item === undefined ? undefined : toLocalInput(item.endsAt)}
        error={fieldErrors.endsAt}
      />
    </FormShell>
  );
}
