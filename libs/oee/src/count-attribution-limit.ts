/**
 * A count event's parts belong to the time since the equipment's previous count event, but at
 * most this far back: a counter silent for longer (a weekend, a dead gateway) has its next
 * report's parts placed at the report itself rather than spread over days.
 */
export const MAX_COUNT_INTERVAL_MS = 24 * 3_600_000;
