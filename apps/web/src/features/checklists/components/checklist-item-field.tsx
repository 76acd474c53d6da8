import { useId } from 'react';
import type { ChecklistItem } from '@ms5/contracts';
import { type DraftValue, limitsText } from '@/features/checklists/utils/checklist-answers';
import './checklists.css';

interface ChecklistItemFieldProps {
  item: ChecklistItem;
  value: DraftValue | undefined;
  error: string | undefined;
  disabled?: boolean;
  onChange: (value: DraftValue) => void;
}

function ids(...parts: (string | false | undefined)[]): string | undefined {
  const joined = parts.filter((part): part is string => typeof part === 'string').join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * One checklist question, named by its label only (so "Guard closed" finds it): yes/no as two
 * large toggle buttons, a number with its limits and unit underneath, or a text. Critical items
 * carry a mark, tied to the control as its description.
 */
export function ChecklistItemField({
  item,
  value,
  error,
  disabled = false,
  onChange,
}: ChecklistItemFieldProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const criticalId = `${id}-critical`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hint = item.kind === 'number' ? limitsText(item) : undefined;
  const describedBy = ids(
    item.critical && criticalId,
    hint !== undefined && hintId,
    error !== undefined && errorId,
  );
  const critical = item.critical ? (
    <span className="badge checklist-critical" id={criticalId}>
      Critical
    </span>
  ) : null;
  const messages = (
    <>
      {hint !== undefined ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error !== undefined ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );
  const classes = [
    'checklist-item',
    item.critical ? 'checklist-item--critical' : '',
    error !== undefined ? 'field--invalid' : '',
  ]
    .filter(Boolean)
    .join(' ');

  switch (item.kind) {
    case 'yes_no':
      return (
        <div
          className={classes}
          role="group"
          aria-labelledby={labelId}
          aria-describedby={describedBy}
        >
          <div className="checklist-item__head">
            <span className="checklist-item__label" id={labelId}>
              {item.label}
            </span>
            {critical}
          </div>
          <div className="checklist-toggle">
            {([true, false] as const).map((answer) => (
              <button
                key={String(answer)}
                type="button"
                className={`checklist-toggle__option checklist-toggle__option--${answer ? 'yes' : 'no'}`}
                aria-pressed={value === answer}
                disabled={disabled}
                onClick={() => onChange(answer)}
              >
                {answer ? 'Yes' : 'No'}
              </button>
            ))}
          </div>
          {messages}
        </div>
      );
    case 'number':
      return (
        <div className={classes}>
          <div className="checklist-item__head">
            <label className="checklist-item__label" htmlFor={`${id}-input`}>
              {item.label}
            </label>
            {critical}
          </div>
          <input
            id={`${id}-input`}
            className="field__control checklist-item__number"
            type="number"
            inputMode="decimal"
            step="any"
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            aria-invalid={error !== undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
          {messages}
        </div>
      );
    case 'text':
      return (
        <div className={classes}>
          <div className="checklist-item__head">
            <label className="checklist-item__label" htmlFor={`${id}-input`}>
              {item.label}
            </label>
            {critical}
          </div>
          <textarea
            id={`${id}-input`}
            className="field__control"
            rows={2}
            maxLength={1000}
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            aria-invalid={error !== undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
          {messages}
        </div>
      );
  }
}
