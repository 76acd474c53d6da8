import { useCreatePlantItem } from '@/features/plant/api/create-plant-item';
import type {
  PlantCreateInputs,
  PlantItems,
  PlantResourceName,
  PlantUpdateInputs,
} from '@/features/plant/api/plant-resources';
import { useUpdatePlantItem } from '@/features/plant/api/update-plant-item';
import { type FieldOf, controlsOf, useFormErrors } from '@/lib/use-form-errors';

export interface ConfigFormProps<T> {
  /** The item to change; without one the form creates a new item. */
  item?: T | undefined;
  onSaved?: (item: T) => void;
  onCancel?: () => void;
}

export interface SafeParse<T> {
  success: boolean;
  data?: T;
  error?: { issues: Parameters<ReturnType<typeof useFormErrors>['showIssues']>[0]['issues'] };
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
 * go beside the form control their path names (or an alias of it: `lineId` → `target`), the rest
 * above the form.
 */
export function usePlantItemForm<K extends PlantResourceName>(
  resource: K,
  { item, onSaved }: ConfigFormProps<PlantItems[K]>,
  aliases?: Record<string, string>,
) {
  const { fieldErrors, formError, clear, showIssues, showServerError } = useFormErrors();
  const create = useCreatePlantItem(resource);
  const update = useUpdatePlantItem(resource);

  /** Checks input with a contract schema; on failure shows the messages and returns undefined. */
  function validate<T>(fields: FieldOf, result: SafeParse<T>): T | undefined {
    if (!result.success) {
      showIssues({ issues: result.error?.issues ?? [] }, fields);
      return undefined;
    }
    clear();
    return result.data;
  }

  function save(form: HTMLFormElement, raw: unknown, schemas: ItemSchemas<K>) {
    const fields = controlsOf(form, aliases);
    const callbacks = {
      onSuccess: (saved: PlantItems[K]) => onSaved?.(saved),
      onError: (error: unknown) => showServerError(error, fields, 'The change could not be saved.'),
    };
    if (item === undefined) {
      const input = validate(fields, schemas.create.safeParse(raw));
      if (input !== undefined) create.mutate(input, callbacks);
    } else {
      const changes = validate(fields, schemas.update.safeParse(raw));
      if (changes !== undefined) update.mutate({ id: item.id, changes }, callbacks);
    }
  }

  return { fieldErrors, formError, isSaving: create.isPending || update.isPending, save };
}
