import { Injectable } from '@nestjs/common';
import type { MachineEventInput } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';
import {
  type BatchOutcome,
  type IndexedEvent,
  classifyNotInserted,
  eventKey,
  splitByKey,
} from './event-keys.js';

export interface InsertedEvent {
  eventId: string;
  equipmentId: string;
  ts: Date;
  type: 'state' | 'count';
}

/** The append-only event store. Heavy statements are plain SQL over arrays, one round trip a batch. */
@Injectable()
export class MachineEventsRepository extends BaseRepository {
  /** The creation time of each of the equipment that exists. */
  async equipmentCreatedAt(ids: readonly string[]): Promise<Map<string, Date>> {
    const rows = await this.dataSource.query<Array<{ id: string; created_at: Date }>>(
      'SELECT id, created_at FROM equipment WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.created_at]));
  }

  /** The line of each of the equipment that exists. */
  async equipmentLines(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<Array<{ id: string; line_id: string }>>(
      'SELECT id, line_id FROM equipment WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.line_id]));
  }

  /**
   * Inserts the events whose `(equipmentId, eventId)` is new. Every other event (its key stored
   * before, or earlier in the batch) is compared with the stored row: a duplicate when the payload
   * is the same, else a conflict. Two round trips only when something was not new.
   */
  async insertNew(
    manager: EntityManager,
    batch: readonly MachineEventInput[],
  ): Promise<{ inserted: InsertedEvent[]; outcome: BatchOutcome }> {
    const { firsts, repeats } = splitByKey(batch);
    const rows = await manager.query<
      Array<{ event_id: string; equipment_id: string; ts: Date; type: 'state' | 'count' }>
    >(
      `INSERT INTO machine_events (equipment_id, event_id, ts, type, state, reason_code, good, reject)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
       ON CONFLICT (equipment_id, event_id) DO NOTHING
       RETURNING event_id, equipment_id, ts, type`,
      eventColumns(firsts.map((first) => first.event)),
    );
    const inserted = rows.map((row) => ({
      eventId: row.event_id,
      equipmentId: row.equipment_id,
      ts: row.ts,
      type: row.type,
    }));
    const insertedKeys = new Set(inserted.map((row) => eventKey(row.equipmentId, row.eventId)));
    const notInserted = [
      ...firsts.filter((f) => !insertedKeys.has(eventKey(f.event.equipmentId, f.event.eventId))),
      ...repeats,
    ];
    const same =
      notInserted.length === 0 ? new Map() : await this.samePayload(manager, notInserted);
    return { inserted, outcome: classifyNotInserted(batch.length, notInserted, same) };
  }

  /**
   * For each event, whether the row stored under its key has the same payload. Compared in SQL,
   * column by column as stored: times as instants at PostgreSQL's precision (an offset written
   * differently is the same time), absent fields as NULL.
   */
  private async samePayload(
    manager: EntityManager,
    events: readonly IndexedEvent[],
  ): Promise<Map<number, boolean>> {
    const rows = await manager.query<Array<{ i: number; same: boolean }>>(
      `SELECT x.i, (m.type = x.type AND m.ts = x.ts
                    AND m.state IS NOT DISTINCT FROM x.state
                    AND m.reason_code IS NOT DISTINCT FROM x.reason_code
                    AND m.good IS NOT DISTINCT FROM x.good
                    AND m.reject IS NOT DISTINCT FROM x.reject) AS same
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[])
              AS x(equipment_id, event_id, ts, type, state, reason_code, good, reject, i)
         JOIN machine_events m ON m.equipment_id = x.equipment_id AND m.event_id = x.event_id`,
      [...eventColumns(events.map((e) => e.event)), events.map((e) => e.index)],
    );
    return new Map(rows.map((row) => [row.i, row.same]));
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

/** The stored columns of events, one array each, in the order of `machine_events`' insert. */
function eventColumns(events: readonly MachineEventInput[]): unknown[][] {
  return [
    events.map((e) => e.equipmentId),
    events.map((e) => e.eventId),
    events.map((e) => e.ts),
    events.map((e) => e.type),
    events.map((e) => (e.type === 'state' ? e.state : null)),
    events.map((e) => (e.type === 'state' ? (e.reasonCode ?? null) : null)),
    events.map((e) => (e.type === 'count' ? e.good : null)),
    events.map((e) => (e.type === 'count' ? e.reject : null)),
  ];
}
