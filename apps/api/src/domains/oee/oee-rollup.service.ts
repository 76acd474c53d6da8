import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { emptyTotals } from '@ms5/oee';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { OeeEngineAdapter } from './oee-engine.adapter.js';
import { type HourlyRow, OeeRepository } from './oee.repository.js';
import { type Queryable, RollupQueueRepository } from './rollup-queue.repository.js';

const HOUR_MS = 3_600_000;
const floorHour = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;

/**
 * Keeps `oee_hourly` up to date. Ingestion queues each equipment from its earliest new event
 * (late events included); this worker recomputes those hours from raw events through the OEE
 * engine. Claims use `FOR UPDATE SKIP LOCKED`, so several API instances share the work and no
 * hour is computed by two at once; a crash rolls the claim back and the work is retried.
 */
@Injectable()
export class OeeRollupService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OeeRollupService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly repository: OeeRepository,
    private readonly engine: OeeEngineAdapter,
    private readonly queue: RollupQueueRepository,
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
    // Tests drive `processQueue` themselves; OEE_ROLLUPS=0 turns the worker off (benchmarks of raw queries).
    if (this.config.NODE_ENV === 'test' || !this.config.OEE_ROLLUPS) return;
    this.timer = setInterval(() => void this.tick(), 2000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
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

  /** Works the queue until it is empty; returns how many equipment were recomputed. */
  processQueue(now: number = Date.now(), quietMs = 0): Promise<number> {
    this.running ??= this.drain(now, quietMs).finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(now: number, quietMs: number): Promise<number> {
    let done = 0;
    for (;;) {
      // A short claim, so that ingestion never waits on a recomputation.
      const claimed = await this.repository.claimQueued(20, quietMs);
      if (claimed.length === 0) return done;
      for (const { equipmentId, since, version } of claimed) {
        try {
          await this.repository.transaction(async (manager) => {
            // One recomputation of an equipment at a time across all instances; reads made after
            // taking the lock see every event committed before it.
            await this.repository.lockEquipment(manager, equipmentId);
            await this.recompute(manager, equipmentId, since.getTime(), now);
          });
          await this.repository.finishClaim(equipmentId, version);
          done++;
        } catch (error) {
          await this.repository.releaseClaim(equipmentId);
          throw error;
        }
      }
    }
  }

  /**
   * Recomputes the whole hours from the new events (less one micro-stop threshold: a stop they
   * end may change class) up to the hour of the equipment's last event. Later hours, where the
   * last state still holds, stay out of the table: queries compute them live.
   */
  private async recompute(
    manager: Parameters<Parameters<OeeRepository['transaction']>[0]>[0],
    equipmentId: string,
    sinceMs: number,
    now: number,
  ): Promise<void> {
    const [context] = await this.repository.equipmentContexts([equipmentId], manager);
    if (!context) return;
    const lastEventMs = await this.repository.lastEventMs(equipmentId, manager);
    if (lastEventMs === null) return;
    const start = floorHour(sinceMs - context.microStopThresholdSeconds * 1000);
    const end = Math.min(floorHour(lastEventMs) + HOUR_MS, floorHour(now));
    if (end <= start) return;
    const hours: number[] = [];
    for (let hour = start; hour < end; hour += HOUR_MS) hours.push(hour);
    const windows = hours.map((hour) => ({ start: hour, end: hour + HOUR_MS }));
    const totals = await this.engine.totalsFor(context, { start, end }, windows, manager);
    const rows: HourlyRow[] = hours.map((hour, index) => ({
      ...(totals[index] ?? emptyTotals()),
      hour: new Date(hour),
    }));
    await this.repository.replaceHours(manager, equipmentId, { start, end }, rows, new Date(now));
  }
}
