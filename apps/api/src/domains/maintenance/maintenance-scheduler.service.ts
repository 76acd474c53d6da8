import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from '../../platform/clock/clock.js';
import { PG_UNIQUE_VIOLATION } from '../../platform/common/database-errors.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { ShutdownState } from '../../platform/health/shutdown-state.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import { MaintenancePlansRepository } from './maintenance-plans.repository.js';
import { type EvaluatedPlan, MaintenancePlansService } from './maintenance-plans.service.js';
import { WorkOrdersService } from './work-orders.service.js';

export interface SchedulerPass {
  evaluated: number;
  created: number;
  /** Due, but another instance had the plan locked or had already created the occurrence. */
  skipped: number;
}

/**
 * Creates the preventive work orders of the plans that are due, every
 * MAINTENANCE_SCHEDULER_INTERVAL_MS, in every instance that has MAINTENANCE_SCHEDULER on.
 * Nothing lives in memory between passes: the plan's row holds its last occurrence, so a restart
 * resumes where the last pass ended. Several instances may pass at once: each occurrence is
 * created under the plan's row lock (`FOR UPDATE SKIP LOCKED`, re-checking that the occurrence is
 * still the next one), and `UNIQUE (plan_id, plan_occurrence)` refuses a second work order of an
 * occurrence whatever happens. A plan gets at most one occurrence a pass: after a long stop, the
 * missed ones follow one a pass.
 */
@Injectable()
export class MaintenanceSchedulerService
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(MaintenanceSchedulerService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SchedulerPass> | undefined;
  private stopping = false;

  constructor(
    private readonly plans: MaintenancePlansRepository,
    private readonly planService: MaintenancePlansService,
    private readonly workOrders: WorkOrdersService,
    private readonly shutdown: ShutdownState,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.shutdown.signal.addEventListener('abort', () => this.stop(), { once: true });
    // Tests drive `runPass` themselves, on their own clock.
    if (this.config.NODE_ENV === 'test' || !this.config.MAINTENANCE_SCHEDULER) return;
    this.timer = setInterval(() => void this.tick(), this.config.MAINTENANCE_SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
  }

  private stop(): void {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      await this.runPass();
    } catch (error) {
      this.logger.error(
        `maintenance scheduler pass failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** One pass over every active plan; a pass already under way is joined, not doubled. */
  runPass(): Promise<SchedulerPass> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<SchedulerPass> {
    const timer = this.metrics.maintenanceSchedulerPass.startTimer();
    try {
      const result = await this.evaluateAndCreate();
      this.metrics.maintenanceWorkOrdersCreated.inc(result.created);
      return result;
    } finally {
      timer();
    }
  }

  private async evaluateAndCreate(): Promise<SchedulerPass> {
    const now = this.clock.now().getTime();
    const records = await this.plans.active();
    const evaluated = await this.planService.evaluate(records, now);
    let created = 0;
    let skipped = 0;
    for (const plan of evaluated) {
      if (this.stopping) break;
      if (!plan.evaluation.dueNow) continue;
      if (await this.createOccurrence(plan)) created++;
      else skipped++;
    }
    if (created > 0) this.workOrders.announced();
    return { evaluated: evaluated.length, created, skipped };
  }

  /** The plan's next occurrence, unless another instance has it; true when this one made it. */
  private async createOccurrence({ record, evaluation }: EvaluatedPlan): Promise<boolean> {
    const due = evaluation.dueNow;
    if (!due) return false;
    const occurrence = record.lastOccurrence + 1;
    const finished = this.shutdown.busy(`maintenance plan ${record.id}`);
    try {
      return await this.plans.transaction(async (manager) => {
        if (!(await this.plans.lockForOccurrence(manager, record.id, record.lastOccurrence))) {
          return false;
        }
        const dueAt = new Date(due.dueAt);
        await this.workOrders.createForPlan(
          manager,
          {
            planId: record.id,
            occurrence,
            equipmentId: record.equipmentId,
            lineId: record.lineId,
            title: record.title,
            description: record.description,
            priority: record.priority,
            dueAt,
            trigger: due.trigger,
          },
          record.createdBy,
        );
        await this.plans.recordOccurrence(manager, record.id, occurrence, dueAt, this.clock.now());
        return true;
      });
    } catch (error) {
      // The occurrence exists already (made by another instance between our read and lock).
      if (isUniqueViolation(error)) return false;
      throw error;
    } finally {
      finished();
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.code;
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === PG_UNIQUE_VIOLATION || driverCode === PG_UNIQUE_VIOLATION;
}
