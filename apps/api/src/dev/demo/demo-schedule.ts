import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateEquipmentInput,
  CreateLineInput,
  CreateProductInput,
  CreateShiftInput,
  Equipment,
  Line,
  Paginated,
  PlantListQuery,
  Product,
  ProductionOrder,
  ProductionOrderStatus,
  ProductionOrderStep,
  SessionUser,
  Shift,
  UpdateEquipmentInput,
  UpdateLineInput,
  UpdateProductInput,
  UpdateShiftInput,
} from '@ms5/contracts';
import { type ShiftPattern, shiftOccurrences, totalLength } from '@ms5/oee';
import type { DataSource } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { DomainException } from '../../platform/common/domain.exception.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import type { CrudPort } from '../../platform/common/crud-controller.factory.js';
import { LineScope } from '../../platform/line-access/line-scope.js';
import { PLANT_TOKENS } from '../../domains/plant/plant-resources.js';
import { JobAssignmentsService } from '../../domains/jobs/job-assignments.service.js';
import { ProductionOrdersService } from '../../domains/orders/production-orders.service.js';
import { UsersRepository } from '../../platform/users/users.repository.js';
import { DEMO_AREAS, DEMO_USERS, SIMULATOR_USERNAME } from '../demo-plant/demo-plant.js';

// --- pure planning ---------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Orders cover the current shift occurrence and every occurrence starting within this time. */
export const SCHEDULE_HORIZON_MS = 24 * HOUR_MS;
/** Share of the shift's ideal output (working time ÷ cycle time) an order asks for. */
export const SCHEDULE_EFFICIENCY = 0.85;
/** How often the keeper runs (it also runs once at start). */
export const DEMO_SCHEDULE_TICK_MS = 60_000;
/** Session advisory lock held during a pass, so that one instance at a time plans ('MS5P'). */
export const DEMO_SCHEDULE_LOCK_KEY = 0x4d533550;
/** References of the orders the keeper creates start with this. */
export const DEMO_REFERENCE_PREFIX = 'DEMO-';

const REFERENCE_MAX_LENGTH = 64;
const MISSED_REASON = 'Its planned window passed without a start (demo schedule)';
const JOB_NOTE = 'Assigned by the demo schedule';

/** A line's shift as the schedule needs it: the calendar pattern and its name. */
export interface ScheduleShift extends ShiftPattern {
  name: string;
}

/** A product the line can make, with the line's ideal cycle time for it. */
export interface ScheduleProduct {
  id: string;
  code: string;
  cycleTimeSeconds: number;
}

/** One shift occurrence of a line, in UTC epoch milliseconds (half-open). */
export interface ShiftWindow {
  shiftName: string;
  /** Local date (`YYYY-MM-DD`) on which the occurrence starts. */
  localDate: string;
  start: number;
  end: number;
  /** The occurrence's length minus its breaks. */
  workMs: number;
  /** Counts the line's shift occurrences through the calendar (day × shifts + shift index). */
  ordinal: number;
}

/** What the keeper needs to know of an existing order. */
export type ScheduledOrder = Pick<
  ProductionOrder,
  'id' | 'status' | 'plannedStart' | 'plannedEnd' | 'reference'
>;

export interface NewDemoOrder {
  productId: string;
  productCode: string;
  quantity: number;
  plannedStart: string;
  plannedEnd: string;
  reference: string;
  shiftDate: string;
}

export interface DueStep {
  orderId: string;
  step: ProductionOrderStep;
  cancelReason?: string;
}

const OPEN: readonly ProductionOrderStatus[] = ['planned', 'released', 'running'];

/**
 * The line's shift occurrences that end after `now` and start before `now + horizonMs` (so the one
 * running at `now` comes first), sorted by start. Shifts are numbered by start time, then name,
 * which makes `ordinal` the same on every instance and after every restart.
 */
