import type { AndonPriority, AndonType, MachineEventInput, MachineState } from '@ms5/contracts';
import { type ShiftPattern, plannedTimeFromShifts, subtractIntervals } from '@ms5/oee';
import { Prng, deriveSeed } from './prng.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// --- the plant as the simulator sees it ------------------------------------------------------

export interface SimEquipment {
  id: string;
  code: string;
  idealCycleTimeSeconds: number;
}

export interface SimProduct {
  code: string;
  /** Fraction of parts scrapped, e.g. 0.02. */
  scrapRate: number;
  /**
   * Ideal cycle time of this product on each equipment of the line (seconds), by equipment id: what
   * OEE counts its parts at while an order of it runs. Equipment never runs faster than its own.
   */
  cycleTimes: Readonly<Record<string, number>>;
}

export interface SimLine {
  id: string;
  code: string;
  shifts: readonly ShiftPattern[];
  equipment: readonly SimEquipment[];
  /** The products the line changes over between, in order; none: the equipment's cycle time. */
  products: readonly SimProduct[];
}

export interface SimPlant {
  lines: readonly SimLine[];
}

export interface SimOptions {
  seed: number;
  /** Simulated seconds per real second: stops, repairs and calls come this many times as often. */
  speed: number;
  /** Prefix of every event id (the run's key): with the seed, makes the ids reproducible. */
  runKey: string;
  /** Epoch ms at which the simulation starts. */
  start: number;
  /** Whether to plan andon calls (not in a backfill: the server stamps andon times). */
  andon?: boolean;
  /**
   * Line code → product code each line is told to make from the start (the running orders when
   * the run starts), as `setProduct` at `start` but without a changeover: the line is already set
   * up for it. Unknown lines and products are ignored.
   */
  products?: Readonly<Record<string, string>>;
}

// --- what it produces ------------------------------------------------------------------------

export type AndonStep = 'raise' | 'acknowledge' | 'resolve';

export interface AndonAction {
  /** Stable key of the call within the run; the driver maps it to the server's call id. */
  key: string;
  step: AndonStep;
  equipmentId: string;
  type: AndonType;
  priority: AndonPriority;
  description: string;
}

export type SimAction =
  | { kind: 'machine'; at: number; event: MachineEventInput }
  | { kind: 'andon'; at: number; andon: AndonAction };

/** Reason codes the simulator reports (the demo plant's reason tree holds each of them). */
export const SIM_REASONS = {
  breakdown: ['MECH-BEARING', 'MECH-CONVEYOR', 'ELEC-DRIVE', 'ELEC-SENSOR'],
  microStop: 'MECH-JAM',
  starved: 'MAT-STARVED',
  changeover: 'PLAN-CHANGEOVER',
  break: 'PLAN-BREAK',
  noShift: 'PLAN-NO-SHIFT',
} as const;

/** Per-equipment behaviour, drawn once from the seed and the equipment's code. */
interface Profile {
  mtbfMs: number;
  mttrMs: number;
  microStopEveryMs: number;
  starvedEveryMs: number;
  qualityCallEveryMs: number;
}

// --- the shift calendar of a line ------------------------------------------------------------

type PlannedKind = 'break' | 'no_shift';
interface CalendarSegment {
  start: number;
  end: number;
  kind: PlannedKind;
}

/** Breaks and time outside every shift, computed a day at a time as the simulation advances. */
class LineCalendar {
  private segments: CalendarSegment[] = [];
  private coveredUntil: number;

  constructor(
    private readonly shifts: readonly ShiftPattern[],
    start: number,
  ) {
    this.coveredUntil = start;
    this.extend(start + DAY);
  }

  private extend(until: number): void {
    while (this.coveredUntil < until) {
      const window = { start: this.coveredUntil, end: this.coveredUntil + DAY };
      if (this.shifts.length > 0) {
        const planned = plannedTimeFromShifts(this.shifts, window);
        const outside = subtractIntervals([window], planned.plannedOperation);
        const add: CalendarSegment[] = [
          ...planned.plannedDowntime.map((i) => ({ ...i, kind: 'break' as const })),
          ...outside.map((i) => ({ ...i, kind: 'no_shift' as const })),
        ].sort((a, b) => a.start - b.start);
        this.segments.push(...add);
      }
      this.coveredUntil = window.end;
    }
  }

