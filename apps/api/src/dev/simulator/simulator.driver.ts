import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AndonCall,
  MAX_INGEST_BATCH,
  type MachineEventInput,
  type ProductionOrder,
  type SessionUser,
} from '@ms5/contracts';
import type { DataSource, QueryRunner } from 'typeorm';
import { TokenService } from '../../platform/auth/token.service.js';
import { DomainException } from '../../platform/common/domain.exception.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { DEMO_TECHNICIAN_USERNAME, SIMULATOR_USERNAME } from '../demo-plant/demo-plant.js';
import { UsersRepository } from '../../platform/users/users.repository.js';
import { UsersService } from '../../platform/users/users.service.js';
import { PlantSimulation, type SimPlant } from './plant-simulation.js';
import { buildSimPlant } from './sim-plant.js';
import { ApiCallError, SimulatorClient } from './simulator-client.js';
import { SimulatorRunsRepository } from './simulator-runs.repository.js';

/**
 * Key of the PostgreSQL advisory lock that elects the one API instance driving the simulator.
 * ('MS5S' in ASCII.)
 */
export const SIMULATOR_LOCK_KEY = 0x4d533553;

const MAX_BACKLOG = 100_000;

interface Engine {
  runId: string;
  plant: SimPlant;
  simulation: PlantSimulation;
  /** The time the simulation was advanced to. */
  advancedTo: number;
  /** Set when the run was seen paused: on resume the plant restarts at the resume time. */
  stale: boolean;
  /** `line:product` pairs already warned about (a product the line has no cycle time for). */
  warned: Set<string>;
}

/**
 * Drives the active simulator run: every tick, the instance holding the advisory lock reads the
 * running production orders, tells each simulated line to make its order's product, advances the
 * plant simulation to now and sends what happened through the public HTTP API as the `simulator`
 * service user (an engineer): machine events in batches to `POST /api/ingest/events`, andon calls
 * to `POST /api/andon` and their acknowledge/resolve routes, and for each maintenance call a work
 * order (`POST /api/work-orders`) assigned to the line's technician. It never writes plant data
 * itself.
 */
@Injectable()
export class SimulatorDriver implements OnModuleDestroy {
  private readonly log = new Logger('Simulator');
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private destroyed = false;
  private ticking: Promise<void> | null = null;
  private again = false;
  private lock: QueryRunner | null = null;
  private engine: Engine | null = null;
  private backlog: MachineEventInput[] = [];
  private readonly andonIds = new Map<string, string>();
  /** The technician each line's work orders go to (null: none), looked up once per run. */
  private readonly technicians = new Map<string, string | null>();
  private token: { value: string; renewAt: number } | null = null;
  /** Whether the last read of the running orders failed (to warn once, not every tick). */
  private ordersFailing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: SimulatorRunsRepository,
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts this instance's loop (idempotent). Every instance may run one; the lock picks one. */
  ensureStarted(): void {
    if (this.started || this.destroyed) return;
    this.started = true;
    this.schedule(0);
  }

  /** Runs a tick soon (after a control action), without waiting for the next one. */
  poke(): void {
    if (!this.started || this.destroyed) return;
    if (this.ticking) this.again = true;
    else this.schedule(0);
  }

  /** Whether this instance holds the lock and drives the run. */
  get driving(): boolean {
    return this.lock !== null;
  }

