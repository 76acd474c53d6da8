import type { FormEvent, ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The frame of a configuration form: error banner, fields, Cancel and Save. */
export function FormShell({
  label,
  formError,
  isSaving,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  formError: string | null;
  isSaving: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
}) {
  return (
    <form className="form form--grid" onSubmit={onSubmit} noValidate aria-label={label}>
      {formError !== null ? (
        <div className="form__full">
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}
      {children}
      <div className="form__actions form__full">
        {onCancel !== undefined ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" isLoading={isSaving}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