  /** Forgets segments that ended before `t`. */
  private trim(t: number): void {
    let drop = 0;
    while (drop < this.segments.length && (this.segments[drop]?.end ?? Infinity) <= t) drop++;
    if (drop > 0) this.segments.splice(0, drop);
  }

  kindAt(t: number): PlannedKind | null {
    this.extend(t + HOUR);
    this.trim(t);
    for (const segment of this.segments) {
      if (segment.start > t) break;
      if (segment.end > t) return segment.kind;
    }
    return null;
  }

  /** The next start or end of a planned segment after `t` (segments split at day edges count). */
  nextBoundaryAfter(t: number): number {
    this.extend(t + DAY);
    this.trim(t);
    for (const segment of this.segments) {
      if (segment.start > t) return segment.start;
      if (segment.end > t) return segment.end;
    }
    return this.coveredUntil;
  }
}

// --- one line --------------------------------------------------------------------------------

interface EquipmentRun {
  equipment: SimEquipment;
  rng: Prng;
  profile: Profile;
  seq: number;
  andonSeq: number;
  failAt: number;
  repairEndsAt: number | null;
  failReason: string;
  microAt: number;
  microEndsAt: number | null;
  starvedAt: number;
  starvedEndsAt: number | null;
  qualityCallAt: number;
  nextCountAt: number;
  state: MachineState | null;
  reason: string | undefined;
  speedFactor: number;
  /** Parts made (fractional) up to `segmentStart`; while running, more accrue at `rate`. */
  partsAtSegmentStart: number;
  segmentStart: number;
  emittedParts: number;
}

class LineSimulation {
  private readonly rng: Prng;
  private readonly calendar: LineCalendar;
  private readonly equipment: EquipmentRun[];
  private readonly pending: SimAction[] = [];
  private readonly countEveryMs: number;
  private t: number;
  private productIndex = 0;
  private changeoverAt: number;
  private changeoverEndsAt: number | null = null;
  /** The product a changeover under way leads to. */
  private changeoverTarget = 0;
  /** The product the line is told to make (its running order's), or null: it picks its own. */
  private told: number | null = null;
  /** `setProduct` calls not reached yet, in time order. */
  private readonly commands: Array<{ at: number; product: number | null }> = [];

  constructor(
    private readonly line: SimLine,
    private readonly options: SimOptions,
  ) {
    const { seed, start } = options;
    this.t = start;
    this.rng = new Prng(deriveSeed(seed, `line:${line.code}`));
    this.calendar = new LineCalendar(line.shifts, start);
    this.countEveryMs = Math.max(5 * SECOND, Math.round(MINUTE / options.speed));
    this.productIndex = line.products.length > 0 ? this.rng.int(line.products.length) : 0;
    this.changeoverAt = start + this.scaled(this.rng.uniform(3 * HOUR, 6 * HOUR));
    const initial = options.products?.[line.code];
    const initialIndex = initial === undefined ? -1 : this.indexOf(initial);
    if (initialIndex >= 0) {
      this.productIndex = initialIndex;
      this.told = initialIndex;
    }
    this.equipment = line.equipment.map((equipment, index) => {
      const rng = new Prng(deriveSeed(seed, `equipment:${line.code}/${equipment.code}`));
      const profile: Profile = {
        mtbfMs: rng.uniform(90, 300) * MINUTE,
        mttrMs: rng.uniform(6, 22) * MINUTE,
        microStopEveryMs: rng.uniform(8, 25) * MINUTE,
        starvedEveryMs: rng.uniform(3, 8) * HOUR,
        qualityCallEveryMs: rng.uniform(4, 10) * HOUR,
      };
      const run: EquipmentRun = {
        equipment,
        rng,
        profile,
        seq: 0,
        andonSeq: 0,
        failAt: start + this.scaled(rng.exponential(profile.mtbfMs)),
        repairEndsAt: null,
        failReason: SIM_REASONS.breakdown[0],
        microAt: start + this.scaled(rng.exponential(profile.microStopEveryMs)),
        microEndsAt: null,
        starvedAt: start + this.scaled(rng.exponential(profile.starvedEveryMs)),
        starvedEndsAt: null,
        qualityCallAt: start + this.scaled(rng.exponential(profile.qualityCallEveryMs)),
        // Stagger the equipment's count reports a little within the interval.
        nextCountAt: start + this.countEveryMs + index * 250,
        state: null,
        reason: undefined,
        speedFactor: rng.uniform(0.82, 0.99),
        partsAtSegmentStart: 0,
        segmentStart: start,
        emittedParts: 0,
      };
      return run;
    });
    this.updateStates(start);
  }

