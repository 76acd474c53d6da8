import type { FormEvent } from 'react';
import { type Product, createProductSchema, updateProductSchema } from '@ms5/contracts';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useAllEquipment, useLines } from '@/features/plant/api/get-plant-list';
import { CodeNameFields } from '@/features/plant/components/code-name-fields';
import { FormShell } from '@/features/plant/components/form-shell';
import { fromTarget, targetOptions, targetValue } from '@/features/plant/components/target-options';
import { numberOrUndefined } from '@/lib/form-data';
import { useRows } from '@/features/plant/components/use-rows';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';

/** A product with its default ideal cycle time, and faster or slower ones on given lines or machines. */
export function ProductForm({ item, onSaved, onCancel }: ConfigFormProps<Product>) {
  const { fieldErrors, formError, isSaving, save } = usePlantItemForm('products', {
    item,
    onSaved,
  });
  const lines = useLines().data?.items ?? [];
  const equipment = useAllEquipment().data?.items ?? [];
  const options = targetOptions(lines, equipment);
  const rows = useRows(item?.cycleTimes.length ?? 0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = {
      code: formText(data, 'code'),
      name: formText(data, 'name'),
      idealCycleTimeSeconds: numberOrUndefined(formText(data, 'idealCycleTimeSeconds')),
      cycleTimes: rows.keys.map((_, index) => ({
        ...fromTarget(formText(data, `cycleTimes.${index}.lineId`)),
        idealCycleTimeSeconds: numberOrUndefined(
          formText(data, `cycleTimes.${index}.idealCycleTimeSeconds`),
        ),
      })),
    };
    save(event.currentTarget, raw, { create: createProductSchema, update: updateProductSchema });
  }

  return (
    <FormShell
      label={item === undefined ? 'New product' : `Edit product ${item.code}`}
      formError={formError}
      isSaving={isSaving}
      submitLabel={item === undefined ? 'Create product' : 'Save product'}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <CodeNameFields item={item} fieldErrors={fieldErrors} />
      <TextField
        name="idealCycleTimeSeconds"
        label="Ideal cycle time (s)"
        type="number"
        inputMode="decimal"
        step="any"
        defaultValue={item?.idealCycleTimeSeconds}
        error={fieldErrors.idealCycleTimeSeconds}
      />
      <fieldset className="form__full repeat">
        <legend>Cycle times per line or equipment</legend>
        {rows.keys.length === 0 ? <p className="muted">The default applies everywhere.</p> : null}
        {rows.keys.map((key, index) => {
          const existing = item?.cycleTimes[key];
          return (
            <div className="repeat__row" key={`${key}-${options.length}`}>
              <SelectField
                name={`cycleTimes.${index}.lineId`}
                label={`Where (${index + 1})`}
                defaultValue={targetValue(existing?.lineId, existing?.equipmentId)}
                options={options}
                error={fieldErrors[`cycleTimes.${index}.lineId`]}
              />
              <TextField
                name={`cycleTimes.${index}.idealCycleTimeSeconds`}
                label={`Cycle time (s) (${index + 1})`}
                type="number"
                inputMode="decimal"
                step="any"
                defaultValue={existing?.idealCycleTimeSeconds}
                error={fieldErrors[`cycleTimes.${index}.idealCycleTimeSeconds`]}
              />
              <Button variant="danger" onClick={() => rows.remove(key)}>
                Remove
              </Button>
            </div>
          );
        })}
        <Button variant="secondary" onClick={rows.add}>
          Add a cycle time
        </Button>
      </fieldset>
    </FormShell>
  );
}
