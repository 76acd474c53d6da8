import type { FormEvent } from 'react';
import { type Site, createSiteSchema, updateSiteSchema } from '@ms5/contracts';
import { formText } from '@/lib/form-data';
import { CodeNameFields } from '@/features/plant/components/code-name-fields';
import { FormShell } from '@/features/plant/components/form-shell';
import { TimeZoneField } from '@/features/plant/components/time-zone-field';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';

/** A site (plant): code, name and the time zone its days and shifts are counted in. */
export function SiteForm({ item, onSaved, onCancel }: ConfigFormProps<Site>) {
  const { fieldErrors, formError, isSaving, save } = usePlantItemForm('sites', { item, onSaved });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = {
      code: formText(data, 'code'),
      name: formText(data, 'name'),
      timezone: formText(data, 'timezone'),
    };
    save(event.currentTarget, raw, { create: createSiteSchema, update: updateSiteSchema });
  }

  return (
    <FormShell
      label={item === undefined ? 'New site' : `Edit site ${item.code}`}
      formError={formError}
      isSaving={isSaving}
      submitLabel={item === undefined ? 'Create site' : 'Save site'}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <CodeNameFields item={item} fieldErrors={fieldErrors} />
      <TimeZoneField defaultValue={item?.timezone} error={fieldErrors.timezone} />
    </FormShell>
  );
}
