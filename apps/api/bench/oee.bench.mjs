// Benchmark of issue 3: batched ingestion into real PostgreSQL, and OEE queries on a generated
// year of per-minute data for 20 lines, with and without the hourly roll-ups.
// Run with `pnpm bench` (builds first). Writes bench-results/oee.json; docs/benchmarks.md
// summarises it. Set BENCH_QUICK=1 for a short smoke run (fewer events, shorter phases).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import {
  cleanup,
  client,
  freePort,
  login,
  machine,
  pgUrl,
  repoRoot,
  startApi,
  summarize,
  tempDir,
} from './support.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const LINES = 20;
const INGEST_SECONDS = QUICK ? 5 : 60;
const SINGLE_SECONDS = QUICK ? 3 : 10;
const CONCURRENCY = 4;
const BATCH = 1000;
const DAYS = QUICK ? 30 : 365;
const QUERY_RUNS = QUICK ? 5 : 40;
const MINUTE = 60_000;

const log = (message) => process.stdout.write(`[bench:oee] ${message}\n`);

async function createPlant(api) {
  const equipment = [];
  for (let i = 1; i <= LINES; i++) {
    const code = `B${String(i).padStart(2, '0')}`;
    const line = await api.post('/api/lines', {
      code,
      name: `Bench line ${i}`,
      microStopThresholdSeconds: 120,
    });
    const eq = await api.post('/api/equipment', {
      code: `${code}-M1`,
      name: `Machine ${i}`,
      lineId: line.id,
      idealCycleTimeSeconds: 20,
    });
    for (const [name, startTime, endTime, breakAt] of [
      ['Early', '06:00', '14:00', '10:00'],
      ['Late', '14:00', '22:00', '18:00'],
      ['Night', '22:00', '06:00', '02:00'],
    ]) {
      await api.post('/api/shifts', {
        lineId: line.id,
        name,
        startTime,
        endTime,
        timezone: 'Europe/Berlin',
        breaks: [{ startTime: breakAt, durationMinutes: 30 }],
      });
    }
    equipment.push({ lineId: line.id, equipmentId: eq.id });
  }
  return equipment;
}

/** Deterministic per-minute events: a count every minute, a state change every 7–40 minutes. */
function* eventStream(equipment, startMs, prefix) {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const states = ['running', 'running', 'running', 'running', 'stopped', 'idle', 'changeover'];
  for (let minute = 0; ; minute++) {
    for (const [k, { equipmentId }] of equipment.entries()) {
      const ts = new Date(startMs + minute * MINUTE + k * 10).toISOString();
      if (minute % (7 + ((k * 13 + minute) % 34)) === 0) {
        yield {
          eventId: `${prefix}-s-${k}-${minute}`,
          equipmentId,
          ts,
          type: 'state',
          state: states[Math.floor(next() * states.length)],
        };
      }
      yield {
        eventId: `${prefix}-c-${k}-${minute}`,
        equipmentId,
        ts,
        type: 'count',
        good: 2 + Math.floor(next() * 2),
        reject: next() < 0.02 ? 1 : 0,
      };
    }
  }
}

async function ingestFor(api, stream, seconds, batchSize) {
  const deadline = Date.now() + seconds * 1000;
  let accepted = 0;
  let requests = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const events = [];
      for (let i = 0; i < batchSize; i++) events.push(stream.next().value);
      const result = await api.post('/api/ingest/events', { events });
      accepted += result.accepted;
      requests++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return {
    events: accepted,
    requests,
    seconds: Math.round(elapsed * 10) / 10,
    eventsPerSecond: Math.round(accepted / elapsed),
  };
}

/** A year of per-minute data, written by SQL (the query benchmark needs volume, not the HTTP path). */
async function generateYear(db, equipment, endMs) {
  const startMs = endMs - DAYS * 86_400_000;
  const started = performance.now();
  for (const [k, { equipmentId }] of equipment.entries()) {
    await db.query(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, state, reason_code, good, reject)
       SELECT 'y-c-' || $2 || '-' || m, $1::uuid, to_timestamp(($3::float8 + m::float8 * 60000) / 1000), 'count', NULL, NULL,
              2 + (hashint4(m * 31 + $2::int) & 1), CASE WHEN hashint4(m * 17 + $2::int) % 50 = 0 THEN 1 ELSE 0 END
         FROM generate_series(0, $4::int - 1) AS m`,
      [equipmentId, k, startMs, DAYS * 1440],
    );
    await db.query(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, state, reason_code, good, reject)
       SELECT 'y-s-' || $2 || '-' || m, $1::uuid, to_timestamp(($3::float8 + m::float8 * 60000 + 5000) / 1000), 'state',
              (ARRAY['running','running','running','running','running','stopped','idle','changeover'])[1 + (hashint4(m + $2::int * 7)::bigint + 2147483648) % 8],
              CASE WHEN (hashint4(m + $2::int * 7)::bigint + 2147483648) % 8 = 5 THEN (ARRAY['JAM','MOTOR','SENSOR'])[1 + (hashint4(m)::bigint + 2147483648) % 3] END,
              NULL, NULL
         FROM generate_series(0, $4::int - 1, 23) AS m`,
      [equipmentId, k, startMs, DAYS * 1440],
    );
    log(`  generated ${k + 1}/${equipment.length} equipment`);
  }
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM machine_events')).rows;
  await db.query('ANALYZE machine_events');
  return {
    events: n,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    fromMs: startMs,
  };
}

