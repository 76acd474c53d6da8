import {
  type AndonCall,
  type AndonPolicy,
  type AuthTokens,
  type ChecklistRun,
  type ChecklistTemplate,
  type DowntimeReason,
  type Equipment,
  type Handover,
  type JobAssignment,
  type Line,
  type MachineEventInput,
  type Paginated,
  type PlannedStop,
  type Product,
  type ProductionOrder,
  ROLES,
  type Role,
  type MaintenancePlan,
  type Shift,
  type WorkOrder,
} from '@ms5/contracts';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { OeeRollupService } from '../../src/domains/oee/oee-rollup.service.js';
import { type HttpMethod, send } from './api.js';
import { raiseAndonCall } from './andon-factory.js';
import { ingestEvents } from './ingestion-factory.js';
import {
  createDowntimeReason,
  createEquipment,
  createLine,
  createPlannedStop,
  createProduct,
  createShift,
} from './plant-factory.js';
import { createWorkOrder } from './maintenance-factory.js';
import { createChecklistTemplate, createJob, createOrder } from './production-factory.js';
import { ADMIN_PASSWORD, type TestApp } from './test-app.js';
import { assignLines } from './user-factory.js';

/**
 * The plant of the line-scope acceptance test (`line-scope.e2e-spec.ts`): two lines, A and B,
 * each with one of everything a route can name (equipment, shifts, planned stops, orders in every
 * state, jobs, checklist templates and runs, andon policies and calls, a handover, machine events
 * that give OEE and downtime figures), and a user of every role limited to line A. Line B's
 * figures are three times line A's, so that a total that mixes the lines shows.
 */

export type SideKey = 'A' | 'B';

/** A signed-in user the test acts as; signed in again when its session ends. */
export interface ScopeUser {
  role: Role;
  id: string;
  username: string;
  password: string;
  tokens: AuthTokens;
}

/** The operator's own jobs on a line, one per step left to take (assigned before the limit). */
export interface OperatorJobs {
  /** Assigned: to accept. */
  accept: JobAssignment;
  /** Assigned: to answer the checklist of. */
  checklist: JobAssignment;
  /** Accepted, with a passed checklist: to start. */
  start: JobAssignment;
  /** Started: to complete. */
  complete: JobAssignment;
  /** Assigned: answered with another line's template or andon equipment (line A's is used). */
  probe: JobAssignment;
}

/** The roles that work a work order (`maintenance:execute`). */
export const CREW_ROLES = ['maintenance', 'admin'] as const;
export type CrewRole = (typeof CREW_ROLES)[number];

/** Work orders of a line assigned to one crew member before the limit, one per step to take. */
export interface CrewOrders {
  /** In progress: to hold. */
  hold: WorkOrder;
  /** In progress: to complete. */
  complete: WorkOrder;
  /** On hold: to resume. */
  resume: WorkOrder;
  /** In progress: to log labour and parts on. */
  log: WorkOrder;
}

export interface LineSide {
  key: SideKey;
  line: Line;
  /** Filler and packer carry the machine events; `spare` has none (edited and moved freely). */
  fill: Equipment;
  pack: Equipment;
  spare: Equipment;
  shift: Shift;
  plannedStop: PlannedStop;
  /** A product with an ideal cycle time on this line only (orders do not use it). */
  cycleProduct: Product;
  /** Applies to every job of the line: answered before a job starts. */
  gateTemplate: ChecklistTemplate;
  /** Of this line and `productX` only: gates no job here, so edits change nothing else. */
  spareTemplate: ChecklistTemplate;
  policy: AndonPolicy;
  sparePolicy: AndonPolicy;
  openCall: AndonCall;
  resolvedCall: AndonCall;
  plannedOrder: ProductionOrder;
  releasedOrder: ProductionOrder;
  runningOrder: ProductionOrder;
  /** The unlimited operator's job on the running order, and its passed checklist run. */
  job: JobAssignment;
  run: ChecklistRun;
  handover: Handover;
  /** A stop of the filler without a reason (6 minutes, past the micro-stop threshold). */
  stop: { equipmentId: string; startedAt: string };
  operatorJobs: OperatorJobs;
  /** An open work order of the filler. */
  workOrder: WorkOrder;
  /** A preventive plan of the filler, first due in 2031 (it opens no work order meanwhile). */
  plan: MaintenancePlan;
  crewOrders: Record<CrewRole, CrewOrders>;
}

