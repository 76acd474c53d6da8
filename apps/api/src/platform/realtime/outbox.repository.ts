import { Injectable } from '@nestjs/common';
import type { ServerEventName, ServerEvents } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../database/base.repository.js';

/**
 * One notification, typed when appended: the payload must be the one the event map declares for
 * its event (without `seq`: the dispatcher adds the delivery sequence). Without a type argument,
 * the union of every event's message, discriminated by `event`.
 */
export type OutboxMessage<E extends ServerEventName = ServerEventName> = {
  [K in E]: { event: K; payload: ServerEvents[K]; rooms: string[] };
}[E];

export type PublishedMessage = OutboxMessage & { seq: number };

/** A stored row holds what `append` wrote: a message of the event map, and its delivery number. */
type OutboxRow = OutboxMessage & { delivery_seq: string };

const toPublished = ({ delivery_seq, ...message }: OutboxRow): PublishedMessage => ({
  ...message,
  seq: Number(delivery_seq),
});

/** Only one process hands out delivery sequence numbers at a time. */
const DISPATCH_LOCK = 0x4d53_3501;

/**
 * The transactional outbox: a change writes its notification in its own transaction; the
 * dispatcher publishes committed rows, numbering them in the order it emits them.
 */
@Injectable()
export class OutboxRepository extends BaseRepository {
  /** Call inside the transaction that makes the change: rolled back with it. */
  async append<E extends ServerEventName>(
    manager: EntityManager,
    message: OutboxMessage<E>,
  ): Promise<void> {
    await manager.query(`INSERT INTO outbox_events (event, payload, rooms) VALUES ($1, $2, $3)`, [
      message.event,
      JSON.stringify(message.payload),
      message.rooms,
    ]);
  }

  /**
   * Claims up to `limit` committed, unpublished rows, numbers them and hands them to `publish`
   * while the dispatch lock is held, so delivery numbers follow emit order across processes.
   * Returns how many were published, or `null` when another process holds the lock.
   */
  async dispatch(
    limit: number,
    publish: (messages: PublishedMessage[]) => void,
  ): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [DISPATCH_LOCK],
      );
      if (!lock?.locked) return null;
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [rows] = await manager.query<[OutboxRow[], number]>(
        `WITH picked AS (
           SELECT id FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT $1
         ), numbered AS (
           SELECT id, nextval('outbox_delivery_seq') AS delivery_seq FROM picked ORDER BY id
         )
         UPDATE outbox_events o
            SET delivery_seq = numbered.delivery_seq, published_at = clock_timestamp()
           FROM numbered
          WHERE o.id = numbered.id
         RETURNING o.event, o.payload, o.rooms, o.delivery_seq`,
        [limit],
      );
      const messages = rows.map(toPublished).sort((a, b) => a.seq - b.seq);
      if (messages.length > 0) publish(messages);
      return messages.length;
    });
  }

  /** The highest delivery number handed out so far (0 when none). */
  async head(): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ seq: string | null }>>(
      'SELECT max(delivery_seq) AS seq FROM outbox_events',
    );
    return Number(row?.seq ?? 0);
  }

  /**
   * What a client that last saw `afterSeq` missed in `socketRooms`, published within the window.
   * `complete` is false when something it missed is older than the window (or already purged).
   */
  async missed(
    afterSeq: number,
    socketRooms: readonly string[],
    windowSeconds: number,
  ): Promise<{ messages: PublishedMessage[]; complete: boolean }> {
    const rows = await this.dataSource.query<OutboxRow[]>(
      `SELECT event, payload, rooms, delivery_seq FROM outbox_events
        WHERE delivery_seq > $1 AND rooms && $2::text[]
          AND published_at >= clock_timestamp() - make_interval(secs => $3)
        ORDER BY delivery_seq
        LIMIT 5000`,
      [afterSeq, socketRooms, windowSeconds],
    );
    const [gap] = await this.dataSource.query<Array<{ lost: boolean }>>(
      `SELECT EXISTS (
                SELECT 1 FROM outbox_events
                 WHERE delivery_seq > $1
                   AND published_at < clock_timestamp() - make_interval(secs => $2)
              )
              OR $1 < coalesce((SELECT min(delivery_seq) FROM outbox_events), $1 + 1) - 1 AS lost`,
      [afterSeq, windowSeconds],
    );
    return { messages: rows.map(toPublished), complete: rows.length < 5000 && !gap?.lost };
  }

  /** Published rows older than the retention are no longer needed for replay. */
  async purgePublishedBefore(seconds: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM outbox_events
        WHERE published_at < clock_timestamp() - make_interval(secs => $1)`,
      [seconds],
    );
  }
}
