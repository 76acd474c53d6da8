import type { FieldError, MachineEventInput } from '@ms5/contracts';

const DAY_MS = 86_400_000;

/**
 * The oldest time an event of the equipment may carry: `maxAgeDays` before now, and never more
 * than that before the equipment was created (which only bites when the clock is behind the
 * equipment's creation, as in tests or after a clock reset). Older events would make the roll-up
 * worker rebuild hour windows back to them (a gateway whose clock reset to 1970 stalls it).
 */
export function oldestAllowedMs(now: Date, equipmentCreatedAt: Date, maxAgeDays: number): number {
  return Math.max(now.getTime(), equipmentCreatedAt.getTime()) - maxAgeDays * DAY_MS;
}

/** One field error per event older than its equipment allows (an event at the bound is fine). */
export function tooOldIssues(
  events: readonly MachineEventInput[],
  createdAtOf: (equipmentId: string) => Date | undefined,
  now: Date,
  maxAgeDays: number,
): FieldError[] {
  const issues: FieldError[] = [];
  events.forEach((event, index) => {
    const createdAt = createdAtOf(event.equipmentId);
    if (!createdAt) return; // unknown equipment is refused on its own field
    const oldest = oldestAllowedMs(now, createdAt, maxAgeDays);
    if (Date.parse(event.ts) < oldest) {
      issues.push({
        path: `events.${index}.ts`,
        message: `Is older than ${maxAgeDays} days (the oldest allowed is ${new Date(oldest).toISOString()})`,
      });
    }
  });
  return issues;
}