export interface ScopePlant {
  A: LineSide;
  B: LineSide;
  /** One user of each role, limited to line A. */
  users: Record<Role, ScopeUser>;
  /** An operator of every line: the one jobs are assigned to. */
  floorOperator: ScopeUser;
  /** A technician of every line: the one work orders are assigned to. */
  floorTechnician: ScopeUser;
  /** An operator limited to line B: not in the operator directory of a user of line A. */
  operatorOfB: ScopeUser;
  /** A technician limited to line B: not among those a user of line A may assign. */
  technicianOfB: ScopeUser;
  /** Plant-wide objects: on no single line, changed only by users of every line. */
  site: { id: string };
  area: { id: string };
  plantPolicy: AndonPolicy;
  /** Of `productX` on every line. */
  productTemplate: ChecklistTemplate;
  /** The product every order makes (2 s a part, no cycle times of its own). */
  product: Product;
  /** A product no order makes: templates of it gate nothing. */
  productX: Product;
  reasons: { jam: DowntimeReason; alt: DowntimeReason };
  /** The OEE and downtime window (ends at a fixed instant, so repeated reads agree). */
  window: { from: string; to: string };
  /** The andon window: around every call the test raises. */
  andonWindow: { from: string; to: string };
  /** The local date the line shifts' last occurrence started on. */
  shiftDate: string;
  admin: AdminClient;
  fresh: FreshObjects;
  /** Machine events stored for the side's equipment (read in the database, not over HTTP). */
  eventCount(side: LineSide): Promise<number>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The bootstrap admin (every line), signed in again when a request ends its session. */
export class AdminClient {
  relogins = 0;
  requests = 0;

  constructor(
    private readonly t: TestApp,
    public tokens: AuthTokens,
  ) {}

  async request(method: HttpMethod, path: string, body?: object): Promise<Response> {
    const payload = body ?? (method === 'get' || method === 'delete' ? undefined : {});
    this.requests += 1;
    const from = Date.now();
    let response = await send(this.t, this.tokens, method, path, payload);
    if (process.env.LINE_SCOPE_DEBUG && Date.now() - from > 500) {
      process.stdout.write(`slow admin ${method} ${path} ${Date.now() - from} ms\n`);
    }
    if (response.status === 401) {
      this.tokens = await this.t.login('admin', ADMIN_PASSWORD);
      this.relogins += 1;
      this.requests += 1;
      response = await send(this.t, this.tokens, method, path, payload);
    }
    return response;
  }