  get code(): string {
    return this.line.code;
  }

  /** The index of a product of this line by its code, or -1. */
  indexOf(productCode: string): number {
    return this.line.products.findIndex((p) => p.code === productCode);
  }

  /**
   * From `at` on (not before the time already simulated, nor before an earlier call), the line
   * makes product `index` (after a changeover when it makes another one), or with null picks its
   * own products again. Repeating the same call changes nothing.
   */
  tell(index: number | null, at: number): void {
    const last = this.commands.at(-1)?.at ?? this.t;
    this.commands.push({ at: Math.max(at, this.t, last), product: index });
  }

  /** Durations of the plant's dynamics shrink with the speed factor. */
  private scaled(ms: number): number {
    return Math.max(1, Math.round(ms / this.options.speed));
  }

  /** Every action with `at < until`, in time order. */
  advance(until: number): SimAction[] {
    for (;;) {
      const next = this.nextTimer();
      if (next >= until) break;
      this.t = next;
      this.fireTimers(next);
      this.updateStates(next);
      this.emitCounts(next);
    }
    this.t = Math.max(this.t, until);
    const due: SimAction[] = [];
    const keep: SimAction[] = [];
    for (const action of this.pending) (action.at < until ? due : keep).push(action);
    this.pending.length = 0;
    this.pending.push(...keep);
    return due.sort((a, b) => a.at - b.at);
  }

  /** Random changeovers happen while the line has several products and is told none. */
  private get picksOwnProducts(): boolean {
    return this.told === null && this.line.products.length > 1;
  }

  private nextTimer(): number {
    let next = this.calendar.nextBoundaryAfter(this.t);
    if (this.changeoverEndsAt !== null) next = Math.min(next, this.changeoverEndsAt);
    else if (this.picksOwnProducts) next = Math.min(next, this.changeoverAt);
    const command = this.commands[0];
    if (command) next = Math.min(next, command.at);
    for (const e of this.equipment) {
      next = Math.min(
        next,
        e.repairEndsAt ?? e.failAt,
        e.microEndsAt ?? e.microAt,
        e.starvedEndsAt ?? e.starvedAt,
        e.qualityCallAt,
        e.nextCountAt,
      );
    }
    return next;
  }

  private fireTimers(t: number): void {
    if (this.changeoverEndsAt !== null && this.changeoverEndsAt <= t) {
      this.changeoverEndsAt = null;
      this.productIndex = this.changeoverTarget;
      if (this.told === null)
        this.changeoverAt = t + this.scaled(this.rng.uniform(3 * HOUR, 6 * HOUR));
    }
    for (let command = this.commands[0]; command && command.at <= t; command = this.commands[0]) {
      this.commands.shift();
      this.obey(command.product, t);
    }
    if (this.picksOwnProducts && this.changeoverEndsAt === null && this.changeoverAt <= t)
      this.startChangeover(t, (this.productIndex + 1) % this.line.products.length);
    for (const e of this.equipment) {
      const { rng, profile } = e;
      if (e.repairEndsAt !== null && e.repairEndsAt <= t) {
        e.repairEndsAt = null;
        e.failAt = t + this.scaled(rng.exponential(profile.mtbfMs));
      } else if (e.repairEndsAt === null && e.failAt <= t) {
        const repairMs = Math.max(2 * MINUTE, rng.exponential(profile.mttrMs));
        e.repairEndsAt = t + this.scaled(repairMs);
        e.failReason = rng.pick(SIM_REASONS.breakdown);
        if (rng.chance(0.7)) {
          this.planAndon(
            e,
            t,
            e.repairEndsAt,
            'maintenance',
            repairMs > 15 * MINUTE ? 'high' : 'medium',
            `Breakdown (${e.failReason}) on ${e.equipment.code}`,
          );
        }
      }
      if (e.microEndsAt !== null && e.microEndsAt <= t) {
        e.microEndsAt = null;
        e.microAt = t + this.scaled(rng.exponential(profile.microStopEveryMs));
      } else if (e.microEndsAt === null && e.microAt <= t) {
        e.microEndsAt = t + this.scaled(rng.uniform(15, 100) * SECOND);
      }
      if (e.starvedEndsAt !== null && e.starvedEndsAt <= t) {
        e.starvedEndsAt = null;
        e.starvedAt = t + this.scaled(rng.exponential(profile.starvedEveryMs));
      } else if (e.starvedEndsAt === null && e.starvedAt <= t) {
        e.starvedEndsAt = t + this.scaled(rng.uniform(3, 12) * MINUTE);
        if (rng.chance(0.5)) {
          this.planAndon(
            e,
            t,
            e.starvedEndsAt,
            'material',
            'low',
            `Material short at ${e.equipment.code}`,
          );
        }
      }
      if (e.qualityCallAt <= t) {
        const resolveAt = t + this.scaled(rng.uniform(5, 20) * MINUTE);
        this.planAndon(
          e,
          t,
          resolveAt,
          'quality',
          'medium',
          `Quality check requested at ${e.equipment.code}`,
        );
        e.qualityCallAt = t + this.scaled(rng.exponential(profile.qualityCallEveryMs));
      }
    }
  }

