import { Injectable } from '@nestjs/common';
import type { MachineEventInput } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';

export interface InsertedEvent {
  eventId: string;
  equipmentId: string;
  ts: Date;
  type: 'state' | 'count';
}

/** The append-only event store. Heavy statements are plain SQL over arrays, one round trip a batch. */
@Injectable()
export class MachineEventsRepository extends BaseRepository {
  async existingEquipmentIds(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM equipment WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Inserts new events; an eventId seen before (or twice in the batch) is skipped. */
  async insertNew(
    manager: EntityManager,
    batch: readonly MachineEventInput[],
  ): Promise<InsertedEvent[]> {
    // One key order for every batch: concurrent overlapping batches cannot deadlock on the unique index.
    const events = [...batch].sort((a, b) =>
      a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0,
    );
    const rows = await manager.query<
      Array<{ event_id: string; equipment_id: string; ts: Date; type: 'state' | 'count' }>
    >(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, state, reason_code, good, reject)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id, equipment_id, ts, type`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.equipmentId),
        events.map((e) => e.ts),
        events.map((e) => e.type),
        events.map((e) => (e.type === 'state' ? e.state : null)),
        events.map((e) => (e.type === 'state' ? (e.reasonCode ?? null) : null)),
        events.map((e) => (e.type === 'count' ? e.good : null)),
        events.map((e) => (e.type === 'count' ? e.reject : null)),
      ],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      equipmentId: row.equipment_id,
      ts: row.ts,
      type: row.type,
    }));
  }

  /** The newest state event of each equipment (seeing this transaction's own inserts), with its line. */
  async latestStates(
    manager: EntityManager,
    equipmentIds: readonly string[],
  ): Promise<
    Array<{
      eventId: string;
      equipmentId: string;
      lineId: string;
      ts: Date;
      state: string;
      reasonCode: string | null;
    }>
  > {
    return manager.query(
      // One backward index step per equipment (equipment_id, type, ts), however long the history.
      `SELECT l."eventId", eq.id AS "equipmentId", eq.line_id AS "lineId", l.ts, l.state, l."reasonCode"
         FROM equipment eq
         CROSS JOIN LATERAL (
           SELECT m.event_id AS "eventId", m.ts, m.state, m.reason_code AS "reasonCode"
             FROM machine_events m
            WHERE m.equipment_id = eq.id AND m.type = 'state'
            ORDER BY m.ts DESC, m.event_id DESC LIMIT 1) l
        WHERE eq.id = ANY($1::uuid[])`,
      [equipmentIds],
    );
  }

  async lineIdsOf(manager: EntityManager, equipmentIds: readonly string[]): Promise<string[]> {
    const rows = await manager.query<Array<{ line_id: string }>>(
      'SELECT DISTINCT line_id FROM equipment WHERE id = ANY($1::uuid[])',
      [equipmentIds],
    );
    return rows.map((row) => row.line_id);
  }
}
