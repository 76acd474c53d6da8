import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, MachineEventInput } from '@ms5/contracts';
import { MAX_COUNT_INTERVAL_MS } from '@ms5/oee';
import { DataSource } from 'typeorm';
import { OeeRollupService } from '../../src/domains/oee/oee-rollup.service.js';
import { RollupQueueRepository } from '../../src/domains/oee/rollup-queue.repository.js';
import { ingestEvents } from '../support/ingestion-factory.js';
import {
  createEquipment,
  createLine,
  createPlannedStop,
  createShift,
} from '../support/plant-factory.js';
import { type TestApp, createInstance, createTestApp } from '../support/test-app.js';

const HOUR = 3_600_000;
const DAY = '2026-11-02';
const at = (time: string, day = DAY) => `${day}T${time}:00Z`;

/** The hourly roll-up worker on real PostgreSQL: what a new event makes stale, chunks, claims. */
describe('the OEE roll-up worker', () => {
  let t: TestApp;
  let engineer: AuthTokens;
  let lineId: string;
  let db: DataSource;
  const env = { ROLLUP_HOURS_PER_CHUNK: '24', ROLLUP_CLAIM_EXPIRY_MS: '1000' };

  beforeAll(async () => {
    t = await createTestApp(env);
    engineer = await t.userWithRole('engineer');
    lineId = (await createLine(t, engineer)).id;
    await createShift(t, engineer, {
      lineId,
      breaks: [{ startTime: '09:00', durationMinutes: 15 }],
    });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const newEquipment = async () => (await createEquipment(t, engineer, { lineId })).id;
  const queued = async (equipmentId: string): Promise<string | null> => {
    const [row] = await db.query<Array<{ since: Date }>>(
      'SELECT since FROM oee_rollup_queue WHERE equipment_id = $1',
      [equipmentId],
    );
    return row ? row.since.toISOString().replace('.000Z', 'Z') : null;
  };
  const clearQueue = () => db.query('DELETE FROM oee_rollup_queue');
  let n = 0;
  const state = (equipmentId: string, ts: string): MachineEventInput => ({
    eventId: `s-${++n}`,
    equipmentId,
    ts,
    type: 'state',
    state: n % 2 === 0 ? 'running' : 'stopped',
  });
  const count = (equipmentId: string, ts: string): MachineEventInput => ({
    eventId: `c-${++n}`,
    equipmentId,
    ts,
    type: 'count',
    good: 10,
    reject: 1,
  });

  it('queues from the previous count event, since its parts reach back to it (at most a day)', async () => {
    expect(MAX_COUNT_INTERVAL_MS).toBe(24 * HOUR);
    const press = await newEquipment();
    const quiet = await newEquipment(); // no counts at all
    await ingestEvents(t, engineer, [count(press, at('10:00')), count(press, at('12:00'))]);
    await clearQueue();

    // A state change at 13:30 changes how the 12:00 → next count's parts spread: from 12:00.
    await ingestEvents(t, engineer, [state(press, at('13:30')), state(quiet, at('13:30'))]);
    expect(await queued(press)).toBe(at('12:00'));
    expect(await queued(quiet)).toBe(at('13:30'));
    await clearQueue();

    // A late event between the two counts: from the count before it.
    await ingestEvents(t, engineer, [state(press, at('11:00'))]);
    expect(await queued(press)).toBe(at('10:00'));
    await clearQueue();

    // The previous count exactly a day back still counts; one further back does not.
    await ingestEvents(t, engineer, [count(press, at('12:00', '2026-11-03'))]);
    expect(await queued(press)).toBe(at('12:00'));
    await clearQueue();
    await ingestEvents(t, engineer, [state(press, at('12:01', '2026-11-04'))]);
    expect(await queued(press)).toBe(at('12:01', '2026-11-04'));
    await clearQueue();

    // A planned stop queues its line the same way (queueRecompute with a time).
    await createPlannedStop(t, engineer, {
      lineId,
      startsAt: at('12:30'),
      endsAt: at('12:45'),
      reason: 'Planned maintenance',
    });
    expect(await queued(press)).toBe(at('12:00'));
    expect(await queued(quiet)).toBe(at('12:30'));
    await clearQueue();
  });

  it('finds the previous count with one step on the (equipment_id, type, ts) index', async () => {
    const plan = await db.query<Array<{ 'QUERY PLAN': string }>>(
      `EXPLAIN SELECT max(ts) FROM machine_events
        WHERE equipment_id = gen_random_uuid() AND type = 'count'
          AND ts >= now() - interval '1 day' AND ts < now()`,
    );
    // `enable_seqscan` stays on: on a small table the planner may still prefer the index anyway.
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain(
      'machine_events_equipment_type_ts_idx',
    );
  });

  /** Ten days of events, a state and a count every half hour, posted as a gateway would. */
  async function backlog(equipmentId: string): Promise<{ start: number; end: number }> {
    const start = Date.parse(at('00:00', '2026-10-20'));
    const events: MachineEventInput[] = [];
    for (let ts = start; ts < start + 10 * 24 * HOUR; ts += HOUR / 2) {
      events.push(state(equipmentId, new Date(ts).toISOString()));
      events.push(count(equipmentId, new Date(ts + 60_000).toISOString()));
    }
    await ingestEvents(t, engineer, events);
    const last = Date.parse(events.at(-1)!.ts);
    // The first hour less the micro-stop threshold, to the hour of the last event.
    return { start: start - HOUR, end: Math.floor(last / HOUR) * HOUR + HOUR };
  }

  const storedHours = async (equipmentId: string) =>
    db.query<Array<Record<string, unknown>>>(
      `SELECT hour, calendar_seconds, planned_operation_seconds, planned_downtime_seconds, run_seconds,
              setup_seconds, down_seconds, minor_stop_seconds, unknown_seconds, good, reject, rework,
              ideal_seconds, failures, failure_seconds
         FROM oee_hourly WHERE equipment_id = $1 ORDER BY hour`,
      [equipmentId],
    );

  it('works a backlog in chunks, stops between them on shutdown, and the next start resumes', async () => {
    const packer = await newEquipment();
    const { start, end } = await backlog(packer);
    await clearQueue();
    await db.query('INSERT INTO oee_rollup_queue (equipment_id, since) VALUES ($1, $2)', [
      packer,
      new Date(start + HOUR),
    ]);

    // Closing the instance while it works: it returns after the chunk in progress, not the backlog.
    const first = await createInstance(t.db.url, env);
    const working = first.get(OeeRollupService).processQueue();
    const closing = performance.now();
    await first.close();
    const closeMs = performance.now() - closing;
    expect(await working).toBe(0);
    expect(closeMs).toBeLessThan(5000);

    // Its progress is recorded, its claim released: the hours before `since` are stored.
    const [row] = await db.query<Array<{ since: Date; claimed_at: Date | null }>>(
      'SELECT since, claimed_at FROM oee_rollup_queue WHERE equipment_id = $1',
      [packer],
    );
    expect(row?.claimed_at).toBeNull();
    const resumeAt = row!.since.getTime();
    expect(resumeAt).toBeGreaterThan(start);
    expect(resumeAt).toBeLessThan(end);
    const partial = await storedHours(packer);
    expect(partial).toHaveLength((resumeAt - start) / HOUR);

    // The restarted instance does the rest; chunked and resumed, the hours are what a pass in
    // chunks of other sizes (up to a year) computes over the whole range.
    const restarted = await createInstance(t.db.url, env);
    try {
      expect(await restarted.get(OeeRollupService).processQueue()).toBe(1);
    } finally {
      await restarted.close();
    }
    expect(await queued(packer)).toBeNull();
    const chunked = await storedHours(packer);
    expect(chunked).toHaveLength((end - start) / HOUR);
    expect(chunked.slice(0, partial.length)).toEqual(partial);

    await db.query('DELETE FROM oee_hourly WHERE equipment_id = $1', [packer]);
    await db.query('INSERT INTO oee_rollup_queue (equipment_id, since) VALUES ($1, $2)', [
      packer,
      new Date(start + HOUR),
    ]);
    const whole = await createInstance(t.db.url, { ROLLUP_HOURS_PER_CHUNK: '8784' });
    try {
      expect(await whole.get(OeeRollupService).processQueue()).toBe(1);
    } finally {
      await whole.close();
    }
    expect(await storedHours(packer)).toEqual(chunked);
  });

  it('keeps a requeue that came while the claim was held, and takes a dead holder’s claim over', async () => {
    const queue = t.app.get(RollupQueueRepository);
    const filler = await newEquipment();
    await ingestEvents(t, engineer, [state(filler, at('06:00')), count(filler, at('07:00'))]);
    await clearQueue();
    await db.query('INSERT INTO oee_rollup_queue (equipment_id, since) VALUES ($1, $2)', [
      filler,
      at('06:00'),
    ]);
    const [held] = await queue.claimQueued(1, 0, 1000);
    expect(held).toMatchObject({ equipmentId: filler, since: new Date(at('06:00')) });

    // A chunk is done up to 12:00; meanwhile a late event at 08:00 is queued.
    const renewed = await queue.recordProgress(db, held!, new Date(at('12:00')));
    expect(renewed).not.toBeNull();
    await ingestEvents(t, engineer, [state(filler, at('08:00'))]);
    expect(await queued(filler)).toBe(at('12:00')); // the progress, with 08:00 pending
    // Another worker may not take a live claim…
    expect(await queue.claimQueued(1, 0, 1000)).toEqual([]);

    // …but once its holder stopped beating for the expiry, it may, from the earlier time: the
    // late event's (less: the count before it, 07:00).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [taken] = await queue.claimQueued(1, 0, 1000);
    expect(taken).toMatchObject({ equipmentId: filler, since: new Date(at('07:00')) });

    // The old holder, had it only stalled, can neither record progress nor finish any more.
    expect(await queue.recordProgress(db, renewed!, new Date(at('14:00')))).toBeNull();
    await queue.finishClaim(renewed!);
    await queue.releaseClaim(renewed!);
    expect(await queued(filler)).toBe(at('07:00'));

    await queue.finishClaim(taken!);
    expect(await queued(filler)).toBeNull();
  });

  it('takes over an expired claim in the worker and brings the equipment up to date', async () => {
    const queue = t.app.get(RollupQueueRepository);
    const mixer = await newEquipment();
    await ingestEvents(t, engineer, [state(mixer, at('06:00')), count(mixer, at('10:00'))]);
    await clearQueue();
    await db.query('INSERT INTO oee_rollup_queue (equipment_id, since) VALUES ($1, $2)', [
      mixer,
      at('06:00'),
    ]);
    await queue.claimQueued(1, 0, 1000); // and its holder dies
    const rollups = t.app.get(OeeRollupService);
    expect(await rollups.processQueue()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await rollups.processQueue()).toBe(1);
    expect(await queued(mixer)).toBeNull();
    expect((await storedHours(mixer)).length).toBeGreaterThan(0);
  });
});
