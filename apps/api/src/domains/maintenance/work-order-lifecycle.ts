import type { WorkOrderAction, WorkOrderStatus } from '@ms5/contracts';

/** The steps a work order can take after its creation. */
export type WorkOrderStep = Exclude<WorkOrderAction, 'create'>;

/**
 * Where each step leads from each status: `open → assigned → in_progress ⇄ on_hold → completed`,
 * `start` also straight from `open`, (re)assigning keeps a started order where it is, and
 * `cancelled` from anything not finished. A missing entry is a step that makes no sense.
 */
const TRANSITIONS: Record<WorkOrderStep, Partial<Record<WorkOrderStatus, WorkOrderStatus>>> = {
  assign: {
    open: 'assigned',
    assigned: 'assigned',
    in_progress: 'in_progress',
    on_hold: 'on_hold',
  },
  start: { open: 'in_progress', assigned: 'in_progress' },
  hold: { in_progress: 'on_hold' },
  resume: { on_hold: 'in_progress' },
  complete: { in_progress: 'completed' },
  cancel: {
    open: 'cancelled',
    assigned: 'cancelled',
    in_progress: 'cancelled',
    on_hold: 'cancelled',
  },
};

export type TransitionResult = { ok: true; to: WorkOrderStatus } | { ok: false; message: string };

/** The status `step` leads to from `from`, or why it cannot be taken. */
export function transition(from: WorkOrderStatus, step: WorkOrderStep): TransitionResult {
  const to = TRANSITIONS[step][from];
  if (to !== undefined) return { ok: true, to };
  return { ok: false, message: refusal(from, step) };
}

function refusal(from: WorkOrderStatus, step: WorkOrderStep): string {
  if (from === 'completed' || from === 'cancelled') {
    return `The work order is ${from}: it cannot ${step === 'assign' ? 'be assigned' : step} any more`;
  }
  switch (step) {
    case 'assign':
    case 'cancel':
      return `Cannot ${step} a work order that is ${from}`;
    case 'start':
      return from === 'on_hold'
        ? 'The work order is on hold: resume it'
        : 'The work order is already started';
    case 'hold':
      return from === 'on_hold'
        ? 'The work order is already on hold'
        : 'Only a work order in progress can be put on hold: start it first';
    case 'resume':
      return 'Only a work order on hold can be resumed';
    case 'complete':
      return from === 'on_hold'
        ? 'The work order is on hold: resume it before completing it'
        : 'Start the work order before completing it';
  }
}

/** The steps `status` allows, in lifecycle order (for screens that offer only what makes sense). */
export function allowedSteps(status: WorkOrderStatus): WorkOrderStep[] {
  return (Object.keys(TRANSITIONS) as WorkOrderStep[]).filter(
    (step) => TRANSITIONS[step][status] !== undefined,
  );
}

export interface LabourInterval {
  userId: string;
  startedAt: Date;
  minutes: number;
}

const MINUTE_MS = 60_000;

/**
 * Minutes of labour with each person's overlapping entries counted once: one person cannot work
 * two hours in the same hour (a double entry, or a phone and a tablet both logging), while two
 * people in the same hour are two hours of labour. Per person, the entries' intervals are merged
 * and the union's length summed.
 */
export function labourMinutes(entries: readonly LabourInterval[]): number {
  const byUser = new Map<string, Array<[number, number]>>();
  for (const entry of entries) {
    const start = entry.startedAt.getTime();
    const intervals = byUser.get(entry.userId) ?? [];
    intervals.push([start, start + entry.minutes * MINUTE_MS]);
    byUser.set(entry.userId, intervals);
  }
  let totalMs = 0;
  for (const intervals of byUser.values()) {
    intervals.sort((a, b) => a[0] - b[0]);
    let [start, end] = intervals[0] ?? [0, 0];
    for (const [nextStart, nextEnd] of intervals.slice(1)) {
      if (nextStart <= end) {
        end = Math.max(end, nextEnd);
      } else {
        totalMs += end - start;
        [start, end] = [nextStart, nextEnd];
      }
    }
    totalMs += end - start;
  }
  return totalMs / MINUTE_MS;
}