  private startChangeover(t: number, target: number): void {
    this.changeoverEndsAt = t + this.scaled(this.rng.uniform(15 * MINUTE, 35 * MINUTE));
    this.changeoverTarget = target;
  }

  /**
   * Told a product: a changeover under way leads to it (and ends when planned); otherwise, unless
   * the line makes it already, a changeover starts. Told none: random changeovers resume.
   */
  private obey(product: number | null, t: number): void {
    if (product === null) {
      if (this.told === null) return;
      this.told = null;
      // A changeover under way draws the next one when it ends.
      if (this.changeoverEndsAt === null)
        this.changeoverAt = t + this.scaled(this.rng.uniform(3 * HOUR, 6 * HOUR));
      return;
    }
    this.told = product;
    if (this.changeoverEndsAt !== null) this.changeoverTarget = product;
    else if (this.productIndex !== product) this.startChangeover(t, product);
  }

  private planAndon(
    e: EquipmentRun,
    t: number,
    resolveAt: number,
    type: AndonType,
    priority: AndonPriority,
    description: string,
  ): void {
    if (this.options.andon === false) return;
    const raiseAt = t + this.scaled(e.rng.uniform(10, 60) * SECOND);
    if (resolveAt - raiseAt < 3) return;
    const ackAt =
      raiseAt + Math.max(1, Math.floor((resolveAt - raiseAt) * e.rng.uniform(0.15, 0.5)));
    const key = `${this.options.runKey}:${this.line.code}/${e.equipment.code}:a${++e.andonSeq}`;
    const base = { key, equipmentId: e.equipment.id, type, priority, description };
    this.pending.push(
      { kind: 'andon', at: raiseAt, andon: { ...base, step: 'raise' } },
      { kind: 'andon', at: ackAt, andon: { ...base, step: 'acknowledge' } },
      { kind: 'andon', at: Math.max(resolveAt, ackAt + 1), andon: { ...base, step: 'resolve' } },
    );
  }

  private stateOf(e: EquipmentRun, t: number): { state: MachineState; reason?: string } {
    const planned = this.calendar.kindAt(t);
    if (planned === 'no_shift') return { state: 'planned_stop', reason: SIM_REASONS.noShift };
    if (planned === 'break') return { state: 'planned_stop', reason: SIM_REASONS.break };
    if (this.changeoverEndsAt !== null)
      return { state: 'changeover', reason: SIM_REASONS.changeover };
    if (e.repairEndsAt !== null) return { state: 'stopped', reason: e.failReason };
    if (e.microEndsAt !== null) return { state: 'stopped', reason: SIM_REASONS.microStop };
    if (e.starvedEndsAt !== null) return { state: 'idle', reason: SIM_REASONS.starved };
    return { state: 'running' };
  }

  private cycleSeconds(e: EquipmentRun): number {
    const product = this.line.products[this.productIndex];
    const forProduct = product?.cycleTimes[e.equipment.id] ?? e.equipment.idealCycleTimeSeconds;
    return Math.max(forProduct, e.equipment.idealCycleTimeSeconds);
  }

  private partsAt(e: EquipmentRun, t: number): number {
    if (e.state !== 'running') return e.partsAtSegmentStart;
    const rate = e.speedFactor / (this.cycleSeconds(e) * SECOND);
    return e.partsAtSegmentStart + (t - e.segmentStart) * rate;
  }

