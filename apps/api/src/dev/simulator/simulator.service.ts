import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type BackfillResult,
  type BackfillSimulatorInput,
  type MachineEventInput,
  MAX_INGEST_BATCH,
  type Paginated,
  type SessionUser,
  type SimulatorAction,
  type SimulatorRun,
  type SimulatorRunsQuery,
  type SimulatorState,
  type SimulatorStatus,
  type StartSimulatorInput,
  SIMULATOR_MAX_SEED,
  toPage,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import {
  PG_UNIQUE_VIOLATION,
  withConstraintErrors,
} from '../../platform/common/database-errors.js';
import { DomainException } from '../../platform/common/domain.exception.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { LineScope } from '../../platform/line-access/line-scope.js';
import { PlantSimulation } from './plant-simulation.js';
import { buildSimPlant } from './sim-plant.js';
import { SimulatorDriver } from './simulator.driver.js';
import { SimulatorRunsRepository } from './simulator-runs.repository.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BACKFILL_CHUNK_MS = 6 * 60 * MINUTE;
const BACKFILL_CONCURRENCY = 4;

/** Which status each action needs, and the status it leads to. */
const TRANSITIONS: Record<
  Exclude<SimulatorAction, 'start'>,
  { from: SimulatorStatus[]; to: SimulatorStatus }
> = {
  stop: { from: ['running', 'paused'], to: 'stopped' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
};

/**
 * A run drives the lines it names, or every line when it names none: a user limited to some
 * lines may only drive (and stop, pause, resume or backfill) runs within them.
 */
function assertDrives(scope: LineScope, lineIds: readonly string[] | undefined): void {
  if (!scope.limited) return;
  if (!lineIds || lineIds.length === 0) {
    throw new DomainException(
      'LINE_NOT_ASSIGNED',
      'A run over every line needs access to every line: name your lines in lineIds',
    );
  }
  scope.assertAll(lineIds, 'A line of this run');
}

const notAllowed = (action: SimulatorAction, status: SimulatorStatus) =>
  new DomainException('INVALID_TRANSITION', `Cannot ${action} the simulator while it is ${status}`);

/** The simulator's control (start, stop, pause, resume), its run history and backfills. */
@Injectable()
export class SimulatorService {
  constructor(
    private readonly runs: SimulatorRunsRepository,
    private readonly driver: SimulatorDriver,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async state(): Promise<SimulatorState> {
    const run = await this.runs.active();
    return { status: run?.status ?? 'stopped', run, driving: this.driver.driving };
  }

  async listRuns(query: SimulatorRunsQuery): Promise<Paginated<SimulatorRun>> {
    const [items, total] = await this.runs.page(query.page, query.pageSize);
    return toPage(items, total, query);
  }

  async start(
    input: StartSimulatorInput,
    actor: SessionUser | null,
    scope = LineScope.everyLine,
  ): Promise<SimulatorState> {
    assertDrives(scope, input.lineIds);
    const seed = input.seed ?? this.config.SIMULATOR_SEED ?? randomInt(0, SIMULATOR_MAX_SEED);
    const speed = input.speed ?? this.config.SIMULATOR_SPEED;
    const lineIds = input.lineIds ?? [];
    await withConstraintErrors(
      () =>
        this.runs.transaction(async (manager) => {
          const active = await this.runs.active(manager, true);
          if (active) throw notAllowed('start', active.status);
          const id = await this.runs.insert(manager, {
            seed,
            speed,
            lineIds,
            startedBy: actor?.id ?? null,
          });
          await this.record(manager, actor, 'simulator.started', id, { seed, speed, lineIds });
        }),
      // Another instance started a run at the same moment.
      { known: [{ code: PG_UNIQUE_VIOLATION, error: () => notAllowed('start', 'running') }] },
    );
    this.driver.ensureStarted();
    this.driver.poke();
    return this.state();
  }

  async control(
    action: Exclude<SimulatorAction, 'start'>,
    actor: SessionUser | null,
    scope = LineScope.everyLine,
  ): Promise<SimulatorState> {
    const { from, to } = TRANSITIONS[action];
    await this.runs.transaction(async (manager) => {
      const active = await this.runs.active(manager, true);
      const status = active?.status ?? 'stopped';
      if (!active || !from.includes(status)) throw notAllowed(action, status);
      assertDrives(scope, active.lineIds);
      await this.runs.setStatus(manager, active.id, to);
      await this.record(
        manager,
        actor,
        `simulator.${action === 'stop' ? 'stopped' : `${action}d`}`,
        active.id,
        {
          status: to,
        },
      );
    });
    this.driver.ensureStarted();
    this.driver.poke();
    return this.state();
  }

  /**
   * N days of history up to now (or up to the start of the active run, so as not to overlap
   * it), generated at full speed and sent through `POST /api/ingest/events` in batches of 1000.
   * Andon calls are left out: the server stamps their times. The same seed and days within the
   * same minute give the same event ids, so a repeated backfill only counts duplicates.
   */
  async backfill(
    input: BackfillSimulatorInput,
    scope = LineScope.everyLine,
  ): Promise<BackfillResult> {
    assertDrives(scope, input.lineIds);
    const began = performance.now();
    const client = this.driver.requireClient();
    const seed = input.seed ?? randomInt(0, SIMULATOR_MAX_SEED);
    const active = await this.runs.active();
    const end = active ? Date.parse(active.startedAt) : Date.now();
    const to = Math.floor(end / MINUTE) * MINUTE;
    const from = to - input.days * DAY;
    const plant = buildSimPlant(await client.plant(), input.lineIds);
    const simulation = new PlantSimulation(plant, {
      seed,
      speed: 1,
      runKey: `bf${seed.toString(36)}-${(from / MINUTE).toString(36)}`,
      start: from,
      andon: false,
    });
    const result = { batches: 0, events: 0, accepted: 0, duplicates: 0, conflicts: 0 };
    for (let t = from; t < to;) {
      t = Math.min(to, t + BACKFILL_CHUNK_MS);
      const events: MachineEventInput[] = simulation
        .advance(t)
        .flatMap((action) => (action.kind === 'machine' ? [action.event] : []));
      const batches: MachineEventInput[][] = [];
      for (let i = 0; i < events.length; i += MAX_INGEST_BATCH)
        batches.push(events.slice(i, i + MAX_INGEST_BATCH));
      let next = 0;
      const worker = async () => {
        for (let batch = batches[next++]; batch; batch = batches[next++]) {
          const answer = await client.ingest(batch);
          result.batches++;
          result.events += batch.length;
          result.accepted += answer.accepted;
          result.duplicates += answer.duplicates;
          result.conflicts += answer.conflicts.length;
        }
      };
      await Promise.all(Array.from({ length: BACKFILL_CONCURRENCY }, worker));
    }
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      seed,
      ...result,
      durationMs: Math.round(performance.now() - began),
    };
  }

  private record(
    manager: EntityManager,
    actor: SessionUser | null,
    action: string,
    runId: string,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action,
      entityType: 'simulator_run',
      entityId: runId,
      after,
    });
  }
}
