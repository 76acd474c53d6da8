import { useCreatePlantItem } from '@/features/plant/api/create-plant-item';
import type {
  PlantCreateInputs,
  PlantItems,
  PlantResourceName,
  PlantUpdateInputs,
} from '@/features/plant/api/plant-resources';
import { useUpdatePlantItem } from '@/features/plant/api/update-plant-item';
import { type SafeParse, useConfigForm } from '@/features/plant/components/use-config-form';

export interface ConfigFormProps<T> {
  /** The item to change; without one the form creates a new item. */
  item?: T | undefined;
  onSaved?: (item: T) => void;
  onCancel?: () => void;
}

interface Parser<T> {
  safeParse: (raw: unknown) => SafeParse<T>;
}

/** The contract schemas a form checks its input with: one to create, one to change. */
export interface ItemSchemas<K extends PlantResourceName> {
  create: Parser<PlantCreateInputs[K]>;
  update: Parser<PlantUpdateInputs[K]>;
}

/**
 * A configuration form's save: without an item it checks the input with the create schema and
 * POSTs it, with one it checks it with the update schema and PATCHes it. Client and server errors
 * go beside the fields (see `useConfigForm`).
 */
export function usePlantItemForm<K extends PlantResourceName>(
  resource: K,
  { item, onSaved }: ConfigFormProps<PlantItems[K]>,
  aliases?: Record<string, string>,
) {
  const { fieldErrors, formError, validate, showServerError } = useConfigForm(aliases);
  const create = useCreatePlantItem(resource);
  const update = useUpdatePlantItem(resource);

  function save(form: HTMLFormElement, raw: unknown, schemas: ItemSchemas<K>) {
    const callbacks = {
      onSuccess: (saved: PlantItems[K]) => onSaved?.(saved),
      onError: (error: unknown) => showServerError(form, error),
    };
    if (item === undefined) {
      const input = validate(form, schemas.create.safeParse(raw));
      if (input !== undefined) create.mutate(input, callbacks);
    } else {
      const changes = validate(form, schemas.update.safeParse(raw));
      if (changes !== undefined) update.mutate({ id: item.id, changes }, callbacks);
    }
  }

  return { fieldErrors, formError, isSaving: create.isPending || update.isPending, save };
}
