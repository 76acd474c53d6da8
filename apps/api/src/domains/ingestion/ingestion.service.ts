import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { IngestBatchInput, IngestResult, MachineEventInput } from '@ms5/contracts';
import { FieldValidationException } from '../../platform/common/validation.js';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience } from '../../platform/realtime/rooms.js';
import { OeeRollupService } from '../oee/oee-rollup.service.js';
import { type InsertedEvent, MachineEventsRepository } from './machine-events.repository.js';
import type { EntityManager } from 'typeorm';

/**
 * A line's OEE-changed notice is sent at most this often by one instance; counts that arrive in
 * between get one trailing notice when the interval is over, so the last of a burst is not left to
 * the screens' slow poll.
 */
const OEE_NOTICE_INTERVAL_MS = 5000;

/**
 * Idempotent batch ingestion: the whole batch is checked first (a batch with any bad event stores
 * nothing), then inserted in one transaction with the roll-up queue.
 */
@Injectable()
export class IngestionService implements OnModuleDestroy {
  private readonly knownEquipment = new Map<string, number>();
  private readonly lastOeeNotice = new Map<string, number>();
  private readonly trailingNotice = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly events: MachineEventsRepository,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly rollups: OeeRollupService,
  ) {}

  /**
   * Records one machine event inside the caller's transaction (an andon call that opens a stop)
   * and marks the machine's roll-ups stale from it. An event id already stored is ignored.
   */
  async recordInTransaction(manager: EntityManager, event: MachineEventInput): Promise<void> {
    await this.events.insertNew(manager, [event]);
    await this.rollups.queueFrom(manager, new Map([[event.equipmentId, new Date(event.ts)]]));
  }

  async ingest(batch: IngestBatchInput): Promise<IngestResult> {
    await this.assertEquipmentExists(batch);
    const inserted = await this.events.transaction(async (manager) => {
      const rows = await this.events.insertNew(manager, batch.events);
      const since = new Map<string, Date>();
      for (const row of rows) {
        const current = since.get(row.equipmentId);
        if (!current || row.ts < current) since.set(row.equipmentId, row.ts);
      }
      await this.rollups.queueFrom(manager, since);
      await this.notify(manager, rows);
      return rows;
    });
    this.dispatcher.kick(); // committed: publish the notices now rather than at the next poll
    return { accepted: inserted.length, duplicates: batch.events.length - inserted.length };
  }

  /**
   * After commit (through the outbox): `equipment.state.changed` for each equipment whose newest
   * state came in this batch (a backfilled old event is no change of state now), and a throttled
   * `oee.line.updated` for each line that got events.
   */
  private async notify(manager: EntityManager, rows: readonly InsertedEvent[]): Promise<void> {
    if (rows.length === 0) return;
    const inserted = new Set(rows.filter((row) => row.type === 'state').map((row) => row.eventId));
    const equipmentIds = [...new Set(rows.map((row) => row.equipmentId))];
    if (inserted.size > 0) {
      const stateEquipment = [
        ...new Set(rows.filter((row) => row.type === 'state').map((row) => row.equipmentId)),
      ];
      for (const latest of await this.events.latestStates(manager, stateEquipment)) {
        if (!inserted.has(latest.eventId)) continue;
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

  private async assertEquipmentExists(batch: IngestBatchInput): Promise<void> {
    const now = Date.now();
    const unknown = [...new Set(batch.events.map((e) => e.equipmentId))].filter(
      (id) => (this.knownEquipment.get(id) ?? 0) < now,
    );
    if (unknown.length === 0) return;
    const existing = await this.events.existingEquipmentIds(unknown);
    for (const id of existing) this.knownEquipment.set(id, now + 60_000);
    if (this.knownEquipment.size > 50_000) this.knownEquipment.clear();
    const issues = batch.events.flatMap((event, index) =>
      existing.has(event.equipmentId) || !unknown.includes(event.equipmentId)
        ? []
        : [{ path: `events.${index}.equipmentId`, message: 'Unknown equipment' }],
    );
    if (issues.length > 0) throw new FieldValidationException(issues);
  }
}
