import type { Overview } from '@ms5/contracts';

export type EquipmentState = Overview['lines'][number]['equipment'][number]['state'];

/** Colours for the state of an equipment, readable from across the hall (white or near-black text). */
export const STATE_STYLES: Record<
  EquipmentState,
  { label: string; background: string; text: string }
> = {
  running: { label: 'Running', background: '#15803d', text: '#ffffff' },
  idle: { label: 'Idle', background: '#f59e0b', text: '#111827' },
  stopped: { label: 'Stopped', background: '#dc2626', text: '#ffffff' },
  changeover: { label: 'Changeover', background: '#2563eb', text: '#ffffff' },
  planned_stop: { label: 'Planned stop', background: '#9ca3af', text: '#111827' },
  unknown: { label: 'No data', background: '#374151', text: '#ffffff' },
};

/** A stop's age as a clock: 59 s → "0:59", 1 h 2 min 5 s → "1:02:05". */
export function formatElapsed(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric' });

/** A series point's label: the bucket start as a time (hours) or a day; other labels as they are. */
export function formatBucketLabel(label: string, bucket: 'hour' | 'shift' | 'day'): string {
  const time = Date.parse(label);
  if (Number.isNaN(time) || bucket === 'shift') return label;
  return bucket === 'hour' ? hourFormat.format(time) : dayFormat.format(time);
}
