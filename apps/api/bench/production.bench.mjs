// Benchmark of the hour-by-hour board (`GET /api/lines/:id/hour-by-hour`) and the handover draft
// (`GET /api/lines/:id/handover-draft`) on a big database: 20 lines of two machines each (the
// second one the line's output), three shifts a day with breaks, a year of per-minute state and
// count events written by SQL, stops with reason codes, the hourly roll-ups built, and one
// production order per shift occurrence.
// Run with `pnpm bench` (builds first) or, after `pnpm build`, `node apps/api/bench/production.bench.mjs`.
// Writes bench-results/production.json; docs/benchmarks.md summarises it. BENCH_QUICK=1: 30 days,
// 5 runs. BENCH_KEEP=1 leaves the API and its PostgreSQL running for EXPLAIN ANALYZE.
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
const DAYS = QUICK ? 30 : 365;
const RUNS = QUICK ? 5 : 40;
/**
 * Time budget of one measurement: it stops after RUNS runs or once this much time has gone by (at
 * least MIN_RUNS runs), so that a slow endpoint does not stretch the run to an hour.
 */
const BUDGET_MS = (QUICK ? 30 : 60) * 1000;
const MIN_RUNS = 5;
const TIMEZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;
const MINUTE = 60_000;

const log = (message) => process.stdout.write(`[bench:production] ${message}\n`);

/** The demo plant's shifts: 06–14, 14–22, 22–06 with a 15 and a 30 minute break each. */
const SHIFTS = [
  {
    name: 'Early',
    startTime: '06:00',
    endTime: '14:00',
    breaks: [
      { startTime: '09:00', durationMinutes: 15 },
      { startTime: '11:30', durationMinutes: 30 },
    ],
  },
  {
    name: 'Late',
    startTime: '14:00',
    endTime: '22:00',
    breaks: [
      { startTime: '17:00', durationMinutes: 15 },
      { startTime: '19:30', durationMinutes: 30 },
    ],
  },
  {
    name: 'Night',
    startTime: '22:00',
    endTime: '06:00',
    breaks: [
      { startTime: '01:00', durationMinutes: 30 },
      { startTime: '03:30', durationMinutes: 15 },
    ],
  },
];

/** Unplanned reasons the machines report, reasons operators give, and a planned one. */
const REASONS = [
  { code: 'JAM', name: 'Material jam', category: 'Mechanical', lossClass: 'availability' },
  { code: 'MOTOR', name: 'Motor fault', category: 'Electrical', lossClass: 'availability' },
  { code: 'SENSOR', name: 'Sensor fault', category: 'Electrical', lossClass: 'availability' },
  {
    code: 'NO-MATERIAL',
    name: 'Waiting for material',
    category: 'Logistics',
    lossClass: 'availability',
  },
  { code: 'NO-OPERATOR', name: 'No operator', category: 'Organisation', lossClass: 'availability' },
  {
    code: 'CLEANING',
    name: 'Planned cleaning',
    category: 'Planned',
    lossClass: 'availability',
    planned: true,
  },
];

async function createPlant(api) {
  for (const reason of REASONS) await api.post('/api/downtime-reasons', reason);
  const lines = [];
  for (let i = 1; i <= LINES; i++) {
    const code = `P${String(i).padStart(2, '0')}`;
    const line = await api.post('/api/lines', {
      code,
      name: `Bench line ${i}`,
      microStopThresholdSeconds: 120,
    });
    const first = await api.post('/api/equipment', {
      code: `${code}-M1`,
      name: `Station 1 of line ${i}`,
      lineId: line.id,
      idealCycleTimeSeconds: 20,
    });
    const output = await api.post('/api/equipment', {
      code: `${code}-M2`,
      name: `Station 2 of line ${i}`,
      lineId: line.id,
      idealCycleTimeSeconds: 20,
    });
    await api.call('PATCH', `/api/lines/${line.id}`, { outputEquipmentId: output.id });
    for (const shift of SHIFTS) {
      await api.post('/api/shifts', { lineId: line.id, timezone: TIMEZONE, ...shift });
    }
    lines.push({ lineId: line.id, code, equipmentIds: [first.id, output.id], outputId: output.id });
  }
  // Product A: a cycle time per line; product B: one at each line's output station.
  const productA = await api.post('/api/products', {
    code: 'BENCH-A',
    name: 'Bench product A',
    idealCycleTimeSeconds: 30,
    cycleTimes: lines.map((l) => ({ lineId: l.lineId, idealCycleTimeSeconds: 22 })),
  });
  const productB = await api.post('/api/products', {
    code: 'BENCH-B',
    name: 'Bench product B',
    idealCycleTimeSeconds: 30,
    cycleTimes: lines.map((l) => ({ equipmentId: l.outputId, idealCycleTimeSeconds: 23 })),
  });
  return { lines, products: [productA.id, productB.id] };
}

