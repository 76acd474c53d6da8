import { useId } from 'react';
import type { Shift } from '@ms5/contracts';
import type { ShiftOccurrence } from '@/features/hour-by-hour/api/hour-by-hour-query-keys';
import { todayIn } from '@/features/hour-by-hour/utils/format';

export interface ShiftOccurrencePickerProps {
  shifts: readonly Shift[];
  /** Null: let the server pick (the shift running now, or the latest one). */
  value: ShiftOccurrence | null;
  onChange: (next: ShiftOccurrence | null) => void;
  /** The choice that leaves it to the server: "Current shift", "Shift ending now". */
  defaultLabel: string;
  disabled?: boolean;
}

/**
 * Which occurrence of which shift: one of the line's shifts and the local date it starts on, or
 * the default. Choosing a shift starts at today's date in that shift's time zone.
 */
export function ShiftOccurrencePicker({
  shifts,
  value,
  onChange,
  defaultLabel,
  disabled = false,
}: ShiftOccurrencePickerProps) {
  const id = useId();
  function chooseShift(shiftId: string) {
    if (shiftId === '') {
      onChange(null);
      return;
    }
    const shift = shifts.find((item) => item.id === shiftId);
    onChange({ shiftId, date: value?.date ?? todayIn(shift?.timezone ?? 'UTC') });
  }

  function chooseDate(date: string) {
    // A cleared date field keeps the last full date: the server needs one with the shift.
    if (value === null || date === '') return;
    onChange({ shiftId: value.shiftId, date });
  }

  const known = value === null || shifts.some((shift) => shift.id === value.shiftId);
  return (
    <div className="shift-picker" role="group" aria-label="Shift">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-shift`}>
          Shift
        </label>
        <select
          id={`${id}-shift`}
          className="field__control"
          value={value?.shiftId ?? ''}
          disabled={disabled}
          onChange={(event) => chooseShift(event.target.value)}
        >
          <option value="">{defaultLabel}</option>
          {shifts.map((shift) => (
            <option key={shift.id} value={shift.id}>
              {shift.name} ({shift.startTime}–{shift.endTime})
            </option>
          ))}
          {known ? null : <option value={value.shiftId}>Unknown shift</option>}
        </select>
      </div>
      {value !== null ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-date`}>
            Starts on
          </label>
          <input
            id={`${id}-date`}
            className="field__control"
            type="date"
            value={value.date}
            disabled={disabled}
            onChange={(event) => chooseDate(event.target.value)}
          />
        </div>
      ) : null}
    </div>
  );
}
