const pad = (value: number, size = 2) => String(Math.trunc(value)).padStart(size, '0');

/** A time as ISO 8601 in the browser's zone with its offset: `2026-03-10T06:00:00+01:00`. */
export function toIsoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(abs / 60)}:${pad(abs % 60)}`
  );
}

/**
 * The value of a `datetime-local` input (`2026-03-10T06:00`, the browser's zone) → ISO 8601 with
 * the offset. Anything else is returned as it is, for the contract schema to reject.
 */
export function localInputToIso(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (match === null) return value;
  const [, year, month, day, hours, minutes, seconds] = match;
  const date = new Date(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds ?? '0'),
  );
  return Number.isNaN(date.getTime()) ? value : toIsoWithOffset(date);
}

/** An ISO instant → the value of a `datetime-local` input in the browser's zone. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** `YYYY-MM-DD` of a time, in the browser's zone. */
export function localDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a `YYYY-MM-DD` day (undefined when it is not one). */
export function parseLocalDay(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return undefined;
  const [, year, month, date] = match;
  const result = new Date(Number(year), Number(month) - 1, Number(date));
  return localDay(result) === day ? result : undefined;
}

/** The same local clock time `days` later (DST-safe: it moves the calendar, not 24 h steps). */
export function addDays(date: Date, days: number): Date {
  const result = new Date(date.getTime());
  result.setDate(result.getDate() + days);
  return result;
}
