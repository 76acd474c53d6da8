import { TextField } from '@/components/ui/form-field';
import type { FieldMessages } from '@/lib/use-form-errors';

interface CodeNameFieldsProps {
  /** The item being changed (its code and name fill the fields), or undefined for a new one. */
  item: { code: string; name: string } | undefined;
  fieldErrors: FieldMessages;
}

/** The code and name every plant configuration item has, first in each form. */
export function CodeNameFields({ item, fieldErrors }: CodeNameFieldsProps) {
  return (
    <>
      <TextField
        name="code"
        label="Code"
        defaultValue={item?.code}
        autoComplete="off"
        error={fieldErrors.code}
      />
      <TextField name="name" label="Name" defaultValue={item?.name} error={fieldErrors.name} />
    </>
  );
}
