import { Injectable } from '@nestjs/common';
import type { IngestBatchInput, IngestResult } from '@ms5/contracts';
import { FieldValidationException } from '../common/validation.js';
import { MachineEventsRepository } from './machine-events.repository.js';

/**
 * Idempotent batch ingestion: the whole batch is checked first (a batch with any bad event stores
 * nothing), then inserted in one transaction with the roll-up queue.
 */
@Injectable()
export class IngestionService {
  private readonly knownEquipment = new Map<string, number>();

  constructor(private readonly events: MachineEventsRepository) {}

  async ingest(batch: IngestBatchInput): Promise<IngestResult> {
    await this.assertEquipmentExists(batch);
    const inserted = await this.events.transaction(async (manager) => {
      const rows = await this.events.insertNew(manager, batch.events);
      const since = new Map<string, Date>();
      for (const row of rows) {
        const current = since.get(row.equipmentId);
        if (!current || row.ts < current) since.set(row.equipmentId, row.ts);
      }
      await this.events.queueRollups(manager, since);
      return rows;
    });
    return { accepted: inserted.length, duplicates: batch.events.length - inserted.length };
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
