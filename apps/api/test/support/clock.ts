import { jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '../../src/platform/clock/clock.js';

/** Freezes an instance's clock at `at`, and returns a setter to move it. */
export function freezeClock(app: INestApplicationContext, at: Date): (next: Date) => void {
  let now = at;
  jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
  return (next) => (now = next);
}

/** A setter that, at each call, makes the app's clock answer that ISO time from then on. */
export function clockSetter(app: INestApplicationContext): (iso: string) => void {
  const clock = app.get(Clock);
  return (iso) => {
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(iso));
  };
}

/** Times of a UTC day by the hour: `hoursOn('2030-03-04')(6, 30)` is 06:30 that day, in ISO. */
export const hoursOn =
  (day: string) =>
  (hour: number, minute = 0): string =>
    `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
