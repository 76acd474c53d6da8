import { useState } from 'react';
import { type FieldError, toFieldErrors } from '@ms5/contracts';
import { isApiError } from '@/lib/api-client';

export type FieldMessages = Record<string, string>;

/** Which field shows the message of an error path, or undefined for the banner above the form. */
export type FieldOf = (path: string) => string | undefined;

/** The fields of a form known by name: a message goes beside the field its path names. */
export function namedFields(fields: readonly string[]): FieldOf {
  return (path) => (fields.includes(path) ? path : undefined);
}

/**
 * The controls of a rendered form, by their `name` (`breaks.0.startTime`); `aliases` send a path
 * to another control (`lineId` → `target`).
 */
export function controlsOf(form: HTMLFormElement, aliases: Record<string, string> = {}): FieldOf {
  return (path) => {
    const name = aliases[path] ?? path;
    return form.elements.namedItem(name) !== null ? name : undefined;
  };
}

interface Issues {
  issues: Parameters<typeof toFieldErrors>[0];
}

/**
 * A form's messages: those whose path names one of its fields go beside that field (the first
 * message per field), the others in a banner above the form. For a contract schema's issues found
 * on the device, and for the server's `fieldErrors` (a 409 `SCHEDULE_CONFLICT` names the planned
 * times).
 */
export function useFormErrors() {
  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);

  function split(errors: readonly FieldError[], fieldOf: FieldOf) {
    const named: FieldMessages = {};
    const other: string[] = [];
    for (const error of errors) {
      const field = fieldOf(error.path);
      if (field !== undefined) named[field] ??= error.message;
      else other.push(error.path === '' ? error.message : `${error.path}: ${error.message}`);
    }
    return { named, other };
  }

  function clear() {
    setFieldErrors({});
    setFormError(null);
  }

  /** The schema's issues; `rename` may reword a field's message (an empty time: "Required"). */
  function showIssues(
    error: Issues,
    fieldOf: FieldOf,
    rename: (field: string, message: string) => string = (_, message) => message,
  ) {
    const { named, other } = split(toFieldErrors(error.issues), fieldOf);
    for (const field of Object.keys(named)) named[field] = rename(field, named[field] ?? '');
    setFieldErrors(named);
    setFormError(other.length > 0 ? other.join(' ') : null);
  }

  /** What the server said (400 / 409 `fieldErrors`) beside the fields; `fallback` when it said nothing. */
  function showServerError(error: unknown, fieldOf: FieldOf, fallback: string) {
    if (!isApiError(error)) {
      setFieldErrors({});
      setFormError(fallback);
      return;
    }
    const { named, other } = split(error.fieldErrors, fieldOf);
    setFieldErrors(named);
    const anyNamed = Object.keys(named).length > 0;
    setFormError(anyNamed && other.length === 0 ? null : [error.message, ...other].join(' '));
  }

  return { fieldErrors, formError, clear, showIssues, showServerError };
}
