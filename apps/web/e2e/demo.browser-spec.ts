import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AndonCall, Overview, Paginated, SimulatorState } from '@ms5/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './support/api-server';
import { launchChromium } from './support/browser';
import { screenshotsDir } from './support/paths';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The README's start with `DEMO=1`: the demo plant is seeded and the simulator runs (here at 60×
 * so that stops and andon calls come quickly); within two minutes the overview shows every line at
 * work.
 */
describe('the demo plant at work', () => {
  let server: ApiServer | undefined;
  let browser: Browser | undefined;
  let token = '';

  const get = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${server?.baseUrl ?? ''}${route}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    server = await startApiServer({
      env: { DEMO: '1', SIMULATOR_SPEED: '60', SIMULATOR_TICK_MS: '500' },
    });
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: server.adminUsername, password: server.adminPassword }),
    });
    token = ((await response.json()) as { accessToken: string }).accessToken;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows every demo line with changing states, non-zero OEE and andon calls coming and going', async () => {
    const began = Date.now();
    const deadline = began + 120_000;
    // The demo is seeded after the server listens; then the simulator starts.
    while ((await get<SimulatorState>('/api/simulator')).status !== 'running') {
      if (Date.now() > deadline)
        throw new Error(`the simulator did not start\n${server?.output()}`);
      await sleep(500);
    }
    // The demo shifts cover the whole day, but in their breaks (e.g. 17:00–17:15 Berlin) every
    // line stands still. So that this test sees the plant at work whatever the time of day, the
    // breaks go (through the API, as an engineer would) and the simulator restarts on that plan.
    const send = async (method: string, route: string, body: object) => {
      const response = await fetch(`${server?.baseUrl ?? ''}${route}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
    };
    const shifts = await get<Paginated<{ id: string }>>('/api/shifts?pageSize=200');
    expect(shifts.total).toBe(15);
    for (const shift of shifts.items)
      await send('PATCH', `/api/shifts/${shift.id}`, { breaks: [] });
    await send('POST', '/api/simulator/stop', {});
    await send('POST', '/api/simulator/start', { speed: 60 });

    const statesSeen = new Map<string, Set<string>>();
    let overview: Overview | undefined;
    let sawOpenCall = false;
    let resolvedCalls = 0;
    const done = () =>
      overview !== undefined &&
      overview.lines.length === 5 &&
      overview.lines.every(
        (line) => (line.oee.oee ?? 0) > 0 && (statesSeen.get(line.id)?.size ?? 0) >= 2,
      ) &&
      sawOpenCall &&
      resolvedCalls > 0;
    while (!done()) {
      if (Date.now() > deadline) {
        throw new Error(
          `not every line at work within two minutes: ${JSON.stringify({
            lines: overview?.lines.map((l) => ({
              code: l.code,
              oee: l.oee.oee,
              states: [...(statesSeen.get(l.id) ?? [])],
            })),
            sawOpenCall,
            resolvedCalls,
          })}`,
        );
      }
      overview = await get<Overview>('/api/overview');
      for (const line of overview.lines) {
        const seen = statesSeen.get(line.id) ?? new Set<string>();
        for (const equipment of line.equipment) seen.add(equipment.state);
        statesSeen.set(line.id, seen);
      }
      const open = await get<Paginated<AndonCall>>('/api/andon?status=open,acknowledged');
      sawOpenCall ||= open.total > 0;
      resolvedCalls = (await get<Paginated<AndonCall>>('/api/andon?status=resolved')).total;
      await sleep(2000);
    }
    expect(Date.now() - began).toBeLessThan(120_000);
    expect(overview?.lines.map((line) => line.code).sort()).toEqual([
      'FL1',
      'FL2',
      'FL3',
      'PR1',
      'WP1',
    ]);

    const page = await (browser as Browser).newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server?.baseUrl ?? ''}/login`);
    await page.getByLabel('Username').fill(server?.adminUsername ?? '');
    await page.getByLabel('Password').fill(server?.adminPassword ?? '');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server?.baseUrl ?? ''}/overview`);
    for (const name of ['Filling line 1 (water)', 'Press line', 'Weld and paint line'])
      await page.getByRole('heading', { name }).waitFor();
    await mkdir(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'demo-overview.png'), fullPage: true });

    await page.goto(`${server?.baseUrl ?? ''}/simulator`);
    await expect
      .poll(() => page.getByTestId('simulator-status').textContent(), { timeout: 10_000 })
      .toBe('Running');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.screenshot({
      path: path.join(screenshotsDir, 'demo-simulator.png'),
      fullPage: true,
    });
  });
});
