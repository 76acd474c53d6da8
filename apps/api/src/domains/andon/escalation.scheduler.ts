import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience, rooms } from '../../platform/realtime/rooms.js';
import { AndonEscalationsRepository } from './andon-escalations.repository.js';
import { callEventPayload } from './andon-events.js';
import { Clock } from '../../platform/clock/clock.js';

const BATCH = 100;
export const ESCALATION_TICK_MS = 1000;

/**
 * Fires due escalation levels. The schedule lives in PostgreSQL (`andon_escalations`): each
 * instance claims due steps with FOR UPDATE SKIP LOCKED and marks them fired in the same
 * transaction as the outbox event, so with several instances no level fires twice, and after a
 * restart pending levels fire when their time comes (or at once, when it passed meanwhile).
 */
@Injectable()
export class EscalationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EscalationScheduler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly escalations: AndonEscalationsRepository,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Fires every step due at the clock's now; returns how many fired in this instance. */
  async runDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const result = await this.escalations.transaction(async (manager) => {
        const now = this.clock.now();
        const due = await this.escalations.claimDue(manager, now, BATCH);
        let count = 0;
        for (const step of due) {
          const applies =
            step.condition === 'unacknowledged'
              ? step.status === 'open'
              : step.status !== 'resolved';
          if (!applies) {
            await this.escalations.markCancelled(manager, step.id, now);
            continue;
          }
          await this.escalations.markFired(manager, step, now);
          await this.outbox.append(manager, {
            event: 'andon.call.escalated',
            payload: {
              ...callEventPayload({ ...step, id: step.callId }, now),
              level: step.level,
              condition: step.condition,
              notifyRoles: step.notifyRoles,
            },
            rooms: [
              ...lineAudience(step.lineId),
              ...step.notifyRoles.map((role) => rooms.role(role)),
            ],
          });
          count += 1;
        }
        return { claimed: due.length, fired: count };
      });
      if (result.fired > 0) this.dispatcher.kick();
      fired += result.fired;
      // Until nothing is left to claim: a step skipped because another run held its call's lock
      // becomes claimable when that run commits, and the runs still looping pick it up.
      if (result.claimed === 0) return fired;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runDue()
        .catch((error: unknown) => {
          if (!this.stopped) this.logger.error(`escalation run failed: ${String(error)}`);
          return 0;
        })
        .finally(() => this.schedule(ESCALATION_TICK_MS));
    }, ms);
    this.timer.unref();
  }
}