  private updateStates(t: number): void {
    for (const e of this.equipment) {
      const { state, reason } = this.stateOf(e, t);
      if (state === e.state && reason === e.reason) continue;
      const wasRunning = e.state === 'running';
      e.partsAtSegmentStart = this.partsAt(e, t);
      e.segmentStart = t;
      e.state = state;
      e.reason = reason;
      if (wasRunning) this.emitCount(e, t);
      if (state === 'running') e.speedFactor = e.rng.uniform(0.82, 0.99);
      this.push(e, t, {
        type: 'state',
        state,
        ...(reason === undefined ? {} : { reasonCode: reason }),
      });
    }
  }

  private emitCounts(t: number): void {
    for (const e of this.equipment) {
      if (e.nextCountAt > t) continue;
      while (e.nextCountAt <= t) e.nextCountAt += this.countEveryMs;
      this.emitCount(e, t);
    }
  }

  /** Reports the whole parts made since the last report, with scrap at the product's rate. */
  private emitCount(e: EquipmentRun, t: number): void {
    const made = Math.floor(this.partsAt(e, t) + 1e-9) - e.emittedParts;
    if (made <= 0) return;
    e.emittedParts += made;
    const scrapRate = this.line.products[this.productIndex]?.scrapRate ?? 0.015;
    let reject = 0;
    for (let i = 0; i < made; i++) if (e.rng.next() < scrapRate) reject++;
    this.push(e, t, { type: 'count', good: made - reject, reject });
  }

  private push(
    e: EquipmentRun,
    t: number,
    body:
      | { type: 'state'; state: MachineState; reasonCode?: string }
      | { type: 'count'; good: number; reject: number },
  ): void {
    const event: MachineEventInput = {
      eventId: `${this.options.runKey}:${this.line.code}/${e.equipment.code}:${++e.seq}`,
      equipmentId: e.equipment.id,
      ts: new Date(t).toISOString(),
      ...body,
    };
    this.pending.push({ kind: 'machine', at: t, event });
  }
}

// --- the plant -------------------------------------------------------------------------------

/**
 * The whole plant's simulation: each line on its own seeded streams. `advance(until)` returns every
 * action before `until` in time order; advancing in steps gives the same actions as in one go.
 * `setProduct` makes a line follow its production order's product.
 */
export class PlantSimulation {
  private readonly lines: LineSimulation[];

  constructor(plant: SimPlant, options: SimOptions) {
    if (!(options.speed > 0)) throw new RangeError('speed must be positive');
    this.lines = plant.lines.map((line) => new LineSimulation(line, options));
  }

  /**
   * Tells line `lineCode` which product to make from `at` on: its running order's. When the line
   * makes (or is changing over to) another product, it goes through a changeover (`changeover` /
   * `PLAN-CHANGEOVER`, 15–35 min ÷ speed; one already under way leads to the new product instead)
   * and then makes this one at its cycle times and scrap rate. While told a product, the line
   * makes no random changeovers; `null` lets it pick its own products again.
   *
   * `at` is taken no earlier than the time already simulated, nor than the previous call's; the
   * same call repeated changes nothing. The same seed and the same calls give the same actions.
   * Returns false, and changes nothing, for a line or a product (on that line) the plant lacks.
   */
  setProduct(lineCode: string, productCode: string | null, at: number): boolean {
    if (!Number.isFinite(at)) throw new RangeError('at must be a time in epoch milliseconds');
    const line = this.lines.find((l) => l.code === lineCode);
    if (!line) return false;
    if (productCode === null) {
      line.tell(null, at);
      return true;
    }
    const index = line.indexOf(productCode);
    if (index < 0) return false;
    line.tell(index, at);
    return true;
  }

  advance(until: number): SimAction[] {
    const perLine = this.lines.map((line) => line.advance(until));
    const out = perLine.flat();
    // Stable: ties keep line order, then each line's own order.
    return out.sort((a, b) => a.at - b.at);
  }
}

/** Pure: the actions of a plant from `options.start` up to `until`. */
export function generateActions(plant: SimPlant, options: SimOptions, until: number): SimAction[] {
  return new PlantSimulation(plant, options).advance(until);
}

/** Pure: only the machine events (what goes to `POST /api/ingest/events`). */
export function generateEvents(
  plant: SimPlant,
  options: SimOptions,
  until: number,
): MachineEventInput[] {
  return generateActions(plant, { ...options, andon: false }, until).flatMap((action) =>
    action.kind === 'machine' ? [action.event] : [],
  );
}
