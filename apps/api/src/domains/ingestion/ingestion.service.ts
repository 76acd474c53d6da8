import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type {
  FieldError,
  IngestBatchInput,
  IngestConflictBody,
  IngestResult,
  MachineEventInput,
} from '@ms5/contracts';
import { Clock } from '../../platform/clock/clock.js';
import { DomainException } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import type { LineScope } from '../../platform/line-access/line-scope.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience } from '../../platform/realtime/rooms.js';
import { OeeRollupService } from '../oee/oee-rollup.service.js';
import { tooOldIssues } from './event-age.js';
import { eventKey } from './event-keys.js';
import { type InsertedEvent, MachineEventsRepository } from './machine-events.repository.js';
import type { EntityManager } from 'typeorm';

/**
 * A line's OEE-changed notice is sent at most this often by one instance; counts that arrive in
 * between get one trailing notice when the interval is over, so the last of a burst is not left to
 * the screens' slow poll.
 */
const OEE_NOTICE_INTERVAL_MS = 5000;
/** How long the creation time of an equipment is trusted without asking the database again. */
const KNOWN_EQUIPMENT_TTL_MS = 60_000;

/**
 * Idempotent batch ingestion, keyed by `(equipmentId, eventId)`: the whole batch is checked first
 * (a batch with any bad event stores nothing), then the new events are inserted in one
 * transaction with the roll-up queue; the rest are duplicates or conflicts.
 */