export function shiftWindows(
  shifts: readonly ScheduleShift[],
  now: number,
  horizonMs: number = SCHEDULE_HORIZON_MS,
): ShiftWindow[] {
  const ordered = [...shifts].sort(
    (a, b) => a.startTime.localeCompare(b.startTime) || a.name.localeCompare(b.name),
  );
  return ordered
    .flatMap((shift, index) =>
      shiftOccurrences(shift, now, now + horizonMs).map((occurrence) => ({
        shiftName: shift.name,
        localDate: occurrence.localDate,
        start: occurrence.start,
        end: occurrence.end,
        workMs: occurrence.end - occurrence.start - totalLength(occurrence.breaks),
        ordinal:
          (Date.parse(`${occurrence.localDate}T00:00:00Z`) / DAY_MS) * ordered.length + index,
      })),
    )
    .sort((a, b) => a.start - b.start || a.ordinal - b.ordinal);
}

/** What a shift can make in its working time at the ideal cycle time, × 0.85, rounded. */
export function plannedQuantity(
  workMs: number,
  cycleTimeSeconds: number,
  efficiency: number = SCHEDULE_EFFICIENCY,
): number {
  if (!(workMs > 0) || !(cycleTimeSeconds > 0)) return 0;
  return Math.round(((workMs / 1000) * efficiency) / cycleTimeSeconds);
}

/** `DEMO-<LINE>-<YYYYMMDD>-<shift name>`, cut to the 64 characters a reference may have. */
export function orderReference(lineCode: string, localDate: string, shiftName: string): string {
  return `${DEMO_REFERENCE_PREFIX}${lineCode}-${localDate.replaceAll('-', '')}-${shiftName}`
    .slice(0, REFERENCE_MAX_LENGTH)
    .trim();
}

/**
 * The products a line makes, by code, with the line's ideal cycle time for each: the product's time
 * for the line, else the slowest of its times on the line's equipment (the product's default time
 * where an equipment has none). Products that name neither the line nor its equipment are left out
 * (the simulator makes the same choice).
 */
