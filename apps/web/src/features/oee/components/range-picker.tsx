import { RANGE_LABELS, RANGE_PRESETS, type RangePreset } from '@/features/oee/utils/oee-range';

const rangeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Current shift, today or the last seven days, and the window that stands for. */
export function RangePicker({
  value,
  onChange,
  range,
  shiftLabel,
}: {
  value: RangePreset;
  onChange: (preset: RangePreset) => void;
  range: { from: string; to: string } | undefined;
  shiftLabel?: string | undefined;
}) {
  return (
    <div className="range-picker">
      <div className="segmented" role="group" aria-label="Period">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="segmented__option"
            aria-pressed={preset === value}
            onClick={() => onChange(preset)}
          >
            {preset === 'shift' && shiftLabel !== undefined
              ? `${RANGE_LABELS.shift} (${shiftLabel})`
              : RANGE_LABELS[preset]}
          </button>
        ))}
      </div>
      {range !== undefined ? (
        <span className="range-picker__window muted">
          {rangeFormat.formatRange(new Date(range.from), new Date(range.to))}
        </span>
      ) : null}
    </div>
  );
}