@Injectable()
export class IngestionService implements OnModuleDestroy {
  /** Equipment seen lately: its creation time, and until when that is trusted. */
  private readonly knownEquipment = new Map<string, { createdAt: Date; until: number }>();
  private readonly lastOeeNotice = new Map<string, number>();
  private readonly trailingNotice = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly events: MachineEventsRepository,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly rollups: OeeRollupService,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records one machine event inside the caller's transaction (an andon call that opens a stop)
   * and marks the machine's roll-ups stale from it. A key already stored (the call's own id, so
   * never a conflict in practice) is left as it is.
   */
  async recordInTransaction(manager: EntityManager, event: MachineEventInput): Promise<void> {
    await this.events.insertNew(manager, [event]);
    await this.rollups.queueFrom(manager, new Map([[event.equipmentId, new Date(event.ts)]]));
  }

  /**
   * `lines`: the sender's line scope. A gateway signs in as a user holding `production:ingest`;
   * limited to some lines, it may send only their equipment's events.
   */
  async ingest(batch: IngestBatchInput, lines: LineScope): Promise<IngestResult> {
    await this.assertInScope(batch.events, lines);
    await this.assertValid(batch.events);
    const outcome = await this.events.transaction(async (manager) => {
      const { inserted, outcome } = await this.events.insertNew(manager, batch.events);
      const since = new Map<string, Date>();
      for (const row of inserted) {
        const current = since.get(row.equipmentId);
        if (!current || row.ts < current) since.set(row.equipmentId, row.ts);
      }
      await this.rollups.queueFrom(manager, since);
      await this.notify(manager, inserted);
      return outcome;
    });
    this.dispatcher.kick(); // committed: publish the notices now rather than at the next poll
    this.metrics.ingestEvents.inc({ outcome: 'accepted' }, outcome.accepted);
    this.metrics.ingestEvents.inc({ outcome: 'duplicate' }, outcome.duplicates);
    this.metrics.ingestEvents.inc({ outcome: 'conflict' }, outcome.conflicts.length);
    return outcome;
  }

  /**
   * After commit (through the outbox): `equipment.state.changed` for each equipment whose newest
   * state came in this batch (a backfilled old event is no change of state now), and a throttled
   * `oee.line.updated` for each line that got events.
   */
  private async notify(manager: EntityManager, rows: readonly InsertedEvent[]): Promise<void> {
    if (rows.length === 0) return;
    const inserted = new Set(
      rows
        .filter((row) => row.type === 'state')
        .map((row) => eventKey(row.equipmentId, row.eventId)),
    );
    const equipmentIds = [...new Set(rows.map((row) => row.equipmentId))];
    if (inserted.size > 0) {
      const stateEquipment = [
        ...new Set(rows.filter((row) => row.type === 'state').map((row) => row.equipmentId)),
      ];
      for (const latest of await this.events.latestStates(manager, stateEquipment)) {
        if (!inserted.has(eventKey(latest.equipmentId, latest.eventId))) continue;
        await this.outbox.append(manager, {
          event: 'equipment.state.changed',
          payload: {
            id: latest.equipmentId,
            equipmentId: latest.equipmentId,
            lineId: latest.lineId,
            state: latest.state,
            reasonCode: latest.reasonCode,
            at: new Date(latest.ts).toISOString(),
          },
          rooms: lineAudience(latest.lineId),
        });
      }
    }
    const now = Date.now();
    for (const lineId of await this.events.lineIdsOf(manager, equipmentIds)) {
      const wait = (this.lastOeeNotice.get(lineId) ?? 0) + OEE_NOTICE_INTERVAL_MS - now;
      if (wait > 0) {
        this.scheduleTrailingNotice(lineId, wait);
        continue;
      }
      this.lastOeeNotice.set(lineId, now);
      await this.appendOeeNotice(manager, lineId, now);
    }
  }

  onModuleDestroy(): void {
    for (const timer of this.trailingNotice.values()) clearTimeout(timer);
    this.trailingNotice.clear();
  }

  private appendOeeNotice(manager: EntityManager, lineId: string, now: number): Promise<void> {
    return this.outbox.append(manager, {
      event: 'oee.line.updated',
      payload: { id: lineId, lineId, at: new Date(now).toISOString() },
      rooms: lineAudience(lineId),
    });
  }

  /** One notice for the line once the interval is over (the batch that waits has committed by then). */
  private scheduleTrailingNotice(lineId: string, wait: number): void {
    if (this.trailingNotice.has(lineId)) return;
    const timer = setTimeout(() => {
      this.trailingNotice.delete(lineId);
      const now = Date.now();
      this.lastOeeNotice.set(lineId, now);
      this.events
        .transaction((manager) => this.appendOeeNotice(manager, lineId, now))
        .then(() => this.dispatcher.kick())
        // A database gone away (shutdown) only loses a hint: the screens also poll.
        .catch(() => undefined);
    }, wait);
    timer.unref();
    this.trailingNotice.set(lineId, timer);
  }

  /**
   * Refuses the whole batch with `403 LINE_NOT_ASSIGNED` when any event is of equipment on a line
   * outside the sender's scope, naming each such event's `equipmentId`: nothing is stored, and no
   * duplicate or conflict is reported (that would tell what another line stored). The lines are
   * read fresh, not from the creation-time cache: equipment may have moved lines.
   */
  private async assertInScope(
    events: readonly MachineEventInput[],
    lines: LineScope,
  ): Promise<void> {
    if (!lines.limited) return;
    const lineOf = await this.events.equipmentLines([
      ...new Set(events.map((event) => event.equipmentId.toLowerCase())),
    ]);
    const outside: FieldError[] = events.flatMap((event, index) => {
      const lineId = lineOf.get(event.equipmentId.toLowerCase());
      return lineId === undefined || lines.allows(lineId)
        ? []
        : [
            {
              path: `events.${index}.equipmentId`,
              message: `Equipment ${event.equipmentId} is on a line you are not assigned to`,
            },
          ];
    });
    if (outside.length > 0) {
      throw new DomainException(
        'LINE_NOT_ASSIGNED',
        'Events of equipment on lines you are not assigned to; nothing was stored',
        outside,
      );
    }
  }

  /**
   * Refuses the whole batch, naming every bad field: equipment that does not exist, and times
   * older than the equipment allows (`INGEST_MAX_AGE_DAYS` before now, by the server's clock).
   */
  private async assertValid(events: readonly MachineEventInput[]): Promise<void> {
    const createdAt = await this.equipmentCreatedAt(events);
    const unknown: FieldError[] = events.flatMap((event, index) =>
      createdAt.has(event.equipmentId.toLowerCase())
        ? []
        : [{ path: `events.${index}.equipmentId`, message: 'Unknown equipment' }],
    );
    const tooOld = tooOldIssues(
      events,
      (id) => createdAt.get(id.toLowerCase()),
      this.clock.now(),
      this.config.INGEST_MAX_AGE_DAYS,
    );
    const issues = [...unknown, ...tooOld].sort((a, b) => fieldIndex(a) - fieldIndex(b));
    if (issues.length > 0) throw new FieldValidationException(issues);
  }

  /** The creation time of each existing equipment of the batch, cached for a minute. */
  private async equipmentCreatedAt(
    events: readonly MachineEventInput[],
  ): Promise<Map<string, Date>> {
    const now = Date.now();
    const found = new Map<string, Date>();
    const missing = new Set<string>();
    for (const event of events) {
      const id = event.equipmentId.toLowerCase();
      const known = this.knownEquipment.get(id);
      if (known && known.until >= now) found.set(id, known.createdAt);
      else missing.add(id);
    }
    if (missing.size === 0) return found;
    if (this.knownEquipment.size > 50_000) this.knownEquipment.clear();
    for (const [id, createdAt] of await this.events.equipmentCreatedAt([...missing])) {
      this.knownEquipment.set(id, { createdAt, until: now + KNOWN_EQUIPMENT_TTL_MS });
      found.set(id, createdAt);
    }
    return found;
  }
}

/** The batch position a field error names (`events.3.ts` → 3), to list them in batch order. */
function fieldIndex(issue: FieldError): number {
  return Number(issue.path.split('.')[1]);
}

/** A batch whose every event conflicts is answered `409` (nothing in it was taken). */
export function everyEventConflicts(result: IngestResult): boolean {
  return result.conflicts.length > 0 && result.accepted === 0 && result.duplicates === 0;
}

/** The `409` body: an error body that still carries the per-event result. */
export function conflictBody(result: IngestResult, requestId: string): IngestConflictBody {
  return {
    statusCode: 409,
    error: 'Conflict',
    code: 'CONFLICT',
    message: 'Every event conflicts: its (equipmentId, eventId) is stored with a different payload',
    requestId,
    ...result,
  };
}