export function lineProducts(
  products: readonly Product[],
  lineId: string,
  equipmentIds: readonly string[],
): ScheduleProduct[] {
  const out: ScheduleProduct[] = [];
  for (const product of [...products].sort((a, b) => a.code.localeCompare(b.code))) {
    const lineTime = product.cycleTimes.find((c) => c.lineId === lineId);
    const own = product.cycleTimes.filter(
      (c) => c.equipmentId !== null && equipmentIds.includes(c.equipmentId),
    );
    let cycleTimeSeconds: number;
    if (lineTime) cycleTimeSeconds = lineTime.idealCycleTimeSeconds;
    else if (own.length > 0)
      cycleTimeSeconds = Math.max(
        ...equipmentIds.map(
          (id) =>
            own.find((c) => c.equipmentId === id)?.idealCycleTimeSeconds ??
            product.idealCycleTimeSeconds,
        ),
      );
    else continue;
    out.push({ id: product.id, code: product.code, cycleTimeSeconds });
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

const windowOf = (order: ScheduledOrder) => ({
  start: Date.parse(order.plannedStart),
  end: Date.parse(order.plannedEnd),
});

/**
 * One order per shift window that no order of the line (other than a cancelled one) overlaps yet,
 * for the window's whole planned time. Products rotate with the window's ordinal; a window without
 * working time or a line without products gets none.
 */
export function ordersToCreate(input: {
  lineCode: string;
  windows: readonly ShiftWindow[];
  products: readonly ScheduleProduct[];
  orders: readonly ScheduledOrder[];
}): NewDemoOrder[] {
  const { lineCode, windows, products } = input;
  if (products.length === 0) return [];
  const taken = input.orders.filter((o) => o.status !== 'cancelled').map(windowOf);
  const out: NewDemoOrder[] = [];
  for (const window of windows) {
    if (taken.some((slot) => overlaps(slot, window))) continue;
    const product = products[window.ordinal % products.length];
    if (!product) continue;
    const quantity = plannedQuantity(window.workMs, product.cycleTimeSeconds);
    if (quantity < 1) continue;
    taken.push(window);
    out.push({
      productId: product.id,
      productCode: product.code,
      quantity,
      plannedStart: new Date(window.start).toISOString(),
      plannedEnd: new Date(window.end).toISOString(),
      reference: orderReference(lineCode, window.localDate, window.shiftName),
      shiftDate: window.localDate,
    });
  }
  return out;
}

/**
 * The lifecycle steps due at `now` on one line, in the order to apply them. Only the keeper's own
 * orders (reference `DEMO-…`) are moved; an order a person planned is left to that person, and
 * one that runs keeps the line busy.
 * 1. complete every running own order whose planned end has passed;
 * 2. cancel own orders whose window passed without a start;
 * 3. release every planned own order whose window starts within the horizon (and has not ended);
 * 4. start the own order whose window contains `now` when nothing else still runs on the line.
 */
export function dueTransitions(
  orders: readonly ScheduledOrder[],
  now: number,
  horizonMs: number = SCHEDULE_HORIZON_MS,
): DueStep[] {
  const steps: DueStep[] = [];
  let stillRunning = false;
  const own = (order: ScheduledOrder): boolean =>
    order.reference?.startsWith(DEMO_REFERENCE_PREFIX) ?? false;
  const byStart = [...orders].sort((a, b) => windowOf(a).start - windowOf(b).start);
  for (const order of byStart) {
    if (order.status !== 'running') continue;
    if (own(order) && windowOf(order).end <= now)
      steps.push({ orderId: order.id, step: 'complete' });
    else stillRunning = true;
  }
  for (const order of byStart) {
    const { start, end } = windowOf(order);
    if (!own(order) || (order.status !== 'planned' && order.status !== 'released')) continue;
    if (end <= now) {
      steps.push({ orderId: order.id, step: 'cancel', cancelReason: MISSED_REASON });
      continue;
    }
    if (order.status === 'planned' && start < now + horizonMs)
      steps.push({ orderId: order.id, step: 'release' });
  }
  const current = byStart.find((order) => {
    const { start, end } = windowOf(order);
    return (
      own(order) &&
      (order.status === 'planned' || order.status === 'released') &&
      start <= now &&
      now < end
    );
  });
  if (current && !stillRunning) steps.push({ orderId: current.id, step: 'start' });
  return steps;
}

/** The order the line works on at `now`: the running one (the first by planned start). */
export function currentOrder<T extends ScheduledOrder>(orders: readonly T[]): T | null {
  return (
    [...orders]
      .filter((order) => order.status === 'running')
      .sort((a, b) => windowOf(a).start - windowOf(b).start)[0] ?? null
  );
}

// --- the keeper ------------------------------------------------------------------------------

type Port<D, C, U> = CrudPort<D, C, U, PlantListQuery>;

/** The keeper plans every demo line: it acts for every line. */
const SYSTEM = LineScope.everyLine;

/** What one pass did. `ran` is false when another instance held the lock (or no actor exists). */
export interface DemoSchedulePass {
  ran: boolean;
  lines: number;
  created: number;
  released: number;
  started: number;
  completed: number;
  cancelled: number;
  assigned: number;
  /** Lines whose pass failed (logged; the next pass tries again). */
  failed: number;
}

const PAST_TENSE = {
  release: 'released',
  start: 'started',
  complete: 'completed',
  cancel: 'cancelled',
} as const satisfies Record<ProductionOrderStep, keyof DemoSchedulePass>;

const emptyPass = (ran: boolean): DemoSchedulePass => ({
  ran,
  lines: 0,
  created: 0,
  released: 0,
  started: 0,
  completed: 0,
  cancelled: 0,
  assigned: 0,
  failed: 0,
});

/** The demo plant's lines, in the order the demo plant lists them (FL1 first). */
export const DEMO_LINE_CODES: readonly string[] = DEMO_AREAS.flatMap((area) =>
  area.lines.map((line) => line.code),
);

const DEMO_OPERATOR = DEMO_USERS.find((user) => user.role === 'operator')?.username ?? null;

/** Domain refusals that only mean "someone else changed it meanwhile": the next pass sees why. */
const isRace = (error: unknown): error is DomainException =>
  error instanceof DomainException &&
  ['SCHEDULE_CONFLICT', 'LINE_BUSY', 'INVALID_TRANSITION', 'NOT_FOUND'].includes(error.code);

/**
 * Keeps a production schedule running on the demo plant's lines (with `DEMO=1`): once at start and
 * every minute, one order per shift occurrence from the current one until 24 h ahead, released,
 * started when its shift begins and completed when it ends; the demo operator gets a job on the
 * first line's running order. Everything goes through the production order and job services (their
 * rules, audit and events apply) as the `simulator` service account. A session advisory lock lets
 * one instance plan at a time; the schedule's own overlap rule keeps passes idempotent.
 */
@Injectable()
export class DemoScheduleKeeper implements OnModuleDestroy {
  private readonly log = new Logger('DemoSchedule');
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private stopped = false;
  private queue: Promise<unknown> = Promise.resolve();
  private warnedNoActor = false;

  constructor(
    @Inject(PLANT_TOKENS.lines)
    private readonly lines: Port<Line, CreateLineInput, UpdateLineInput>,
    @Inject(PLANT_TOKENS.equipment)
    private readonly equipment: Port<Equipment, CreateEquipmentInput, UpdateEquipmentInput>,
    @Inject(PLANT_TOKENS.products)
    private readonly products: Port<Product, CreateProductInput, UpdateProductInput>,
    @Inject(PLANT_TOKENS.shifts)
    private readonly shifts: Port<Shift, CreateShiftInput, UpdateShiftInput>,
    private readonly orders: ProductionOrdersService,
    private readonly users: UsersRepository,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts the loop (a pass now, then every minute). Only with `DEMO=1`; false otherwise. */
  start(): boolean {
    if (!this.config.DEMO || this.started || this.stopped) return false;
    this.started = true;
    this.schedule(0);
    return true;
  }

  /** Whether the loop runs in this instance. */
  get active(): boolean {
    return this.started && !this.stopped && this.timer !== null;
  }

  /** Stops the loop and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** One pass over the demo lines at the clock's now; passes of this instance run one at a time. */
  runOnce(): Promise<DemoSchedulePass> {
    const pass = this.queue.then(() => this.lockedPass());
    this.queue = pass.catch(() => undefined);
    return pass;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .then((pass) => {
          const changed =
            pass.created + pass.released + pass.started + pass.completed + pass.cancelled;
          if (changed + pass.assigned > 0)
            this.log.log(
              `demo schedule: ${pass.created} created, ${pass.released} released, ${pass.started} started, ` +
                `${pass.completed} completed, ${pass.cancelled} cancelled, ${pass.assigned} jobs assigned`,
            );
        })
        .catch((error: unknown) => {
          if (!this.stopped) this.log.warn(`demo schedule pass failed: ${String(error)}`);
        })
        .finally(() => this.schedule(DEMO_SCHEDULE_TICK_MS));
    }, delayMs);
    this.timer.unref();
  }

  private async lockedPass(): Promise<DemoSchedulePass> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        DEMO_SCHEDULE_LOCK_KEY,
      ])) as Array<{ locked: boolean }>;
      if (!row?.locked) return emptyPass(false);
      try {
        return await this.pass();
      } finally {
        await runner
          .query('SELECT pg_advisory_unlock($1)', [DEMO_SCHEDULE_LOCK_KEY])
          .catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  private async pass(): Promise<DemoSchedulePass> {
    const actor = await this.actor();
    if (!actor) {
      if (!this.warnedNoActor)
        this.log.warn(`demo schedule idle: the service user "${SIMULATOR_USERNAME}" is missing`);
      this.warnedNoActor = true;
      return emptyPass(false);
    }
    const now = this.clock.now().getTime();
    const result = emptyPass(true);
    const lines = (await all((query) => this.lines.list(query, SYSTEM)))
      .filter((line) => DEMO_LINE_CODES.includes(line.code))
      .sort((a, b) => DEMO_LINE_CODES.indexOf(a.code) - DEMO_LINE_CODES.indexOf(b.code));
    const products = await all((query) => this.products.list(query, SYSTEM));
    for (const [index, line] of lines.entries()) {
      result.lines++;
      try {
        await this.keepLine(line, products, now, actor, index === 0, result);
      } catch (error) {
        result.failed++;
        this.log.warn(`demo schedule of line ${line.code} failed: ${String(error)}`);
      }
    }
    return result;
  }

  private async keepLine(
    line: Line,
    allProducts: readonly Product[],
    now: number,
    actor: SessionUser,
    assignOperator: boolean,
    result: DemoSchedulePass,
  ): Promise<void> {
    const [shifts, equipment] = await Promise.all([
      all((query) => this.shifts.list({ ...query, lineId: line.id }, SYSTEM)),
      all((query) => this.equipment.list({ ...query, lineId: line.id }, SYSTEM)),
    ]);
    const windows = shiftWindows(
      shifts.map((s) => ({
        name: s.name,
        startTime: s.startTime,
        endTime: s.endTime,
        timezone: s.timezone,
        breaks: s.breaks,
      })),
      now,
    );
    const products = lineProducts(
      allProducts,
      line.id,
      equipment.map((e) => e.id),
    );
    const from = Math.min(now, ...windows.map((w) => w.start));
    const to = Math.max(now + SCHEDULE_HORIZON_MS, ...windows.map((w) => w.end));
    const known = new Map<string, ProductionOrder>();
    for (const order of await this.lineOrders(line.id, from, to, actor)) known.set(order.id, order);

    for (const order of ordersToCreate({
      lineCode: line.code,
      windows,
      products,
      orders: [...known.values()],
    })) {
      try {
        const created = await this.orders.create(
          {
            lineId: line.id,
            productId: order.productId,
            quantity: order.quantity,
            plannedStart: order.plannedStart,
            plannedEnd: order.plannedEnd,
            reference: order.reference,
          },
          actor,
        );
        known.set(created.id, created);
        result.created++;
      } catch (error) {
        if (!isRace(error)) throw error;
      }
    }

    for (const due of dueTransitions([...known.values()], now)) {
      try {
        const after = await this.orders.transition(due.orderId, due.step, actor, due.cancelReason);
        known.set(after.id, after);
        result[PAST_TENSE[due.step]]++;
      } catch (error) {
        if (!isRace(error)) throw error;
      }
    }

    if (assignOperator) {
      const current = currentOrder([...known.values()]);
      if (current && (await this.assignDemoOperator(current, windows, actor))) result.assigned++;
    }
  }

  /** Open orders of the line up to `to`, and every order whose window meets `[from, to)`. */
  private async lineOrders(
    lineId: string,
    from: number,
    to: number,
    actor: SessionUser,
  ): Promise<ProductionOrder[]> {
    const fromIso = new Date(from).toISOString();
    const toIso = new Date(to).toISOString();
    const [inWindow, open] = await Promise.all([
      all((query) => this.orders.list({ ...query, lineId, from: fromIso, to: toIso }, actor)),
      all((query) => this.orders.list({ ...query, lineId, status: [...OPEN], to: toIso }, actor)),
    ]);
    const byId = new Map<string, ProductionOrder>();
    for (const order of [...inWindow, ...open]) byId.set(order.id, order);
    return [...byId.values()];
  }

  /** A job in status `assigned` for the demo operator on the order, unless they have one on it. */
  private async assignDemoOperator(
    order: ProductionOrder,
    windows: readonly ShiftWindow[],
    actor: SessionUser,
  ): Promise<boolean> {
    if (!DEMO_OPERATOR) return false;
    const operator = await this.users.findByUsernameWithHash(DEMO_OPERATOR);
    if (!operator || operator.disabled || operator.role !== 'operator') return false;
    const jobs = this.moduleRef.get(JobAssignmentsService, { strict: false });
    const existing = await jobs.list(
      { page: 1, pageSize: 1, mine: 'false', orderId: order.id, operatorId: operator.id },
      actor,
    );
    if (existing.total > 0) return false;
    const window = windows.find((w) => w.start === Date.parse(order.plannedStart));
    try {
      await jobs.assign(
        {
          orderId: order.id,
          operatorId: operator.id,
          note: JOB_NOTE,
          ...(window ? { shiftDate: window.localDate } : {}),
        },
        actor,
      );
      return true;
    } catch (error) {
      if (isRace(error)) return false;
      throw error;
    }
  }

  /** The `simulator` service account, which the demo seeder creates. */
  private async actor(): Promise<SessionUser | null> {
    const user = await this.users.findByUsernameWithHash(SIMULATOR_USERNAME);
    if (!user || user.disabled) return null;
    return { id: user.id, username: user.username, role: user.role, displayName: user.displayName };
  }
}

const PAGE_SIZE = 200;

/** Every item of a paginated list. */
async function all<T>(
  list: (query: { page: number; pageSize: number }) => Promise<Paginated<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await list({ page, pageSize: PAGE_SIZE });
    items.push(...result.items);
    if (page >= result.totalPages) return items;
  }
}
