import type { IngestConflict, MachineEventInput } from '@ms5/contracts';

/**
 * The idempotency key of an event: its equipment and its eventId. The equipment id is a UUID of
 * fixed length, so the two side by side cannot be confused with another pair; it is lower-cased
 * because PostgreSQL stores (and answers) UUIDs so.
 */
export function eventKey(equipmentId: string, eventId: string): string {
  return `${equipmentId.toLowerCase()}${eventId}`;
}

export interface IndexedEvent {
  /** The event's position in the batch, as the answer names it. */
  index: number;
  event: MachineEventInput;
}

/**
 * Splits a batch into the first event of each key, sorted by key (the unique index's order, so
 * that concurrent overlapping batches take their row locks in one order and cannot deadlock), and
 * the later events of a key already in the batch, which are never inserted but compared with what
 * is stored under their key.
 */
export function splitByKey(batch: readonly MachineEventInput[]): {
  firsts: IndexedEvent[];
  repeats: IndexedEvent[];
} {
  const firsts = new Map<string, IndexedEvent>();
  const repeats: IndexedEvent[] = [];
  batch.forEach((event, index) => {
    const key = eventKey(event.equipmentId, event.eventId);
    if (firsts.has(key)) repeats.push({ index, event });
    else firsts.set(key, { index, event });
  });
  const sorted = [...firsts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, first]) => first);
  return { firsts: sorted, repeats };
}

export interface BatchOutcome {
  accepted: number;
  duplicates: number;
  conflicts: IngestConflict[];
}

/**
 * The answer to a batch: every event not inserted is a duplicate when what is stored under its
 * key has the same payload, else a conflict (in batch order). An event not inserted whose key has
 * nothing stored cannot be: the insert skips only keys that are there.
 */
export function classifyNotInserted(
  batchSize: number,
  notInserted: readonly IndexedEvent[],
  samePayload: ReadonlyMap<number, boolean>,
): BatchOutcome {
  let duplicates = 0;
  const conflicts: IngestConflict[] = [];
  for (const { index, event } of notInserted) {
    const same = samePayload.get(index);
    if (same === undefined) throw new Error(`event ${index} was neither stored nor found stored`);
    if (same) duplicates++;
    else conflicts.push({ index, eventId: event.eventId });
  }
  conflicts.sort((a, b) => a.index - b.index);
  return { accepted: batchSize - notInserted.length, duplicates, conflicts };
}
