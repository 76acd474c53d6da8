// Benchmark of issue 4: time from POST /api/andon to receipt by many connected socket.io clients
// (p50 / p99 / max), how many deliveries were lost, and the API's memory per idle socket.
// Writes bench-results/andon.json. BENCH_QUICK=1 for a short smoke run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
import {
  cleanup,
  client,
  freePort,
  login,
  machine,
  percentile,
  repoRoot,
  startApi,
  tempDir,
} from './support.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const CLIENTS = QUICK ? 100 : 1000;
const RAISES = QUICK ? 500 : 10_000;
const IN_FLIGHT = 16;
const log = (message) => process.stdout.write(`[bench:andon] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function rssKiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function main() {
  const results = {
    machine: machine(),
    startedAt: new Date().toISOString(),
    quick: QUICK,
    clients: CLIENTS,
    raises: RAISES,
  };
  const dataDir = tempDir('ms5-bench-andon-');
  let api;
  const sockets = [];
  try {
    api = await startApi({ dataDir, pgPort: await freePort() });
    const admin = client(api.baseUrl, await login(api.baseUrl));
    const line = await admin.post('/api/lines', { code: 'AND', name: 'Andon bench line' });
    const equipment = await admin.post('/api/equipment', {
      code: 'AND-1',
      name: 'Press',
      lineId: line.id,
      idealCycleTimeSeconds: 10,
    });
    const manager = await admin.post('/api/users', {
      username: 'bench-manager',
      password: 'bench-manager-password',
      role: 'shift_manager',
      displayName: 'Bench manager',
    });
    const operator = await admin.post('/api/users', {
      username: 'bench-operator',
      password: 'bench-operator-password',
      role: 'operator',
      displayName: 'Bench operator',
    });
    const tokenOf = async (username, password) =>
      (
        await (
          await fetch(`${api.baseUrl}/api/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username, password }),
          })
        ).json()
      ).accessToken;
    const managerToken = await tokenOf(manager.username, 'bench-manager-password');
    const raiser = client(api.baseUrl, await tokenOf(operator.username, 'bench-operator-password'));

    // Warm up, then measure the API's memory before and after the sockets connect.
    for (let i = 0; i < 50; i++) await admin.get('/health/info');
    await sleep(2000);
    const rssBefore = rssKiB(api.child.pid);

    const receipts = new Map(); // call id → receive times (ms, performance clock of this process)
    log(`connecting ${CLIENTS} socket.io clients`);
    for (let i = 0; i < CLIENTS; i++) {
      const socket = io(api.baseUrl, {
        auth: { token: managerToken },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      socket.on('andon.call.raised', (payload) => {
        const now = performance.now();
        const list = receipts.get(payload.id);
        if (list) list.push(now);
        else receipts.set(payload.id, [now]);
      });
      sockets.push(
        new Promise((resolve, reject) => {
          socket.once('realtime.ready', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
      );
      if (i % 50 === 49) await Promise.all(sockets.slice(i - 49));
    }
    const connected = await Promise.all(sockets);
    await sleep(3000);
    const rssAfter = rssKiB(api.child.pid);
    results.memory = {
      rssBeforeMiB: Math.round(rssBefore / 102.4) / 10,
      rssAfterMiB: Math.round(rssAfter / 102.4) / 10,
      perIdleSocketKiB: Math.round(((rssAfter - rssBefore) / CLIENTS) * 10) / 10,
    };
    log(`memory: ${JSON.stringify(results.memory)}`);

    const round = (v) => Math.round(v * 10) / 10;
    // Raises `count` calls (at most `inFlight` at once, at most `perSecond` a second), waits for
    // the deliveries to stop, and measures each delivery from the moment its POST was sent.
    const run = async (count, inFlight, perSecond) => {
      receipts.clear();
      const sentAt = new Map();
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < count) {
          const index = next++;
          const due = started + (perSecond ? (index * 1000) / perSecond : 0);
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          const t0 = performance.now();
          const call = await raiser.post('/api/andon', {
            equipmentId: equipment.id,
            type: 'help',
            priority: 'low',
          });
          sentAt.set(call.id, t0);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      const raiseSeconds = (performance.now() - started) / 1000;
      let last = -1;
      for (let waited = 0; waited < 60_000; waited += 500) {
        const total = [...receipts.values()].reduce((sum, list) => sum + list.length, 0);
        if (total === last || total === count * CLIENTS) break;
        last = total;
        await sleep(500);
      }
      const latencies = [];
      for (const [id, t0] of sentAt) for (const t of receipts.get(id) ?? []) latencies.push(t - t0);
      latencies.sort((a, b) => a - b);
      return {
        raises: count,
        raisesPerSecond: Math.round(count / raiseSeconds),
        expected: count * CLIENTS,
        delivered: latencies.length,
        lost: count * CLIENTS - latencies.length,
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        maxMs: round(latencies[latencies.length - 1] ?? 0),
      };
    };

    // Paced: a busy plant's rate, so the one receiving process is not the bottleneck.
    const paced = QUICK ? 50 : 300;
    log(`paced: ${paced} calls at 5 a second`);
    results.paced = await run(paced, 4, 5);
    log(`  ${JSON.stringify(results.paced)}`);
    // Flood: as fast as the API takes them, to count losses.
    log(`flood: ${RAISES} calls, ${IN_FLIGHT} in flight`);
    results.delivery = await run(RAISES, IN_FLIGHT, 0);
    log(`  ${JSON.stringify(results.delivery)}`);
    for (const socket of connected) socket.disconnect();
  } finally {
    await api?.stop();
    cleanup(dataDir);
  }
  results.finishedAt = new Date().toISOString();
  const out = path.join(repoRoot, 'bench-results', QUICK ? 'andon-quick.json' : 'andon.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${path.relative(repoRoot, out)}`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