/** Waits until the roll-up worker has nothing queued. */
async function waitForQueue(api) {
  for (;;) {
    const status = await api.get('/api/oee/rollups/status');
    if (status.queuedEquipment === 0) return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function timeQueries(api, equipment, runs, endMs) {
  const lineId = equipment[0].lineId;
  const from30 = new Date(endMs - 30 * 86_400_000).toISOString();
  const fromYear = new Date(endMs - DAYS * 86_400_000).toISOString();
  const to = new Date(endMs).toISOString();
  const measure = async (url, n) => {
    const samples = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await api.get(url);
      samples.push(performance.now() - started);
    }
    return summarize(samples);
  };
  return {
    lineThirtyDaysByHour: await measure(
      `/api/oee/series?lineId=${lineId}&from=${from30}&to=${to}&bucket=hour`,
      runs,
    ),
    allLinesYear: await measure(`/api/oee/lines?from=${fromYear}&to=${to}`, runs),
  };
}

async function main() {
  const results = { machine: machine(), startedAt: new Date().toISOString(), quick: QUICK };
  const dataDir = tempDir('ms5-bench-oee-');
  const pgPort = await freePort();
  let api;
  try {
    // --- Phase 1: ingestion (roll-up worker on, as in production) ---------------------------------
    // Phase 2 times queries over a year of raw events on purpose (tens of seconds each): past
    // the default DB_STATEMENT_TIMEOUT_MS (5 s), which would answer them 503.
    api = await startApi({ dataDir, pgPort, env: { DB_STATEMENT_TIMEOUT_MS: '120000' } });
    const http = client(api.baseUrl, await login(api.baseUrl));
    const equipment = await createPlant(http);
    const ingestStart = Date.now() - 120 * 86_400_000;
    log(
      `batched ingestion: ${CONCURRENCY} clients × ${BATCH}-event batches for ${INGEST_SECONDS} s`,
    );
    results.batchedIngestion = await ingestFor(
      http,
      eventStream(equipment, ingestStart, 'b'),
      INGEST_SECONDS,
      BATCH,
    );
    log(`  ${results.batchedIngestion.eventsPerSecond} events/s`);
    log(`one event per request: ${CONCURRENCY} clients for ${SINGLE_SECONDS} s`);
    results.singleEventIngestion = await ingestFor(
      http,
      eventStream(equipment, ingestStart - 30 * 86_400_000, 's'),
      SINGLE_SECONDS,
      1,
    );
    log(`  ${results.singleEventIngestion.eventsPerSecond} events/s`);
    results.batchSpeedup =
      Math.round(
        (results.batchedIngestion.eventsPerSecond / results.singleEventIngestion.eventsPerSecond) *
          10,
      ) / 10;

    // --- Phase 2: a year of per-minute data, queries from raw events (nothing rolled up yet) -----
    // SQL-written events queue no roll-up, so until phase 3 every query computes from raw events.
    const url = pgUrl(dataDir, pgPort);
    const db = new pg.Client({ connectionString: url });
    db.on('error', () => undefined);
    await db.connect();
    await waitForQueue(http);
    await db.query('TRUNCATE machine_events, oee_hourly, oee_rollup_queue CASCADE');
    const endMs = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    log(`generating ${DAYS} days × ${LINES} lines of per-minute data`);
    results.dataset = await generateYear(db, equipment, endMs);
    log(`  ${results.dataset.events} events in ${results.dataset.seconds} s`);
    log('queries from raw events (no roll-ups)');
    results.rawQueries = await timeQueries(http, equipment, QUICK ? 2 : 3, endMs);
    log(`  ${JSON.stringify(results.rawQueries)}`);

    // --- Phase 3: build the roll-ups, then the same queries -------------------------------------
    await db.query(
      'INSERT INTO oee_rollup_queue (equipment_id, since) SELECT id, to_timestamp($1 / 1000.0) FROM equipment',
      [results.dataset.fromMs],
    );
    await db.end();
    const rollupStarted = performance.now();
    const status = await waitForQueue(http);
    results.rollupBuild = {
      seconds: Math.round((performance.now() - rollupStarted) / 100) / 10,
      hours: status.storedHours,
    };
    log(
      `  roll-ups built in ${results.rollupBuild.seconds} s (${results.rollupBuild.hours} equipment-hours)`,
    );
    results.rollupQueries = await timeQueries(http, equipment, QUERY_RUNS, endMs);
    log(`  ${JSON.stringify(results.rollupQueries)}`);
    results.speedup = {
      lineThirtyDaysByHour:
        Math.round(
          (results.rawQueries.lineThirtyDaysByHour.p50Ms /
            results.rollupQueries.lineThirtyDaysByHour.p50Ms) *
            10,
        ) / 10,
      allLinesYear:
        Math.round(
          (results.rawQueries.allLinesYear.p50Ms / results.rollupQueries.allLinesYear.p50Ms) * 10,
        ) / 10,
    };
  } finally {
    if (process.env.BENCH_KEEP === '1') {
      log(`kept for inspection: ${api?.baseUrl} data ${dataDir} PostgreSQL port ${pgPort}`);
    } else {
      await api?.stop();
      cleanup(dataDir);
    }
  }
  results.finishedAt = new Date().toISOString();
  const out = path.join(repoRoot, 'bench-results', QUICK ? 'oee-quick.json' : 'oee.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${path.relative(repoRoot, out)}`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
