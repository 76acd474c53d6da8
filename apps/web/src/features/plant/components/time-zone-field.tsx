import { useId } from 'react';
import { TextField } from '@/components/ui/form-field';

/** Suggestions only: any IANA name the browser knows is accepted (the contract checks it). */
const COMMON_TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Warsaw',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Mexico_City',
  'America/Sao_Paulo',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
] as const;

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A `timezone` text input that suggests the browser's own zone and common IANA zones. */
export function TimeZoneField({
  defaultValue,
  error,
}: {
  defaultValue?: string | undefined;
  error?: string | undefined;
}) {
  const listId = `${useId()}-time-zones`;
  const own = browserTimeZone();
  const zones = [own, ...COMMON_TIME_ZONES.filter((zone) => zone !== own)];
  return (
    <>
      <TextField
        name="timezone"
        label="Time zone"
        list={listId}
        autoComplete="off"
        defaultValue={defaultValue ?? own}
        hint="An IANA name such as Europe/Berlin"
        error={error}
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
