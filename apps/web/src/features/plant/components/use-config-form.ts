import { useState } from 'react';
import { type FieldError, toFieldErrors } from '@ms5/contracts';
import { isApiError } from '@/lib/api-client';

export type FieldMessages = Record<string, string>;

export interface SafeParse<T> {
  success: boolean;
  data?: T;
  error?: { issues: Parameters<typeof toFieldErrors>[0] };
}

/**
 * The error handling every configuration form shares. Messages go next to the field whose `name`
 * is the error's path (`breaks.0.startTime`), or an alias (`lineId` → `target`); anything else is
 * shown above the form.
 */
export function useConfigForm(aliases: Record<string, string> = {}) {
  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);

  function split(form: HTMLFormElement, errors: readonly FieldError[]) {
    const fields: FieldMessages = {};
    const other: string[] = [];
    for (const error of errors) {
      const name = aliases[error.path] ?? error.path;
      if (form.elements.namedItem(name) !== null) fields[name] ??= error.message;
      else other.push(error.path === '' ? error.message : `${error.path}: ${error.message}`);
    }
    return { fields, other };
  }

  /** Checks input with a contract schema; on failure shows the messages and returns undefined. */
  function validate<T>(form: HTMLFormElement, result: SafeParse<T>): T | undefined {
    setFormError(null);
    if (!result.success) {
      const { fields, other } = split(form, toFieldErrors(result.error?.issues ?? []));
      setFieldErrors(fields);
      setFormError(other.length > 0 ? other.join(' ') : null);
      return undefined;
    }
    setFieldErrors({});
    return result.data;
  }

  /** Shows what the server said (400 / 409 `fieldErrors`) beside the fields. */
  function showServerError(form: HTMLFormElement, error: unknown) {
    if (!isApiError(error)) {
      setFormError('The change could not be saved.');
      return;
    }
    const { fields, other } = split(form, error.fieldErrors);
    setFieldErrors(fields);
    const named = Object.keys(fields).length > 0;
    setFormError(named && other.length === 0 ? null : [error.message, ...other].join(' '));
  }

  return { fieldErrors, formError, validate, showServerError };
}

/** '' → undefined, anything else → a number (NaN for text, which the schema rejects). */
export function numberOrUndefined(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

/** An ISO instant → the value of a `datetime-local` input, in the browser's zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value → an ISO instant (or the raw text, which the schema rejects). */
export function fromLocalInput(value: string): string {
  const date = new Date(value);
  return value === '' || Number.isNaN(date.getTime()) ? value : date.toISOString();
}
