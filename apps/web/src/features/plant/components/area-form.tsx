import type { FormEvent } from 'react';
import { type Area, createAreaSchema, updateAreaSchema } from '@ms5/contracts';
import { SelectField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { useSites } from '@/features/plant/api/get-plant-list';
import { CodeNameFields } from '@/features/plant/components/code-name-fields';
import { FormShell } from '@/features/plant/components/form-shell';
import {
  type ConfigFormProps,
  usePlantItemForm,
} from '@/features/plant/components/use-plant-item-form';

/** An area (hall, department) of a site that lines can be grouped in. Its site is fixed. */
export function AreaForm({ item, onSaved, onCancel }: ConfigFormProps<Area>) {
  const { fieldErrors, formError, isSaving, save } = usePlantItemForm('areas', { item, onSaved });
  const sites = useSites().data?.items ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const raw = { code: formText(data, 'code'), name: formText(data, 'name') };
    // The site is chosen once: only a new area sends it.
    const input = item === undefined ? { ...raw, siteId: formText(data, 'siteId') } : raw;
    save(event.currentTarget, input, { create: createAreaSchema, update: updateAreaSchema });
  }

  return (
    <FormShell
      label={item === undefined ? 'New area' : `Edit area ${item.code}`}
      formError={formError}
      isSaving={isSaving}
      submitLabel={item === undefined ? 'Create area' : 'Save area'}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <SelectField
        key={sites.length}
        name="siteId"
        label="Site"
        defaultValue={item?.siteId ?? ''}
        options={[
          { value: '', label: 'Choose a site' },
          ...sites.map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` })),
        ]}
        disabled={item !== undefined}
        error={fieldErrors.siteId}
      />
      <CodeNameFields item={item} fieldErrors={fieldErrors} />
    </FormShell>
  );
}
