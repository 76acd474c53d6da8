import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { emptyTotals } from '@ms5/oee';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { ShutdownState } from '../../platform/health/shutdown-state.js';
import { OeeEngineAdapter } from './oee-engine.adapter.js';
import { type HourlyRow, OeeRepository } from './oee.repository.js';
import {
  type Queryable,
  type RollupClaim,
  RollupQueueRepository,
} from './rollup-queue.repository.js';

const HOUR_MS = 3_600_000;
const floorHour = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;

/**
 * A chunk should take about this long (or a tenth of the claim's expiry, if less): far inside the
 * expiry, so the per-chunk heartbeat keeps the claim, and short enough for a stopping process to
 * wait for. Measured: 168 hours take 2.1 s at a count a minute, but 25 s at a count every 5 s
 * and 90 s at one a second; so the chunk starts small and grows (or shrinks) with the time its
 * hours took, up to ROLLUP_HOURS_PER_CHUNK.
 */
const CHUNK_TARGET_MS = 2000;
const FIRST_CHUNK_HOURS = 6;
const MAX_CHUNK_GROWTH = 4;

/** What one chunk left: more hours to do, all done, or the claim was lost to another instance. */
type ChunkOutcome =
  | { kind: 'more'; claim: RollupClaim; nextHour: number; hours: number }
  | { kind: 'done'; claim: RollupClaim }
  | { kind: 'lost' };

/**
 * Keeps `oee_hourly` up to date. Ingestion queues each equipment from its earliest new event
 * (late events included); this worker recomputes those hours from raw events through the OEE
 * engine. Claims use `FOR UPDATE SKIP LOCKED`, so several API instances share the work and no
 * hour is computed by two at once.
 *
 * Every unit of work is bounded: at most ROLLUP_HOURS_PER_CHUNK hours per transaction, each chunk
 * committed with its progress and a heartbeat on the claim. So a backlog of a year neither holds a
 * transaction open for minutes nor keeps a stopping process alive (the worker stops between
 * chunks), a restart resumes where the last chunk ended, and a claim whose holder died is taken
 * over after ROLLUP_CLAIM_EXPIRY_MS.
 */
