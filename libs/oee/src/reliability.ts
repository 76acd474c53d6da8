import { type TimeModelInput, classifyTime } from './compute-oee.js';

/** Reliability of one equipment over one window, from its state timeline in planned time. */
export interface Reliability {
  /** Failures: `stopped` stretches at least as long as the micro-stop threshold that start in planned busy time. */
  failures: number;
  /** Planned busy time spent in such stops (seconds), including stops that began earlier. */
  failureSeconds: number;
  /** Actual production time (APT) in seconds. */
  runSeconds: number;
  /** Mean operating time between failures = APT / failures; `null` without failures. */
  mtbfSeconds: number | null;
  /** Mean time to repair = failure time / failures; `null` without failures. */
  mttrSeconds: number | null;
}

/**
 * MTBF and MTTR from a state timeline. Only planned busy time counts (shift time minus
 * breaks and planned stops); `idle` and micro-stops are not failures. A failure counts in
 * the window in which it starts, so the counts of adjacent windows add up; its repair time
 * counts in whichever window it falls.
 */
export function reliability(input: TimeModelInput): Reliability {
  const model = classifyTime(input);
  const failures = model.failureCount;
  const runSeconds = model.runMs / 1000;
  const failureSeconds = model.failureMs / 1000;
  return {
    failures,
    failureSeconds,
    runSeconds,
    mtbfSeconds: failures > 0 ? runSeconds / failures : null,
    mttrSeconds: failures > 0 ? failureSeconds / failures : null,
  };
}
