import { type FormEvent, useState } from 'react';
import {
  type CreateUserInput,
  ROLES,
  ROLE_LABELS,
  type User,
  createUserSchema,
  toFieldErrors,
} from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-field';
import { isApiError } from '@/lib/api-client';
import { formText } from '@/lib/form-data';
import { useCreateUser } from '@/features/users/api/create-user';

type Field = keyof CreateUserInput;
type FieldMessages = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = ['username', 'displayName', 'password', 'role'];
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function isField(path: string): path is Field {
  return (FIELDS as readonly string[]).includes(path);
}

/** First message per known field; messages for other paths are returned apart. */
function byField(errors: readonly { path: string; message: string }[]): {
  fields: FieldMessages;
  other: string[];
} {
  const fields: FieldMessages = {};
  const other: string[] = [];
  for (const error of errors) {
    if (isField(error.path)) fields[error.path] ??= error.message;
    else other.push(error.message);
  }
  return { fields, other };
}

interface CreateUserFormProps {
  onCreated?: (user: User) => void;
  onCancel?: () => void;
}

/**
 * New user: checked on the device with the same `createUserSchema` the API uses, and the API's
 * own `fieldErrors` (a taken username, say) shown beside the fields they name.
 */
export function CreateUserForm({ onCreated, onCancel }: CreateUserFormProps) {
  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const createUserMutation = useCreateUser();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = createUserSchema.safeParse({
      username: formText(data, 'username'),
      displayName: formText(data, 'displayName'),
      password: formText(data, 'password'),
      role: formText(data, 'role'),
    });
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(byField(toFieldErrors(parsed.error.issues)).fields);
      return;
    }
    setFieldErrors({});
    createUserMutation.mutate(parsed.data, {
      onSuccess: (user) => {
        form.reset();
        onCreated?.(user);
      },
      onError: (error) => {
        if (!isApiError(error)) {
          setFormError('The user could not be created.');
          return;
        }
        const { fields, other } = byField(error.fieldErrors);
        setFieldErrors(fields);
        const named = Object.keys(fields).length > 0;
        setFormError(named && other.length === 0 ? null : [error.message, ...other].join(' '));
      },
    });
  }

  return (
    <form className="form form--grid" onSubmit={handleSubmit} noValidate aria-label="New user">
      {formError !== null ? (
        <div className="form__full">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}
      <TextField
        name="username"
        label="Username"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint="Letters, digits, dot, dash and underscore"
        error={fieldErrors.username}
      />
      <TextField
        name="displayName"
        label="Display name"
        autoComplete="off"
        error={fieldErrors.displayName}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters"
        error={fieldErrors.password}
      />
      <SelectField
        name="role"
        label="Role"
        options={ROLE_OPTIONS}
        defaultValue="operator"
        error={fieldErrors.role}
      />
      <div className="form__actions form__full">
        {onCancel !== undefined ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" isLoading={createUserMutation.isPending}>
          Create user
        </Button>
      </div>
    </form>
  );
}
