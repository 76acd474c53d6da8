import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldFrameProps {
  id: string;
  label: string;
  error: string | undefined;
  hint: string | undefined;
  children: ReactNode;
}

function FieldFrame({ id, label, error, hint, children }: FieldFrameProps) {
  return (
    <div className={error === undefined ? 'field' : 'field field--invalid'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint !== undefined && error === undefined ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error !== undefined ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(
  id: string,
  error: string | undefined,
  hint: string | undefined,
): string | undefined {
  if (error !== undefined) return `${id}-error`;
  if (hint !== undefined) return `${id}-hint`;
  return undefined;
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

/** A labelled input with its error message underneath, tied together for screen readers. */
export function TextField({ name, label, error, hint, className, ...input }: TextFieldProps) {
  const id = `${useId()}-${name}`;
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input
        {...input}
        id={id}
        name={name}
        className={['field__control', className].filter(Boolean).join(' ')}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </FieldFrame>
  );
}

export interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'name'
> {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

/** A labelled multi-line input (notes, reasons), like `TextField`. */
export function TextAreaField({
  name,
  label,
  error,
  hint,
  className,
  ...input
}: TextAreaFieldProps) {
  const id = `${useId()}-${name}`;
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea
        {...input}
        id={id}
        name={name}
        className={['field__control', className].filter(Boolean).join(' ')}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'name'
> {
  name: string;
  label: string;
  options: readonly SelectOption[];
  error?: string | undefined;
  hint?: string;
}

export function SelectField({
  name,
  label,
  options,
  error,
  hint,
  className,
  ...select
}: SelectFieldProps) {
  const id = `${useId()}-${name}`;
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select
        {...select}
        id={id}
        name={name}
        className={['field__control', className].filter(Boolean).join(' ')}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