/**
 * Per-minute data for every equipment, written by SQL (the benchmark needs volume, not the HTTP
 * path): a state event every 23 minutes — six in nine running, else stopped (with a machine
 * reason), idle (no reason: for the operator to give) or changeover — and a count every minute:
 * while running 2–3 good parts (none in one minute of twelve, a reject now and then), else 0.
 */
async function generateEvents(db, lines, startMs) {
  const started = performance.now();
  const equipment = lines.flatMap((l) => l.equipmentIds);
  for (const [k, equipmentId] of equipment.entries()) {
    await db.query(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, state, reason_code, good, reject)
       SELECT 'p-c-' || $2 || '-' || m, $1::uuid, to_timestamp(($3::float8 + m::float8 * 60000 + $2::int * 10) / 1000), 'count', NULL, NULL,
              CASE WHEN NOT running THEN 0
                   WHEN (hashint4(m * 13 + $2::int)::bigint + 2147483648) % 12 = 0 THEN 0
                   ELSE 2 + (hashint4(m * 31 + $2::int) & 1) END,
              CASE WHEN running AND hashint4(m * 17 + $2::int) % 50 = 0 THEN 1 ELSE 0 END
         FROM generate_series(0, $4::int - 1) AS m
         -- the state in force: that of the latest state event (every 23 minutes, below)
         CROSS JOIN LATERAL (SELECT m - (m - $2::int % 23 + 23) % 23 AS j) AS last
         CROSS JOIN LATERAL (SELECT last.j >= $2::int % 23
                                    AND (hashint4(last.j + $2::int * 7)::bigint + 2147483648) % 9 < 6 AS running) AS st`,
      [equipmentId, k, startMs, DAYS * 1440],
    );
    await db.query(
      `INSERT INTO machine_events (event_id, equipment_id, ts, type, state, reason_code, good, reject)
       SELECT 'p-s-' || $2 || '-' || m, $1::uuid, to_timestamp(($3::float8 + m::float8 * 60000 + 5000) / 1000), 'state',
              (ARRAY['running','running','running','running','running','running','stopped','idle','changeover'])[1 + (hashint4(m + $2::int * 7)::bigint + 2147483648) % 9],
              CASE WHEN (hashint4(m + $2::int * 7)::bigint + 2147483648) % 9 = 6
                   THEN (ARRAY['JAM','MOTOR','SENSOR'])[1 + (hashint4(m)::bigint + 2147483648) % 3] END,
              NULL, NULL
         FROM generate_series($2::int % 23, $4::int - 1, 23) AS m`,
      [equipmentId, k, startMs, DAYS * 1440],
    );
    if ((k + 1) % 5 === 0) log(`  generated ${k + 1}/${equipment.length} equipment`);
  }
  // Operators gave a reason to two in three idle stops (the rest stay UNASSIGNED).
  const assigned = await db.query(
    `INSERT INTO downtime_assignments (equipment_id, started_at, reason_code, comment, assigned_at)
     SELECT equipment_id, ts, CASE WHEN id % 2 = 0 THEN 'NO-MATERIAL' ELSE 'NO-OPERATOR' END, NULL, ts + interval '10 minutes'
       FROM (SELECT id, equipment_id, ts, state,
                    lag(state) OVER (PARTITION BY equipment_id ORDER BY ts, event_id) AS prev
               FROM machine_events WHERE type = 'state') s
      WHERE state = 'idle' AND prev IS DISTINCT FROM 'idle' AND id % 3 <> 0`,
  );
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM machine_events')).rows;
  await db.query('ANALYZE machine_events');
  await db.query('ANALYZE downtime_assignments');
  return {
    events: n,
    equipment: equipment.length,
    downtimeAssignments: assigned.rowCount,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/**
 * History by SQL (the API stamps actual start and end with its own clock): one completed order per
 * shift occurrence of every line from the start of the data up to the current occurrence, started
 * 2–9 minutes into the shift and completed 1–6 minutes before its end, products alternating; and a
 * weekly one-hour planned stop (cleaning) per line.
 */
async function generateHistory(db, products, startMs, currentStart) {
  const fromDate = new Date(startMs - DAY_MS).toISOString().slice(0, 10);
  const toDate = new Date(currentStart + DAY_MS).toISOString().slice(0, 10);
  const orders = await db.query(
    `INSERT INTO production_orders (line_id, product_id, quantity, planned_start, planned_end, reference, status, actual_start, actual_end)
     SELECT s.line_id, CASE WHEN (hashint4(extract(epoch FROM o.starts)::int) & 1) = 0 THEN $1::uuid ELSE $2::uuid END,
            1000, o.starts, o.ends, 'H-' || to_char(o.starts AT TIME ZONE s.timezone, 'YYYYMMDD-HH24'), 'completed',
            o.starts + make_interval(mins => 2 + ((hashint4(extract(epoch FROM o.starts)::int + 1)::bigint + 2147483648) % 8)::int),
            o.ends - make_interval(mins => 1 + ((hashint4(extract(epoch FROM o.starts)::int + 2)::bigint + 2147483648) % 6)::int)
       FROM shifts s
       CROSS JOIN generate_series($3::timestamp, $4::timestamp, interval '1 day') AS d
       CROSS JOIN LATERAL (
         SELECT (d + s.start_time::time) AT TIME ZONE s.timezone AS starts,
                (d + s.end_time::time + CASE WHEN s.end_time <= s.start_time THEN interval '1 day' ELSE interval '0' END)
                  AT TIME ZONE s.timezone AS ends) AS o
      WHERE o.starts >= to_timestamp($5::float8 / 1000) AND o.ends <= to_timestamp($6::float8 / 1000)`,
    [products[0], products[1], fromDate, toDate, startMs, currentStart],
  );
  const stops = await db.query(
    `INSERT INTO planned_stops (line_id, starts_at, ends_at, reason)
     SELECT l.id, w, w + interval '1 hour', 'Weekly cleaning'
       FROM lines l
       CROSS JOIN generate_series(to_timestamp($1::float8 / 1000), to_timestamp($2::float8 / 1000), interval '7 days') AS w`,
    [startMs + 10 * 3_600_000, currentStart],
  );
  await db.query('ANALYZE production_orders');
  await db.query('ANALYZE planned_stops');
  return { completedOrders: orders.rowCount, plannedStops: stops.rowCount };
}

/** Waits until the roll-up worker has nothing queued. */
async function waitForQueue(api) {
  for (;;) {
    const status = await api.get('/api/oee/rollups/status');
    if (status.queuedEquipment === 0) return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The live part through the API: the current occurrence's order on every line (created, released
 * and started — then its actual start moved back to the shift's start by SQL, as the server stamps
 * its own clock), the next occurrence's order planned and released, a planned stop in the current
 * shift, and an open andon call on every other line.
 */
async function createLiveOrders(api, db, lines, products, current) {
  const currentIds = [];
  for (const [i, line] of lines.entries()) {
    const order = await api.post('/api/orders', {
      lineId: line.lineId,
      productId: products[i % 2],
      quantity: 1000,
      plannedStart: new Date(current.start).toISOString(),
      plannedEnd: new Date(current.end).toISOString(),
      reference: `LIVE-${line.code}`,
    });
    await api.post(`/api/orders/${order.id}/release`, {});
    await api.post(`/api/orders/${order.id}/start`, {});
    currentIds.push(order.id);
    const next = await api.post('/api/orders', {
      lineId: line.lineId,
      productId: products[(i + 1) % 2],
      quantity: 1000,
      plannedStart: new Date(current.end).toISOString(),
      plannedEnd: new Date(current.end + 8 * 3_600_000).toISOString(),
      reference: `NEXT-${line.code}`,
    });
    await api.post(`/api/orders/${next.id}/release`, {});
    await api.post('/api/planned-stops', {
      lineId: line.lineId,
      startsAt: new Date(current.start + 2 * 3_600_000 + 30 * MINUTE).toISOString(),
      endsAt: new Date(current.start + 2 * 3_600_000 + 50 * MINUTE).toISOString(),
      reason: 'Tool change',
    });
    if (i % 2 === 0) {
      await api.post('/api/andon', {
        equipmentId: line.equipmentIds[0],
        type: 'material',
        priority: 'medium',
        description: 'Bench: waiting for material',
      });
    }
  }
  await db.query(
    `UPDATE production_orders SET actual_start = planned_start + interval '3 minutes' WHERE id = ANY($1::uuid[])`,
    [currentIds],
  );
  await db.query('ANALYZE production_orders');
  return currentIds.length;
}

async function measure(api, url, runs) {
  await api.get(url); // warm-up, not counted
  const samples = [];
  const deadline = performance.now() + BUDGET_MS;
  for (let i = 0; i < runs && (i < MIN_RUNS || performance.now() < deadline); i++) {
    const started = performance.now();
    await api.get(url);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/** Every line's board one after another, `runs` rounds (or a double budget): per request and per round. */
async function measureWall(api, lines, runs) {
  for (const line of lines) await api.get(`/api/lines/${line.lineId}/hour-by-hour`);
  const requests = [];
  const rounds = [];
  const deadline = performance.now() + 2 * BUDGET_MS;
  for (let i = 0; i < runs && (i < MIN_RUNS || performance.now() < deadline); i++) {
    const roundStarted = performance.now();
    for (const line of lines) {
      const started = performance.now();
      await api.get(`/api/lines/${line.lineId}/hour-by-hour`);
      requests.push(performance.now() - started);
    }
    rounds.push(performance.now() - roundStarted);
  }
  return { perRequest: summarize(requests), perRound: summarize(rounds) };
}

const shiftDateBefore = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

function describeBoard(board) {
  return {
    shift: `${board.shift.name} ${board.shift.date}`,
    from: board.from,
    to: board.to,
    hours: board.hours.length,
    shortHours: board.hours.filter((h) => h.short).length,
    hoursWithTopLoss: board.hours.filter((h) => h.topLoss !== null).length,
    totals: board.totals,
  };
}

async function main() {
  const results = { machine: machine(), startedAt: new Date().toISOString(), quick: QUICK };
  const dataDir = tempDir('ms5-bench-production-');
  const pgPort = await freePort();
  let api;
  try {
    api = await startApi({ dataDir, pgPort });
    // Access tokens are short-lived and the set-up takes longer: log in again before each phase.
    const fresh = async () => client(api.baseUrl, await login(api.baseUrl));
    let http = await fresh();
    const db = new pg.Client({ connectionString: pgUrl(dataDir, pgPort) });
    db.on('error', () => undefined);
    await db.connect();

    log(`plant: ${LINES} lines × 2 equipment, 3 shifts, ${REASONS.length} reasons, 2 products`);
    const { lines, products } = await createPlant(http);
    // The occurrence running now (the board without shiftId/date), identical on every line.
    const empty = await http.get(`/api/lines/${lines[0].lineId}/hour-by-hour`);
    const current = {
      shiftId: empty.shift.id,
      shiftName: empty.shift.name,
      date: empty.shift.date,
      start: Date.parse(empty.from),
      end: Date.parse(empty.to),
    };
    log(`current shift: ${current.shiftName} ${current.date} (${empty.from} → ${empty.to})`);

    const endMs = Math.floor(Date.now() / MINUTE) * MINUTE;
    const startMs = endMs - DAYS * DAY_MS;
    log(`generating ${DAYS} days × ${lines.length * 2} equipment of per-minute data by SQL`);
    results.dataset = { days: DAYS, lines: LINES, ...(await generateEvents(db, lines, startMs)) };
    results.dataset.from = new Date(startMs).toISOString();
    results.dataset.to = new Date(endMs).toISOString();
    log(`  ${results.dataset.events} events in ${results.dataset.seconds} s`);
    Object.assign(results.dataset, await generateHistory(db, products, startMs, current.start));
    log(
      `  ${results.dataset.completedOrders} completed orders, ${results.dataset.plannedStops} planned stops`,
    );

    log('building the hourly roll-ups');
    await db.query(
      'INSERT INTO oee_rollup_queue (equipment_id, since) SELECT id, to_timestamp($1 / 1000.0) FROM equipment',
      [startMs],
    );
    const rollupStarted = performance.now();
    const status = await waitForQueue(http);
    results.rollupBuild = {
      seconds: Math.round((performance.now() - rollupStarted) / 100) / 10,
      hours: status.storedHours,
    };
    log(`  ${results.rollupBuild.hours} equipment-hours in ${results.rollupBuild.seconds} s`);

    http = await fresh();
    results.dataset.liveOrders = await createLiveOrders(http, db, lines, products, current);
    await db.query('VACUUM ANALYZE');
    await db.end();

    const line = lines[0].lineId;
    const weekAgo = shiftDateBefore(current.date, 7);
    const urls = {
      currentBoard: `/api/lines/${line}/hour-by-hour`,
      pastBoard: `/api/lines/${line}/hour-by-hour?shiftId=${current.shiftId}&date=${weekAgo}`,
      currentHandoverDraft: `/api/lines/${line}/handover-draft?shiftId=${current.shiftId}&date=${current.date}`,
      defaultHandoverDraft: `/api/lines/${line}/handover-draft`,
    };
    http = await fresh();
    results.requests = {
      currentBoard: describeBoard(await http.get(urls.currentBoard)),
      pastBoard: describeBoard(await http.get(urls.pastBoard)),
    };
    const draft = await http.get(urls.currentHandoverDraft);
    results.requests.currentHandoverDraft = {
      shift: `${draft.shift.name} ${draft.shift.date}`,
      output: draft.summary.output,
      oee: draft.summary.oee,
      topLosses: draft.summary.topLosses.length,
      openAndonCalls: draft.summary.openAndonCalls.length,
      openOrders: draft.summary.openOrders.length,
    };
    const defaultDraft = await http.get(urls.defaultHandoverDraft);
    results.requests.defaultHandoverDraft = {
      shift: `${defaultDraft.shift.name} ${defaultDraft.shift.date}`,
    };
    log(`requests: ${JSON.stringify(results.requests)}`);

    log(`measuring, ${RUNS} sequential runs each (or ${BUDGET_MS / 1000} s, at least ${MIN_RUNS})`);
    results.timings = {};
    for (const [name, url] of Object.entries(urls)) {
      http = await fresh();
      results.timings[name] = await measure(http, url, RUNS);
      log(`  ${name}: ${JSON.stringify(results.timings[name])}`);
    }
    http = await fresh();
    results.timings.wallOfBoards = await measureWall(http, lines, RUNS);
    log(`  wallOfBoards: ${JSON.stringify(results.timings.wallOfBoards)}`);
    results.urls = urls;
  } finally {
    if (process.env.BENCH_KEEP === '1') {
      log(`kept for inspection: ${api?.baseUrl} data ${dataDir} PostgreSQL port ${pgPort}`);
    } else {
      await api?.stop();
      cleanup(dataDir);
    }
  }
  results.runsPlanned = RUNS;
  results.budgetSeconds = BUDGET_MS / 1000;
  results.finishedAt = new Date().toISOString();
  const out = path.join(
    repoRoot,
    'bench-results',
    QUICK ? 'production-quick.json' : 'production.json',
  );
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${path.relative(repoRoot, out)}`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (process.env.BENCH_KEEP === '1') {
    log('BENCH_KEEP=1: the API keeps running; stop this process (Ctrl-C) to end it');
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
