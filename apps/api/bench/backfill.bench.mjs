// Benchmark of issue 5: backfill 30 days of the demo plant through the batched ingestion route
// (`POST /api/simulator/backfill`, which posts batches of 1000 to `POST /api/ingest/events`).
// Run with `pnpm bench backfill` (after a build). Writes bench-results/backfill.json;
// docs/benchmarks.md (section "Backfill") summarises it. BENCH_QUICK=1: 3 days only.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cleanup,
  client,
  freePort,
  login,
  machine,
  repoRoot,
  startApi,
  tempDir,
} from './support.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const DAYS = QUICK ? 3 : 30;
const log = (message) => process.stdout.write(`[bench:backfill] ${message}\n`);

const dataDir = tempDir('ms5-bench-backfill-');
const api = await startApi({ dataDir, pgPort: await freePort(), env: { DEMO: '1' } });
try {
  const http = client(api.baseUrl, await login(api.baseUrl));
  // The demo is seeded after the server listens, then starts the live simulator: wait for it,
  // and stop it so that only the backfill writes.
  const deadline = Date.now() + 60_000;
  while ((await http.get('/api/simulator')).status === 'stopped') {
    if (Date.now() > deadline) throw new Error('the demo simulator did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await http.post('/api/simulator/stop', {});
  const lines = await http.get('/api/lines?pageSize=200');
  const equipment = await http.get('/api/equipment?pageSize=200');
  log(`demo plant: ${lines.total} lines, ${equipment.total} equipment; backfilling ${DAYS} days`);

  const began = performance.now();
  const result = await http.post('/api/simulator/backfill', { days: DAYS, seed: 2024 });
  const wallMs = Math.round(performance.now() - began);
  const eventsPerSecond = Math.round(result.events / (wallMs / 1000));
  log(
    `${result.events} events in ${result.batches} batches: ${(wallMs / 1000).toFixed(1)} s (${eventsPerSecond} events/s)`,
  );

  // The history is there: OEE over the backfilled window answers with counts.
  const oeeStart = performance.now();
  const firstLine = lines.items[0];
  const oee = await http.get(
    `/api/oee?lineId=${firstLine.id}&from=${encodeURIComponent(result.from)}&to=${encodeURIComponent(result.to)}`,
  );
  const oeeMs = Math.round(performance.now() - oeeStart);
  log(
    `OEE of ${firstLine.code} over the ${DAYS} days: ${(oee.oee * 100).toFixed(1)} % (${oeeMs} ms)`,
  );

  const report = {
    when: new Date().toISOString(),
    machine: machine(),
    days: DAYS,
    lines: lines.total,
    equipment: equipment.total,
    events: result.events,
    batches: result.batches,
    accepted: result.accepted,
    duplicates: result.duplicates,
    serverMs: result.durationMs,
    wallMs,
    eventsPerSecond,
    firstLineOee: oee.oee,
    oeeQueryMs: oeeMs,
  };
  const outDir = path.join(repoRoot, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'backfill.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(JSON.stringify(report));
} finally {
  await api.stop();
  cleanup(dataDir);
}
