import { useState } from 'react';
import { type FieldError, toFieldErrors } from '@ms5/contracts';
import { isApiError } from '@/lib/api-client';

export type FieldMessages = Record<string, string>;

interface Issues {
  issues: Parameters<typeof toFieldErrors>[0];
}

/**
 * A form's messages: those naming one of its fields go beside that field (first message per
 * field), the others in a banner above the form. Used for the contract schema's issues on the
 * device and for the server's `fieldErrors` (a 409 `SCHEDULE_CONFLICT` names the planned times).
 */
export function useFormErrors(fields: readonly string[]) {
  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);

  function split(errors: readonly FieldError[]) {
    const named: FieldMessages = {};
    const other: string[] = [];
    for (const error of errors) {
      if (fields.includes(error.path)) named[error.path] ??= error.message;
      else other.push(error.path === '' ? error.message : `${error.path}: ${error.message}`);
    }
    return { named, other };
  }

  function clear() {
    setFieldErrors({});
    setFormError(null);
  }

  /** The schema's issues; `rename` may reword a message for a field (an empty time: "Required"). */
  function showIssues(
    error: Issues,
    rename: (path: string, message: string) => string = (_, m) => m,
  ) {
    const { named, other } = split(toFieldErrors(error.issues));
    for (const path of Object.keys(named)) named[path] = rename(path, named[path] ?? '');
    setFieldErrors(named);
    setFormError(other.length > 0 ? other.join(' ') : null);
  }

  function showServerError(error: unknown, fallback: string) {
    if (!isApiError(error)) {
      setFieldErrors({});
      setFormError(fallback);
      return;
    }
    const { named, other } = split(error.fieldErrors);
    setFieldErrors(named);
    const anyNamed = Object.keys(named).length > 0;
    setFormError(anyNamed && other.length === 0 ? null : [error.message, ...other].join(' '));
  }

  return { fieldErrors, formError, clear, showIssues, showServerError };
}
