import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { emptyTotals } from '@ms5/oee';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { OeeEngineAdapter } from './oee-engine.adapter.js';
import { type HourlyRow, OeeRepository } from './oee.repository.js';

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
  private lastSweep = 0;

  constructor(
    private readonly repository: OeeRepository,
    private readonly engine: OeeEngineAdapter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
      // Every 5 minutes, the hours of states still going on (no new event) are rolled up too.
      if (Date.now() - this.lastSweep > 5 * 60_000) {
        this.lastSweep = Date.now();
        await this.repository.queueAll(new Date(floorHour(Date.now()) - HOUR_MS));
      }
      await this.processQueue();
    } catch (error) {
      this.logger.error(
        `roll-up failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Works the queue until it is empty; returns how many equipment were recomputed. */
  processQueue(now: number = Date.now()): Promise<number> {
    this.running ??= this.drain(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(now: number): Promise<number> {
    let done = 0;
    for (;;) {
      const processed = await this.repository.transaction(async (manager) => {
        const claimed = await this.repository.claimQueued(manager, 20);
        for (const { equipmentId, since } of claimed) {
          await this.recompute(manager, equipmentId, since.getTime(), now);
        }
        return claimed.length;
      });
      done += processed;
      if (processed === 0) return done;
    }
  }

  private async recompute(
    manager: Parameters<Parameters<OeeRepository['transaction']>[0]>[0],
    equipmentId: string,
    sinceMs: number,
    now: number,
  ): Promise<void> {
    const [context] = await this.repository.equipmentContexts([equipmentId], manager);
    if (!context) return;
    const start = floorHour(Math.min(sinceMs, now));
    const hours: number[] = [];
    for (let hour = start; hour < now; hour += HOUR_MS) hours.push(hour);
    // The current hour is computed up to now; it is final only once recomputed after it ends.
    const windows = hours.map((hour) => ({ start: hour, end: Math.min(hour + HOUR_MS, now) }));
    const totals = await this.engine.totalsFor(context, { start, end: now }, windows, manager);
    const rows: HourlyRow[] = hours.map((hour, index) => ({
      ...(totals[index] ?? emptyTotals()),
      hour: new Date(hour),
    }));
    await this.repository.replaceHours(manager, equipmentId, new Date(start), rows, new Date(now));
  }
}