@Injectable()
export class OeeRollupService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(OeeRollupService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopping = false;

  constructor(
    private readonly repository: OeeRepository,
    private readonly engine: OeeEngineAdapter,
    private readonly queue: RollupQueueRepository,
    private readonly shutdown: ShutdownState,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Marks each equipment's roll-ups stale from its given time (its earliest new event) on. */
  queueFrom(db: Queryable, since: ReadonlyMap<string, Date>): Promise<void> {
    return this.queue.queueFrom(db, since);
  }

  /**
   * After a line's (or one machine's) planned time changed: its roll-ups are recomputed from
   * `since`, or from each machine's first event when `since` is `null` (a changed shift calendar).
   */
  queueRecompute(
    db: Queryable,
    scope: { lineId?: string | null; equipmentId?: string | null },
    since: Date | null,
  ): Promise<void> {
    return this.queue.queueRecompute(db, scope, since);
  }

  onApplicationBootstrap(): void {
    // SIGTERM: stop at the next chunk's end, while the HTTP requests drain.
    this.shutdown.signal.addEventListener('abort', () => this.stop(), { once: true });
    // Tests drive `processQueue` themselves; OEE_ROLLUPS=0 turns the worker off (benchmarks of raw queries).
    if (this.config.NODE_ENV === 'test' || !this.config.OEE_ROLLUPS) return;
    this.timer = setInterval(() => void this.tick(), 2000);
    this.timer.unref();
  }

  /** Before the pool closes: the chunk in progress commits, nothing more starts. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running?.catch(() => 0);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.beforeApplicationShutdown();
  }

  private stop(): void {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      // Equipment queued in the last second wait for the next tick: a burst of batches is worked once.
      await this.processQueue(Date.now(), 1000);
    } catch (error) {
      this.logger.error(
        `roll-up failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /**
   * Works the queue until it is empty (or the process stops); returns how many equipment were
   * brought up to date.
   */
  processQueue(now: number = Date.now(), quietMs = 0): Promise<number> {
    this.running ??= this.drain(now, quietMs).finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(now: number, quietMs: number): Promise<number> {
    let done = 0;
    while (!this.stopping) {
      // One equipment per claim, so that every claim this worker holds is the one it beats for.
      const [claim] = await this.queue.claimQueued(1, quietMs, this.config.ROLLUP_CLAIM_EXPIRY_MS);
      if (!claim) break;
      const finished = this.shutdown.busy(`OEE roll-up of equipment ${claim.equipmentId}`);
      try {
        if (await this.work(claim, now)) done++;
      } finally {
        finished();
      }
    }
    return done;
  }

  /** Works one claimed equipment chunk by chunk; `true` when it is up to date. */
  private async work(claim: RollupClaim, now: number): Promise<boolean> {
    let held = claim;
    let fromHour: number | null = null;
    let hours = Math.min(FIRST_CHUNK_HOURS, this.config.ROLLUP_HOURS_PER_CHUNK);
    try {
      for (;;) {
        const started = performance.now();
        const outcome = await this.repository.transaction((manager) =>
          this.chunk(manager, held, { fromHour, hours }, now),
        );
        if (outcome.kind === 'lost') {
          this.logger.warn(
            `roll-up claim of ${claim.equipmentId} expired: another instance has it`,
          );
          return false;
        }
        held = outcome.claim;
        if (outcome.kind === 'done') {
          await this.queue.finishClaim(held);
          return true;
        }
        fromHour = outcome.nextHour;
        const tookMs = performance.now() - started;
        this.logger.debug(
          `roll-up of ${claim.equipmentId}: ${outcome.hours} h in ${tookMs.toFixed(0)} ms`,
        );
        hours = this.nextChunkHours(outcome.hours, tookMs);
        if (this.stopping) {
          await this.queue.releaseClaim(held);
          return false;
        }
      }
    } catch (error) {
      await this.queue.releaseClaim(held).catch(() => undefined);
      throw error;
    }
  }

  /** As many hours as should take CHUNK_TARGET_MS, judging by the last chunk's pace. */
  private nextChunkHours(lastHours: number, lastMs: number): number {
    const target = Math.min(CHUNK_TARGET_MS, this.config.ROLLUP_CLAIM_EXPIRY_MS / 10);
    const paced = Math.floor((lastHours * target) / Math.max(lastMs, 1));
    return Math.max(
      1,
      Math.min(paced, lastHours * MAX_CHUNK_GROWTH, this.config.ROLLUP_HOURS_PER_CHUNK),
    );
  }

  /**
   * One transaction: recomputes at most `hours` whole hours, starting at
   * `fromHour` — or, for the first chunk, at the claim's time less one micro-stop threshold (a
   * stop the new events end may change class) — up to the hour of the equipment's last event.
   * Later hours, where the last state still holds, stay out of the table: queries compute them
   * live.
   */
  private async chunk(
    manager: EntityManager,
    claim: RollupClaim,
    { fromHour, hours }: { fromHour: number | null; hours: number },
    now: number,
  ): Promise<ChunkOutcome> {
    await this.queue.lockEquipment(manager, claim.equipmentId);
    const [context] = await this.repository.equipmentContexts([claim.equipmentId], manager);
    const lastEventMs = await this.repository.lastEventMs(claim.equipmentId, manager);
    if (!context || lastEventMs === null) return { kind: 'done', claim };
    const start =
      fromHour ?? floorHour(claim.since.getTime() - context.microStopThresholdSeconds * 1000);
    const end = Math.min(floorHour(lastEventMs) + HOUR_MS, floorHour(now));
    if (end <= start) return { kind: 'done', claim };
    const chunkEnd = Math.min(start + hours * HOUR_MS, end);
    const windows: Array<{ start: number; end: number }> = [];
    for (let hour = start; hour < chunkEnd; hour += HOUR_MS)
      windows.push({ start: hour, end: hour + HOUR_MS });
    const totals = await this.engine.totalsFor(context, { start, end: chunkEnd }, windows, manager);
    const rows: HourlyRow[] = windows.map((window, index) => ({
      ...(totals[index] ?? emptyTotals()),
      hour: new Date(window.start),
    }));
    await this.repository.replaceHours(
      manager,
      claim.equipmentId,
      { start, end: chunkEnd },
      rows,
      new Date(now),
    );
    // Hours already written stay: they were computed under the lock from every committed event.
    const renewed = await this.queue.recordProgress(manager, claim, new Date(chunkEnd));
    if (!renewed) return { kind: 'lost' };
    return chunkEnd < end
      ? { kind: 'more', claim: renewed, nextHour: chunkEnd, hours: (chunkEnd - start) / HOUR_MS }
      : { kind: 'done', claim: renewed };
  }
}
