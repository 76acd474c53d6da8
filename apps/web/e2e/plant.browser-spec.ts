import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './support/api-server';
import { launchChromium } from './support/browser';
import { screenshotsDir } from './support/paths';

const MINUTE = 60_000;

async function call<T>(
  baseUrl: string,
  method: string,
  route: string,
  token: string | undefined,
  body?: object,
): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok)
    throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** HH:MM in UTC. */
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('plant overview, drill-down and the operator stop queue in the browser', () => {
  let server: ApiServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let token: string;
  let lineId: string;
  let pressId: string;
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * MINUTE).toISOString();

  beforeAll(async () => {
    server = await startApiServer();
    const { baseUrl, adminUsername, adminPassword } = server;
    token = (
      await call<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', undefined, {
        username: adminUsername,
        password: adminPassword,
      })
    ).accessToken;
    const post = <T>(route: string, body: object) => call<T>(baseUrl, 'POST', route, token, body);

    lineId = (
      await post<{ id: string }>('/api/lines', {
        code: 'ASM-1',
        name: 'Assembly line 1',
        microStopThresholdSeconds: 60,
      })
    ).id;
    pressId = (
      await post<{ id: string }>('/api/equipment', {
        code: 'PRESS-1',
        name: 'Press 1',
        lineId,
        idealCycleTimeSeconds: 30,
      })
    ).id;
    const packId = (
      await post<{ id: string }>('/api/equipment', {
        code: 'PACK-1',
        name: 'Packer 1',
        lineId,
        idealCycleTimeSeconds: 10,
      })
    ).id;
    // A shift from three hours ago to three hours ahead, so "now" is inside it.
    await post('/api/shifts', {
      lineId,
      name: 'Day shift',
      startTime: clock(now - 180 * MINUTE),
      endTime: clock(now + 180 * MINUTE),
      timezone: 'UTC',
      breaks: [],
    });
    for (const reason of [
      { code: 'JAM', name: 'Jam', category: 'Mechanical', lossClass: 'availability' },
      { code: 'MOTOR', name: 'Motor fault', category: 'Electrical', lossClass: 'availability' },
      { code: 'NO_MAT', name: 'No material', category: 'Logistics', lossClass: 'availability' },
    ]) {
      await post('/api/downtime-reasons', { ...reason, planned: false });
    }

    // The press ran, stopped 40–25 min ago without a reason, ran again, and has stood for 5 min
    // waiting for material (the machine says why). The packer runs.
    let n = 0;
    const state = (equipmentId: string, minutesAgo: number, s: string, reasonCode?: string) => ({
      eventId: `e2e-${(n += 1)}`,
      equipmentId,
      ts: at(minutesAgo),
      type: 'state',
      state: s,
      ...(reasonCode !== undefined ? { reasonCode } : {}),
    });
    const count = (equipmentId: string, minutesAgo: number, good: number, reject: number) => ({
      eventId: `e2e-${(n += 1)}`,
      equipmentId,
      ts: at(minutesAgo),
      type: 'count',
      good,
      reject,
    });
    const ingest = await post<{ accepted: number }>('/api/ingest/events', {
      events: [
        state(pressId, 120, 'running'),
        count(pressId, 90, 100, 3),
        state(pressId, 40, 'stopped'),
        state(pressId, 25, 'running'),
        count(pressId, 10, 30, 1),
        state(pressId, 5, 'stopped', 'NO_MAT'),
        state(packId, 120, 'running'),
        count(packId, 60, 400, 0),
        count(packId, 5, 300, 2),
      ],
    });
    expect(ingest.accepted).toBe(9);

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await mkdir(screenshotsDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function api(): ApiServer {
    if (server === undefined) throw new Error('server not started');
    return server;
  }

  it('lands on the overview after sign-in and shows the line with its machines in state colours', async () => {
    const { baseUrl, adminUsername, adminPassword } = api();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Username').fill(adminUsername);
    await page.getByLabel('Password').fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/overview`);

    const line = page.getByRole('region', { name: 'Assembly line 1' });
    await line.waitFor();
    expect(await line.innerText()).toContain('Day shift');
    const press = line.getByRole('listitem').filter({ hasText: 'PRESS-1' });
    const pack = line.getByRole('listitem').filter({ hasText: 'PACK-1' });
    expect(await press.getAttribute('data-state')).toBe('stopped');
    expect(await press.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(220, 38, 38)',
    );
    expect(await press.innerText()).toContain('No material');
    expect(await press.getByLabel('Stopped for').innerText()).toMatch(/^[45]:\d\d$/);
    expect(await pack.getAttribute('data-state')).toBe('running');
    expect(await pack.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(21, 128, 61)',
    );
    expect(await line.innerText()).toMatch(/OEE\s*\d+\.\d %/);
    // Home stays reachable from the menu.
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Home' })
        .count(),
    ).toBe(1);
    await page.screenshot({ path: path.join(screenshotsDir, 'overview.png'), fullPage: true });
  });

  it('drills down into the line: KPI cards, OEE by hour, the loss waterfall, the Pareto and the stops', async () => {
    await page.getByRole('link', { name: 'Assembly line 1' }).click();
    await page.waitForURL(`${api().baseUrl}/lines/${lineId}`);
    await page.getByRole('heading', { name: 'Assembly line 1', level: 1 }).waitFor();
    const chart = page.getByRole('img', { name: 'OEE by hour' });
    await chart.waitFor();
    expect(await chart.locator('rect').count()).toBeGreaterThan(0);
    await page.getByRole('img', { name: /^Loss waterfall/ }).waitFor();
    await page.getByRole('img', { name: /^Downtime Pareto/ }).waitFor();
    await page.getByRole('button', { name: 'How is this computed?' }).click();
    await page
      .getByText(/planned/i)
      .first()
      .waitFor();
    const stops = page.getByRole('table', { name: 'Stops' });
    await stops.getByRole('cell', { name: 'PRESS-1' }).first().waitFor();
    await page.getByRole('table', { name: 'MTBF and MTTR per equipment' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(screenshotsDir, 'line.png'), fullPage: true });
  });

  it('lets the operator give the stop a reason in one tap, and the queue empties', async () => {
    const { baseUrl } = api();
    await page.setViewportSize({ width: 1024, height: 1100 }); // a tablet
    await page.getByRole('link', { name: 'Stops' }).click();
    await page.getByRole('button', { name: /Assembly line 1/ }).click();
    await page.waitForURL(`${baseUrl}/operator/stops?lineId=${lineId}`);
    const card = page.getByRole('article', { name: /PRESS-1 stopped at/ });
    await card.waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    const jam = card.getByRole('button', { name: 'Jam' });
    const box = await jam.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(56);
    await page.screenshot({
      path: path.join(screenshotsDir, 'operator-stops.png'),
      fullPage: true,
    });

    await jam.click();
    await page.getByText('All stops have a reason.').waitFor();
    expect(await page.getByRole('article').count()).toBe(0);

    const queue = await call<{ total: number }>(
      baseUrl,
      'GET',
      `/api/downtime?lineId=${lineId}&from=${encodeURIComponent(at(24 * 60))}&to=${encodeURIComponent(at(-1))}&unassigned=true`,
      token,
    );
    expect(queue.total).toBe(0);
    const all = await call<{
      items: { equipmentId: string; reasonCode: string | null; reasonSource: string | null }[];
    }>(
      baseUrl,
      'GET',
      `/api/downtime?equipmentId=${pressId}&from=${encodeURIComponent(at(60))}&to=${encodeURIComponent(at(-1))}`,
      token,
    );
    expect(all.items.map((stop) => [stop.reasonCode, stop.reasonSource])).toEqual([
      ['NO_MAT', 'machine'],
      ['JAM', 'operator'],
    ]);

    // The tablet remembers its line.
    await page.goto(`${baseUrl}/operator/stops`);
    await page.waitForURL(`${baseUrl}/operator/stops?lineId=${lineId}`);
    await page.getByText('All stops have a reason.').waitFor();
    await page.screenshot({
      path: path.join(screenshotsDir, 'operator-stops-empty.png'),
      fullPage: true,
    });
  });

  it('configures lines: the table, and a taken code reported by the server beside the field', async () => {
    const { baseUrl } = api();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Configuration' }).click();
    await page.waitForURL(`${baseUrl}/config`);
    await page.getByRole('cell', { name: 'ASM-1', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New line' }).click();
    await page.getByLabel('Code').fill('ASM-1');
    await page.getByLabel('Name').fill('Duplicate');
    await page.getByRole('button', { name: 'Create line' }).click();
    await page.getByText('Already taken', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(screenshotsDir, 'config-lines.png'), fullPage: true });

    await page.getByRole('link', { name: 'Downtime reasons' }).click();
    await page.waitForURL(`${baseUrl}/config/downtime-reasons`);
    await page.getByRole('cell', { name: 'NO_MAT', exact: true }).waitFor();
  });
});