  /** The request, which must succeed; resolves to the body. */
  async ok<T>(method: HttpMethod, path: string, body?: object): Promise<T> {
    const response = await this.request(method, path, body);
    if (response.status >= 300) {
      throw new Error(
        `${method.toUpperCase()} ${path} as admin: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return response.body as T;
  }

  get<T>(path: string): Promise<T> {
    return this.ok<T>('get', path);
  }

  async total(path: string): Promise<number> {
    return (await this.get<Paginated<unknown>>(path)).total;
  }
}

let sequence = 0;
/** A number no other call of this run has had (codes, dates and slots are made from it). */
export const nextSequence = (): number => ++sequence;

/** An hour of 2031 no other order or stop of the run has: its own slot. */
export function freshSlot(): { start: string; end: string } {
  const start = Date.parse('2031-01-01T00:00:00.000Z') + nextSequence() * 2 * HOUR_MS;
  return { start: new Date(start).toISOString(), end: new Date(start + HOUR_MS).toISOString() };
}

/**
 * Objects made on demand as admin, for a call that consumes its object (a step, a delete): each
 * (role, line) gets its own, so that one role's answer does not decide the next one's.
 */
export class FreshObjects {
  constructor(
    private readonly admin: AdminClient,
    private readonly plant: () => ScopePlant,
  ) {}

  equipment(side: LineSide): Promise<Equipment> {
    const code = `SC-EQ-${nextSequence()}`;
    return this.admin.ok<Equipment>('post', '/api/equipment', {
      code,
      name: `Fresh ${code}`,
      lineId: side.line.id,
      idealCycleTimeSeconds: 2,
    });
  }

  shift(side: LineSide): Promise<Shift> {
    return this.admin.ok<Shift>('post', '/api/shifts', {
      lineId: side.line.id,
      name: `Fresh ${nextSequence()}`,
      startTime: '22:00',
      endTime: '22:30',
      timezone: 'UTC',
    });
  }

  plannedStop(side: LineSide): Promise<PlannedStop> {
    const slot = freshSlot();
    return this.admin.ok<PlannedStop>('post', '/api/planned-stops', {
      lineId: side.line.id,
      startsAt: slot.start,
      endsAt: slot.end,
      reason: 'Fresh stop',
    });
  }

  /** A product with a cycle time on the side's line, or on its filler. */
  product(side: LineSide, on: 'line' | 'equipment' = 'line'): Promise<Product> {
    const code = `SC-PR-${nextSequence()}`;
    const target = on === 'line' ? { lineId: side.line.id } : { equipmentId: side.fill.id };
    return this.admin.ok<Product>('post', '/api/products', {
      code,
      name: `Fresh ${code}`,
      idealCycleTimeSeconds: 2,
      cycleTimes: [{ ...target, idealCycleTimeSeconds: 4 }],
    });
  }

  policy(side: LineSide): Promise<AndonPolicy> {
    return this.admin.ok<AndonPolicy>(
      'post',
      '/api/andon-policies',
      policyBody(side.line.id, 'Fresh'),
    );
  }

  openCall(side: LineSide): Promise<AndonCall> {
    return this.admin.ok<AndonCall>('post', '/api/andon', {
      equipmentId: side.fill.id,
      type: 'help',
      priority: 'low',
      description: 'Fresh call',
    });
  }

  /** An open, unassigned corrective work order of the side's filler. */
  openWorkOrder(side: LineSide): Promise<WorkOrder> {
    return this.admin.ok<WorkOrder>('post', '/api/work-orders', workOrderBody(side, 'Fresh'));
  }

  plan(side: LineSide): Promise<MaintenancePlan> {
    return this.admin.ok<MaintenancePlan>(
      'post',
      '/api/maintenance-plans',
      planBody(side, 'Fresh'),
    );
  }

  /**
   * A work order in progress with the side's start-up checklist (not required): assigned to
   * `assigneeId` when given (admin starts it, as a planner may), and with a failed run of every
   * item when `failed`, for a follow-up to be opened from.
   */
  async checklistWorkOrder(
    side: LineSide,
    { assigneeId, failed = false }: { assigneeId?: string; failed?: boolean } = {},
  ): Promise<WorkOrder> {
    const order = await this.admin.ok<WorkOrder>('post', '/api/work-orders', {
      ...workOrderBody(side, 'Checklist'),
      checklistTemplateId: side.gateTemplate.id,
      checklistRequired: false,
    });
    if (assigneeId) {
      await this.admin.ok('post', `/api/work-orders/${order.id}/assign`, {
        assigneeIds: [assigneeId],
      });
    }
    await this.admin.ok('post', `/api/work-orders/${order.id}/start`, {});
    if (failed) {
      await this.admin.ok('post', `/api/work-orders/${order.id}/checklist`, {
        answers: side.gateTemplate.items.map((item) => ({ itemId: item.id, value: false })),
      });
    }
    return order;
  }

  site(): Promise<{ id: string }> {
    const code = `SC-SITE-${nextSequence()}`;
    return this.admin.ok('post', '/api/sites', { code, name: `Fresh ${code}` });
  }

  area(): Promise<{ id: string }> {
    const code = `SC-AREA-${nextSequence()}`;
    return this.admin.ok('post', '/api/areas', {
      siteId: this.plant().site.id,
      code,
      name: `Fresh ${code}`,
    });
  }

  reason(): Promise<DowntimeReason> {
    const code = `SC-R-${nextSequence()}`;
    return this.admin.ok<DowntimeReason>('post', '/api/downtime-reasons', {
      code,
      name: code,
      category: 'Fresh',
      lossClass: 'availability',
    });
  }

  /** An acknowledged call: a call is acknowledged before it is resolved. */
  async acknowledgedCall(side: LineSide): Promise<AndonCall> {
    const call = await this.openCall(side);
    return this.admin.ok<AndonCall>('post', `/api/andon/${call.id}/acknowledge`, {});
  }

  plannedOrder(side: LineSide): Promise<ProductionOrder> {
    const slot = freshSlot();
    return this.admin.ok<ProductionOrder>('post', '/api/orders', {
      lineId: side.line.id,
      productId: this.plant().product.id,
      quantity: 10,
      plannedStart: slot.start,
      plannedEnd: slot.end,
    });
  }

  async releasedOrder(side: LineSide): Promise<ProductionOrder> {
    const order = await this.plannedOrder(side);
    return this.admin.ok<ProductionOrder>('post', `/api/orders/${order.id}/release`, {});
  }

  /** Completes whatever runs on the line: a line runs one order at a time. */
  async freeLine(side: LineSide): Promise<void> {
    const running = await this.admin.get<Paginated<ProductionOrder>>(
      `/api/orders?lineId=${side.line.id}&status=running`,
    );
    for (const order of running.items) {
      await this.admin.ok('post', `/api/orders/${order.id}/complete`, {});
    }
  }

  async runningOrder(side: LineSide): Promise<ProductionOrder> {
    await this.freeLine(side);
    const order = await this.releasedOrder(side);
    return this.admin.ok<ProductionOrder>('post', `/api/orders/${order.id}/start`, {});
  }

  /** A handover of an earlier occurrence of the line's shift (one per occurrence is allowed). */
  handover(side: LineSide): Promise<Handover> {
    return this.admin.ok<Handover>('post', '/api/handovers', {
      lineId: side.line.id,
      shiftId: side.shift.id,
      date: this.handoverDate(),
      notes: 'Fresh handover',
    });
  }

  /** A date of an occurrence no handover has: days before the shift date, one more each time. */
  handoverDate(): string {
    const base = Date.parse(`${this.plant().shiftDate}T00:00:00.000Z`);
    return new Date(base - nextSequence() * DAY_MS).toISOString().slice(0, 10);
  }
}

/** An andon policy of the line that escalates only after two hours (never during the test). */
export function policyBody(lineId: string, name: string): object {
  return {
    name: `${name} ${nextSequence()}`,
    priority: 'low',
    type: 'help',
    lineId,
    levels: [{ afterMinutes: 120, condition: 'unacknowledged', notifyRoles: ['shift_manager'] }],
  };
}

/** A corrective work order of the side's filler (any role but viewer may open one). */
export function workOrderBody(side: LineSide, title: string): object {
  return {
    equipmentId: side.fill.id,
    type: 'corrective',
    priority: 'low',
    title: `${title} ${nextSequence()}`,
  };
}

/**
 * A monthly preventive plan of the side's filler that starts in 2031 with no lead time: the
 * scheduler opens no work order of it while the test runs (which would change the lines' lists).
 */
export function planBody(side: Pick<LineSide, 'fill'>, title: string): object {
  return {
    equipmentId: side.fill.id,
    title: `${title} ${nextSequence()}`,
    startAt: '2031-06-01T00:00:00.000Z',
    leadTimeHours: 0,
    triggers: [{ kind: 'calendar', every: 1, unit: 'month' }],
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** The two lines, the users limited to A, and the data that makes every route answer. */
export async function buildLineScopePlant(t: TestApp): Promise<ScopePlant> {
  const admin = new AdminClient(t, await t.adminTokens());
  const tokens = admin.tokens;
  const dataSource = t.app.get(DataSource);
  // A fixed "now" a minute back, so the shift, the events and the windows line up on minutes.
  const now = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
  const hoursAgo = (hours: number) => now - hours * HOUR_MS;

  const site = await admin.ok<{ id: string }>('post', '/api/sites', { code: 'SC', name: 'Scope' });
  const area = await admin.ok<{ id: string }>('post', '/api/areas', {
    siteId: site.id,
    code: 'SC-AREA',
    name: 'Scope area',
  });
  const jam = await createDowntimeReason(t, tokens, { code: 'SC-JAM', name: 'Jam' });
  const alt = await createDowntimeReason(t, tokens, { code: 'SC-ALT', name: 'Misfeed' });
  const product = await createProduct(t, tokens, { code: 'SC-CASE', name: 'Case' });
  const productX = await createProduct(t, tokens, { code: 'SC-X', name: 'Unmade' });

  // Users first: the operator takes its steps on both lines before it is limited to A.
  const users = {} as Record<Role, ScopeUser>;
  const signIn = async (role: Role, username: string): Promise<ScopeUser> => {
    const userTokens = await t.userWithRole(role, username);
    return {
      role,
      id: userTokens.user.id,
      username,
      password: `${username}-password`,
      tokens: userTokens,
    };
  };
  for (const role of ROLES) users[role] = await signIn(role, `scope-${role.replaceAll('_', '-')}`);
  const floorOperator = await signIn('operator', 'scope-floor-operator');
  const floorTechnician = await signIn('maintenance', 'scope-floor-technician');
  const operatorOfB = await signIn('operator', 'scope-operator-of-b');
  const technicianOfB = await signIn('maintenance', 'scope-technician-of-b');
  const operator = users.operator;

  // The line's last shift ended two hours ago after eight hours: its figures are final.
  const shiftStart = hoursAgo(10);
  const shiftDate = iso(shiftStart).slice(0, 10);
  const items = [{ label: 'Guards closed', kind: 'yes_no', critical: true, expected: true }];

  async function buildSide(key: SideKey, factor: number): Promise<LineSide> {
    const line = await createLine(t, tokens, {
      code: `SC-${key}`,
      name: `Line ${key}`,
      areaId: area.id,
    });
    const equipment = (code: string) =>
      createEquipment(t, tokens, { code: `SC-${key}-${code}`, name: code, lineId: line.id });
    const fill = await equipment('FILL');
    const pack = await equipment('PACK');
    const spare = await equipment('SPARE');
    const shift = await createShift(t, tokens, {
      lineId: line.id,
      name: `Day ${key}`,
      startTime: clock(shiftStart),
      endTime: clock(hoursAgo(2)),
    });
    const plannedStop = await createPlannedStop(t, tokens, {
      lineId: line.id,
      startsAt: iso(hoursAgo(7)),
      endsAt: iso(hoursAgo(7) + 15 * 60_000),
      reason: 'Cleaning',
    });
    const cycleProduct = await createProduct(t, tokens, {
      code: `SC-${key}-CYCLE`,
      name: `Cycle ${key}`,
      cycleTimes: [{ lineId: line.id, idealCycleTimeSeconds: 3 }],
    });

    const events: MachineEventInput[] = [];
    const state = (eq: Equipment, at: number, value: 'running' | 'stopped', reason?: string) =>
      events.push({
        eventId: `${eq.code}-s-${at}`,
        equipmentId: eq.id,
        ts: iso(at),
        type: 'state',
        state: value,
        ...(reason ? { reasonCode: reason } : {}),
      });
    const count = (eq: Equipment, at: number, good: number, reject: number) =>
      events.push({
        eventId: `${eq.code}-n-${at}`,
        equipmentId: eq.id,
        ts: iso(at),
        type: 'count',
        good,
        reject,
      });
    state(fill, hoursAgo(9), 'running');
    count(fill, hoursAgo(8), 100 * factor, 2 * factor);
    state(fill, hoursAgo(6), 'stopped', jam.code);
    state(fill, hoursAgo(5.5), 'running');
    state(fill, hoursAgo(3), 'stopped');
    state(fill, hoursAgo(3) + 6 * 60_000, 'running');
    count(fill, hoursAgo(2.5), 50 * factor, 0);
    state(pack, hoursAgo(9), 'running');
    count(pack, hoursAgo(4), 80 * factor, factor);
    await ingestEvents(t, tokens, events);

    const policy = await admin.ok<AndonPolicy>(
      'post',
      '/api/andon-policies',
      policyBody(line.id, `Policy ${key}`),
    );
    const sparePolicy = await admin.ok<AndonPolicy>(
      'post',
      '/api/andon-policies',
      policyBody(line.id, `Spare ${key}`),
    );
    const resolvedCall = await raiseAndonCall(t, tokens, { equipmentId: fill.id });
    await admin.ok('post', `/api/andon/${resolvedCall.id}/acknowledge`, {});
    await admin.ok('post', `/api/andon/${resolvedCall.id}/resolve`, { resolution: 'Fixed' });
    const openCall = await raiseAndonCall(t, tokens, {
      equipmentId: pack.id,
      type: 'quality',
      priority: 'high',
    });
    // Line B has one call more, so a total over both lines differs from line A's.
    for (let extra = 1; extra < factor; extra += 1) {
      await raiseAndonCall(t, tokens, { equipmentId: fill.id, type: 'material', priority: 'low' });
    }

    const gateTemplate = await createChecklistTemplate(t, tokens, {
      name: `Start-up ${key}`,
      lineId: line.id,
      items,
    });
    const spareTemplate = await createChecklistTemplate(t, tokens, {
      name: `Spare ${key}`,
      lineId: line.id,
      productId: productX.id,
      items,
    });
    const passed = { templateId: gateTemplate.id, answers: [] as object[] };
    passed.answers = gateTemplate.items.map((item) => ({ itemId: item.id, value: true }));

    const slot = () => {
      const { start, end } = freshSlot();
      return { plannedStart: start, plannedEnd: end };
    };
    const plannedOrder = await createOrder(t, tokens, {
      lineId: line.id,
      productId: product.id,
      ...slot(),
    });
    const releasedSource = await createOrder(t, tokens, {
      lineId: line.id,
      productId: product.id,
      ...slot(),
    });
    const releasedOrder = await admin.ok<ProductionOrder>(
      'post',
      `/api/orders/${releasedSource.id}/release`,
      {},
    );
    const runningSource = await createOrder(t, tokens, {
      lineId: line.id,
      productId: product.id,
      plannedStart: iso(hoursAgo(1)),
      plannedEnd: iso(now + 8 * HOUR_MS),
    });
    await admin.ok('post', `/api/orders/${runningSource.id}/release`, {});
    const runningOrder = await admin.ok<ProductionOrder>(
      'post',
      `/api/orders/${runningSource.id}/start`,
      {},
    );

    const job = await createJob(t, tokens, {
      orderId: runningOrder.id,
      operatorId: floorOperator.id,
    });
    const run = (
      await send(t, floorOperator.tokens, 'post', `/api/jobs/${job.id}/checklists`, passed).expect(
        201,
      )
    ).body as ChecklistRun;

    // The A-limited operator's own jobs, stepped on while it still sees every line.
    const asOperator = async <T>(path: string, body: object, status = 200): Promise<T> =>
      (await send(t, operator.tokens, 'post', path, body).expect(status)).body as T;
    const operatorJob = () =>
      createJob(t, tokens, { orderId: runningOrder.id, operatorId: operator.id });
    const accept = await operatorJob();
    const checklist = await operatorJob();
    const toStart = await operatorJob();
    await asOperator(`/api/jobs/${toStart.id}/accept`, {});
    await asOperator(`/api/jobs/${toStart.id}/checklists`, passed, 201);
    const toComplete = await operatorJob();
    await asOperator(`/api/jobs/${toComplete.id}/accept`, {});
    await asOperator(`/api/jobs/${toComplete.id}/checklists`, passed, 201);
    const started = await asOperator<JobAssignment>(`/api/jobs/${toComplete.id}/start`, {});
    const probe = await operatorJob();

    // Work orders assigned to each crew member of the A-limited users, stepped while it still
    // sees every line (an assignee must see the order's line).
    const workOrder = await createWorkOrder(t, tokens, { equipmentId: fill.id });
    const plan = await admin.ok<MaintenancePlan>(
      'post',
      '/api/maintenance-plans',
      planBody({ fill }, 'Plan'),
    );
    const crewOrders = {} as Record<CrewRole, CrewOrders>;
    for (const role of CREW_ROLES) {
      const member = users[role];
      const inProgress = async (): Promise<WorkOrder> => {
        const order = await createWorkOrder(t, tokens, { equipmentId: fill.id });
        await admin.ok('post', `/api/work-orders/${order.id}/assign`, {
          assigneeIds: [member.id],
        });
        return (
          await send(t, member.tokens, 'post', `/api/work-orders/${order.id}/start`, {}).expect(200)
        ).body as WorkOrder;
      };
      const held = await inProgress();
      crewOrders[role] = {
        hold: await inProgress(),
        complete: await inProgress(),
        log: await inProgress(),
        resume: (
          await send(t, member.tokens, 'post', `/api/work-orders/${held.id}/hold`, {
            reason: 'Waiting for parts',
          }).expect(200)
        ).body as WorkOrder,
      };
    }

    const handover = await admin.ok<Handover>('post', '/api/handovers', {
      lineId: line.id,
      shiftId: shift.id,
      date: shiftDate,
      notes: `Handover of line ${key}`,
    });

    return {
      key,
      line,
      fill,
      pack,
      spare,
      shift,
      plannedStop,
      cycleProduct,
      gateTemplate,
      spareTemplate,
      policy,
      sparePolicy,
      openCall,
      resolvedCall,
      plannedOrder,
      releasedOrder,
      runningOrder,
      job,
      run,
      handover,
      stop: { equipmentId: fill.id, startedAt: iso(hoursAgo(3)) },
      operatorJobs: {
        accept,
        checklist,
        start: await admin.get<JobAssignment>(`/api/jobs/${toStart.id}`),
        complete: started,
        probe,
      },
      workOrder,
      plan,
      crewOrders,
    };
  }

  const A = await buildSide('A', 1);
  const B = await buildSide('B', 3);
  const plantPolicy = await admin.ok<AndonPolicy>('post', '/api/andon-policies', {
    ...policyBody(A.line.id, 'Plant-wide'),
    lineId: null,
  });
  const productTemplate = await createChecklistTemplate(t, tokens, {
    name: 'Unmade product',
    productId: productX.id,
    items,
  });
  for (const role of ROLES) await assignLines(t, tokens, users[role].tokens, [A.line.id]);
  await assignLines(t, tokens, operatorOfB.tokens, [B.line.id]);
  await assignLines(t, tokens, technicianOfB.tokens, [B.line.id]);

  // The roll-ups catch up before anyone reads a figure (the worker's timer would, later).
  const rollups = t.app.get(OeeRollupService);
  while ((await rollups.processQueue()) > 0);

  const fresh = new FreshObjects(admin, () => plant);
  const plant: ScopePlant = {
    A,
    B,
    users,
    floorOperator,
    floorTechnician,
    operatorOfB,
    technicianOfB,
    site,
    area,
    plantPolicy,
    productTemplate,
    product,
    productX,
    reasons: { jam, alt },
    window: { from: iso(hoursAgo(11)), to: iso(now) },
    andonWindow: { from: iso(now - DAY_MS), to: iso(now + HOUR_MS) },
    shiftDate,
    admin,
    fresh,
    async eventCount(side) {
      const [row] = await dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM machine_events WHERE equipment_id = ANY($1::uuid[])',
        [[side.fill.id, side.pack.id, side.spare.id]],
      );
      return row?.n ?? 0;
    },
  };
  return plant;
}

/** Every id of the side's objects: none of line B's may show in what an A-limited user reads. */
export function idsOf(side: LineSide): string[] {
  const ids: string[] = [
    side.line.id,
    side.fill.id,
    side.pack.id,
    side.spare.id,
    side.shift.id,
    side.plannedStop.id,
    side.gateTemplate.id,
    side.spareTemplate.id,
    side.policy.id,
    side.sparePolicy.id,
    side.openCall.id,
    side.resolvedCall.id,
    side.plannedOrder.id,
    side.releasedOrder.id,
    side.runningOrder.id,
    side.job.id,
    side.run.id,
    side.handover.id,
    ...Object.values(side.operatorJobs).map((job) => String(job.id)),
    side.workOrder.id,
    side.plan.id,
    ...Object.values(side.crewOrders).flatMap((orders) =>
      Object.values(orders).map((order) => String(order.id)),
    ),
  ];
  return ids;
}
