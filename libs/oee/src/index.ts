export * from './intervals.js';
export { offsetAt, wallTimeAt, wallTimeToInstant } from './time-zone.js';
export * from './shift-calendar.js';
export * from './state-timeline.js';
export * from './compute-oee.js';
export * from './roll-up.js';
export * from './reliability.js';
export * from './hour-by-hour.js';