  async onModuleDestroy(): Promise<void> {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    await this.releaseLock();
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.loop(), delayMs);
    this.timer.unref();
  }

  private loop(): void {
    if (this.ticking || this.destroyed) return;
    this.ticking = this.tick()
      .catch((error: unknown) => this.log.warn(`simulator tick failed: ${String(error)}`))
      .finally(() => {
        this.ticking = null;
        if (this.destroyed) return;
        const again = this.again;
        this.again = false;
        this.schedule(again ? 0 : this.config.SIMULATOR_TICK_MS);
      });
  }

  private async tick(): Promise<void> {
    const run = await this.runs.active();
    if (!run) {
      this.engine = null;
      this.backlog = [];
      await this.releaseLock();
      return;
    }
    if (!(await this.acquireLock())) {
      this.engine = null;
      return;
    }
    if (run.status === 'paused') {
      if (this.engine) this.engine.stale = true;
      return;
    }
    const client = this.client();
    if (!client) return; // not listening yet
    const running = await this.runningOrders(client);
    const now = Date.now();
    if (!this.engine || this.engine.runId !== run.id || this.engine.stale) {
      const plant = buildSimPlant(await client.plant(), run.lineIds);
      // Lines start set up for the product of the order they run (no changeover at the start).
      const products: Record<string, string> = {};
      for (const line of plant.lines) {
        const order = running?.get(line.id);
        if (order) products[line.code] = order.productCode;
      }
      this.engine = {
        runId: run.id,
        plant,
        stale: false,
        advancedTo: now,
        warned: new Set(),
        simulation: new PlantSimulation(plant, {
          seed: run.seed,
          speed: run.speed,
          runKey: `sim-${run.id.slice(0, 8)}-${now.toString(36)}`,
          start: now,
          andon: true,
          products,
        }),
      };
      this.andonIds.clear();
      this.technicians.clear();
      this.log.log(
        `driving run ${run.id}: ${plant.lines.length} lines, seed ${run.seed}, speed ${run.speed}`,
      );
    }
    if (running) this.followOrders(this.engine, running, now);
    const actions = this.engine.simulation.advance(now);
    this.engine.advancedTo = now;
    for (const action of actions) if (action.kind === 'machine') this.backlog.push(action.event);
    if (this.backlog.length > MAX_BACKLOG)
      this.backlog.splice(0, this.backlog.length - MAX_BACKLOG);

    let sent = 0;
    let raised = 0;
    try {
      while (this.backlog.length > 0) {
        const batch = this.backlog.slice(0, MAX_INGEST_BATCH);
        try {
          const answer = await client.ingest(batch);
          sent += batch.length;
          if (answer.conflicts.length > 0)
            this.log.warn(
              `simulator events in conflict with stored ones: ${answer.conflicts.length}`,
            );
        } catch (error) {
          // A batch the API refuses as invalid would be refused forever: drop it, say so.
          if (!(error instanceof ApiCallError) || error.status !== 400) throw error;
          this.log.error(`simulator batch rejected: ${error.message}`);
        }
        this.backlog.splice(0, batch.length);
      }
      for (const action of actions) {
        if (action.kind !== 'andon') continue;
        const { andon } = action;
        try {
          if (andon.step === 'raise') {
            const call = await client.raiseAndon(andon);
            this.andonIds.set(andon.key, call.id);
            raised++;
            if (call.type === 'maintenance') await this.openWorkOrder(client, call);
          } else {
            const id = this.andonIds.get(andon.key);
            if (!id) continue;
            if (andon.step === 'acknowledge') await client.acknowledgeAndon(id);
            else {
              await client.resolveAndon(id, 'Resolved (simulated)');
              this.andonIds.delete(andon.key);
            }
          }
        } catch (error) {
          // Someone else may have handled the call already: that is fine.
          if (!(error instanceof ApiCallError) || error.status >= 500) throw error;
        }
      }
    } finally {
      await this.runs.addCounts(run.id, sent, raised);
    }
  }

  /**
   * Turns a maintenance call into a corrective work order (or finds the one its policy opened) and
   * assigns it to the line's technician
   * (a user of role maintenance, the demo's `demo-maintenance` first), so that the demo shows
   * live maintenance work. Without a technician the order stays open for anyone to take.
   */
  private async openWorkOrder(client: SimulatorClient, call: AndonCall): Promise<void> {
    const orderId = call.workOrderId ?? (await this.workOrderOf(client, call));
    if (orderId === null) return;
    let technician = this.technicians.get(call.lineId);
    if (technician === undefined) {
      const candidates = (await client.workOrderAssignees(call.lineId)).filter(
        (person) => person.role === 'maintenance',
      );
      const preferred =
        candidates.find((person) => person.username === DEMO_TECHNICIAN_USERNAME) ?? candidates[0];
      technician = preferred?.id ?? null;
      this.technicians.set(call.lineId, technician);
    }
    if (technician !== null) await client.assignWorkOrder(orderId, [technician]);
  }

  /**
   * The work order of a call the policy did not open one for (a call its escalation policy turns
   * into a work order as it is raised arrives with `workOrderId` set). A 409 means someone opened
   * one between the raise and now: the call then names it.
   */
  private async workOrderOf(client: SimulatorClient, call: AndonCall): Promise<string | null> {
    try {
      return (await client.workOrderFromCall(call)).id;
    } catch (error) {
      if (!(error instanceof ApiCallError) || error.status !== 409) throw error;
      return (await client.andonCall(call.id)).workOrderId;
    }
  }

  /**
   * The running order of each line (by line id), read through the API; null when the read
   * failed (the lines then keep what they were told before).
   */
  private async runningOrders(
    client: SimulatorClient,
  ): Promise<Map<string, ProductionOrder> | null> {
    let orders: ProductionOrder[];
    try {
      orders = await client.runningOrders();
    } catch (error) {
      if (!this.ordersFailing)
        this.log.warn(
          `cannot read the running orders, lines keep their products: ${String(error)}`,
        );
      this.ordersFailing = true;
      return null;
    }
    if (this.ordersFailing) this.log.log('reading the running orders again');
    this.ordersFailing = false;
    const byLine = new Map<string, ProductionOrder>();
    for (const order of orders) {
      // A line runs one order at a time; should two show up, the later start wins.
      const known = byLine.get(order.lineId);
      if (!known || (order.actualStart ?? '') > (known.actualStart ?? '')) {
        byLine.set(order.lineId, order);
      }
    }
    return byLine;
  }

  /**
   * Tells every simulated line to make its running order's product from the order's start (but
   * not before the time already simulated), or to pick its own products when it runs no order.
   */
  private followOrders(
    engine: Engine,
    running: ReadonlyMap<string, ProductionOrder>,
    now: number,
  ): void {
    for (const line of engine.plant.lines) {
      const order = running.get(line.id);
      const startedAt = order?.actualStart ? Date.parse(order.actualStart) : Number.NaN;
      const at = Number.isFinite(startedAt)
        ? Math.min(now, Math.max(engine.advancedTo, startedAt))
        : now;
      const productCode = order?.productCode ?? null;
      if (engine.simulation.setProduct(line.code, productCode, at)) continue;
      const key = `${line.code}:${productCode}`;
      if (engine.warned.has(key)) continue;
      engine.warned.add(key);
      this.log.warn(
        `line ${line.code} runs an order of ${productCode}, which has no cycle time on the line: the simulator ignores it`,
      );
    }
  }

  /** An API client for this instance's own HTTP server; null while it does not listen. */
  client(): SimulatorClient | null {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as
      { address(): AddressInfo | string | null } | undefined;
    const address = server?.address();
    if (!address || typeof address === 'string') return null;
    const host =
      address.address === '0.0.0.0' || address.address === '::' || address.address === ''
        ? '127.0.0.1'
        : address.family === 'IPv6'
          ? `[${address.address}]`
          : address.address;
    return new SimulatorClient(`http://${host}:${address.port}`, () => this.accessToken());
  }

  /** A client or a 409 saying the API is not ready to serve the simulator. */
  requireClient(): SimulatorClient {
    const client = this.client();
    if (!client) throw new DomainException('CONFLICT', 'The API is not listening yet');
    return client;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.renewAt > Date.now()) return this.token.value;
    const user = await this.serviceUser();
    const issued = await this.tokens.issue(user);
    const ttlMs = this.config.ACCESS_TOKEN_TTL_SECONDS * 1000;
    this.token = {
      value: issued.accessToken,
      renewAt: Date.now() + ttlMs - Math.min(60_000, ttlMs / 2),
    };
    return issued.accessToken;
  }

  /** The `simulator` service account (an engineer), created with a random password if missing. */
  private async serviceUser(): Promise<SessionUser> {
    let user = await this.usersRepository.findByUsernameWithHash(SIMULATOR_USERNAME);
    if (!user) {
      try {
        await this.users.create(
          {
            username: SIMULATOR_USERNAME,
            password: randomBytes(24).toString('base64url'),
            role: 'engineer',
            displayName: 'Line simulator',
          },
          null,
        );
      } catch (error) {
        if (!(error instanceof DomainException && error.code === 'USERNAME_TAKEN')) throw error;
      }
      user = await this.usersRepository.findByUsernameWithHash(SIMULATOR_USERNAME);
    }
    if (!user || user.disabled)
      throw new Error('the simulator service user is missing or disabled');
    return { id: user.id, username: user.username, role: user.role, displayName: user.displayName };
  }

  private async acquireLock(): Promise<boolean> {
    if (this.lock) {
      try {
        await this.lock.query('SELECT 1');
        return true;
      } catch {
        await this.lock.release().catch(() => undefined);
        this.lock = null;
      }
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const rows = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
      SIMULATOR_LOCK_KEY,
    ])) as Array<{ locked: boolean }>;
    if (rows[0]?.locked) {
      this.lock = runner;
      return true;
    }
    await runner.release();
    return false;
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    if (!lock) return;
    this.lock = null;
    await lock.query('SELECT pg_advisory_unlock($1)', [SIMULATOR_LOCK_KEY]).catch(() => undefined);
    await lock.release().catch(() => undefined);
  }
}
