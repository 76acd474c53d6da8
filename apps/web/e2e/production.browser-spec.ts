import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './support/api-server';
import { launchChromium } from './support/browser';
import { screenshotsDir } from './support/paths';

async function send<T>(
  baseUrl: string,
  method: 'POST' | 'PATCH',
  route: string,
  body: object,
  token?: string,
): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const MINUTE = 60_000;

/**
 * Issue 6 end to end: the operator opens their job on the tablet, completes the pre-start
 * checklist, starts the job, and the shift manager's hour-by-hour board (open all along) shows
 * the running order and the line's good count without a reload.
 */
describe('production in the browser: my job, checklist, start, hour-by-hour board', () => {
  let server: ApiServer | undefined;
  let browser: Browser | undefined;
  let tablet: Page;
  let board: Page;
  let adminToken: string;
  let lineId: string;
  let packId: string;
  let fillId: string;

  beforeAll(async () => {
    server = await startApiServer();
    const { baseUrl, adminUsername, adminPassword } = server;
    const admin = await send<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', {
      username: adminUsername,
      password: adminPassword,
    });
    adminToken = admin.accessToken;
    const post = <T>(route: string, body: object) =>
      send<T>(baseUrl, 'POST', route, body, adminToken);

    const operator = await post<{ id: string }>('/api/users', {
      username: 'job.op',
      password: 'job.op-password',
      role: 'operator',
      displayName: 'Jo Operator',
    });
    await post('/api/users', {
      username: 'hbh.sm',
      password: 'hbh.sm-password',
      role: 'shift_manager',
      displayName: 'Sam Shift',
    });
    await post('/api/users', {
      username: 'next.sm',
      password: 'next.sm-password',
      role: 'shift_manager',
      displayName: 'Nina Next',
    });

    const line = await post<{ id: string }>('/api/lines', { code: 'L-HBH', name: 'Bottling 7' });
    lineId = line.id;
    const fill = await post<{ id: string }>('/api/equipment', {
      code: 'HBH-FILL',
      name: 'Filler seven',
      lineId,
      idealCycleTimeSeconds: 1,
    });
    const pack = await post<{ id: string }>('/api/equipment', {
      code: 'HBH-PACK',
      name: 'Packer seven',
      lineId,
      idealCycleTimeSeconds: 1,
    });
    packId = pack.id;
    fillId = fill.id;
    expect(fill.id).not.toBe(packId);
    await send(baseUrl, 'PATCH', `/api/lines/${lineId}`, { outputEquipmentId: packId }, adminToken);
    // A round-the-clock shift, so the board always has an occurrence running.
    await post('/api/shifts', {
      lineId,
      name: 'Day',
      startTime: '00:00',
      endTime: '00:00',
      timezone: 'UTC',
      breaks: [],
    });
    const product = await post<{ id: string }>('/api/products', {
      code: 'HBH-WATER',
      name: 'Water 0.5 l',
      idealCycleTimeSeconds: 2,
    });
    const now = Date.now();
    const order = await post<{ id: string }>('/api/orders', {
      lineId,
      productId: product.id,
      quantity: 1000,
      plannedStart: new Date(now - 5 * MINUTE).toISOString(),
      plannedEnd: new Date(now + 180 * MINUTE).toISOString(),
      reference: 'PO-HBH-1',
    });
    await post(`/api/orders/${order.id}/release`, {});
    await post('/api/checklist-templates', {
      name: 'Start-up check',
      lineId,
      items: [
        { label: 'Guards closed', kind: 'yes_no', critical: true },
        { label: 'Air pressure', kind: 'number', critical: true, min: 5, max: 7, unit: 'bar' },
        { label: 'Shift remark', kind: 'text', critical: false },
      ],
    });
    await post('/api/jobs', { orderId: order.id, operatorId: operator.id });

    browser = await launchChromium();
    tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    board = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    for (const page of [tablet, board]) page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(page: Page, username: string, then: string) {
    const { baseUrl } = server!;
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(`${username}-password`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}${then}`);
  }

  const fact = (page: Page, term: string) =>
    page.locator('.hbh-facts > div').filter({ has: page.locator('dt', { hasText: term }) });

  it('the operator completes the checklist and starts the job; the board shows it live', async () => {
    // The shift manager's board is open before anything happens.
    await signIn(board, 'hbh.sm', `/hour-by-hour/${lineId}`);
    await board.getByRole('heading', { name: /Bottling 7/ }).waitFor();
    await fact(board, 'Good so far').getByText('0', { exact: true }).waitFor();
    await fact(board, 'Running now')
      .getByText(/PO-HBH-1 · HBH-WATER \(2 s\/part\)/)
      .waitFor();
    const boardUrl = board.url();

    // The operator's tablet: My jobs → the job.
    await signIn(tablet, 'job.op', '/operator/jobs');
    await tablet.getByRole('link', { name: /PO-HBH-1/ }).click();
    await tablet.waitForURL(/\/operator\/jobs\/[0-9a-f-]+$/);
    const startButton = tablet.getByRole('button', { name: 'Start job' });
    await startButton.waitFor();
    expect(await startButton.isDisabled()).toBe(true);

    // The pre-start checklist: yes to the guards, 6.2 bar, a remark.
    const checklist = tablet.getByRole('form', { name: 'Start-up check' });
    await checklist
      .getByRole('group', { name: 'Guards closed' })
      .getByRole('button', { name: 'Yes' })
      .click();
    await checklist.getByLabel('Air pressure').fill('6.2');
    await checklist.getByLabel('Shift remark', { exact: true }).fill('All good');
    await checklist.getByRole('button', { name: 'Submit checklist' }).click();
    await tablet.getByRole('list', { name: 'Answers to Start-up check' }).waitFor();

    // Ready: start the job.
    await expect.poll(() => startButton.isDisabled(), { timeout: 20_000 }).toBe(false);
    await startButton.click();
    await tablet.locator('.job-status--started').first().waitFor();
    await mkdir(screenshotsDir, { recursive: true });
    await tablet.screenshot({ path: path.join(screenshotsDir, 'job-tablet.png'), fullPage: true });

    // The line has run for two minutes and its output station counts 37 good parts (74 s of work
    // at 2 s a part); the board picks them up over socket.io.
    const ranFrom = new Date(Date.now() - 120_000).toISOString();
    const ts = new Date(Date.now() - 5_000).toISOString();
    await send(
      server!.baseUrl,
      'POST',
      '/api/ingest/events',
      {
        events: [
          { eventId: 'hbh-run', equipmentId: packId, ts: ranFrom, type: 'state', state: 'running' },
          {
            eventId: 'hbh-fill',
            equipmentId: fillId,
            ts: ranFrom,
            type: 'state',
            state: 'running',
          },
          { eventId: 'hbh-count', equipmentId: packId, ts, type: 'count', good: 37, reject: 1 },
        ],
      },
      adminToken,
    );
    await fact(board, 'Good so far').getByText('37', { exact: true }).waitFor();
    await fact(board, 'Rejected').getByText('1', { exact: true }).waitFor();
    await board.locator('tr.hbh-row--current, tr[aria-current]').first().waitFor();
    expect(board.url()).toBe(boardUrl);
    await board.screenshot({ path: path.join(screenshotsDir, 'hour-by-hour.png'), fullPage: true });

    // The order is running, started by the operator's job.
    const orders = (await (
      await fetch(`${server!.baseUrl}/api/orders?lineId=${lineId}`, {
        headers: { Authorization: `Bearer ${adminToken}` },
      })
    ).json()) as { items: Array<{ reference: string; status: string }> };
    expect(orders.items).toEqual([
      expect.objectContaining({ reference: 'PO-HBH-1', status: 'running' }),
    ]);
  });
  it('the outgoing manager hands the shift over; the incoming one sees it live and acknowledges', async () => {
    // The incoming manager's handover page is open (another device) before anything is written.
    const incoming = await (
      await browser!.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    incoming.setDefaultTimeout(20_000);
    await signIn(incoming, 'next.sm', '/handover');
    await incoming.getByText('No handovers match.').waitFor();

    // The outgoing manager (still signed in on the board's device) sums up the shift.
    await board.goto(`${server!.baseUrl}/handover`);
    await board.getByLabel('Line', { exact: true }).selectOption({ label: 'Bottling 7 (L-HBH)' });
    await board.getByRole('heading', { name: 'Output against target' }).waitFor();
    // The maintenance module tracks them now: this line has none open.
    await board.getByText('No open work orders.').waitFor();
    await board.getByLabel('Notes for the incoming shift').fill('Packer seven: watch the glue.');
    await board.getByRole('button', { name: 'Hand over' }).click();
    await board.waitForURL(/\/handover\/[0-9a-f-]+$/);
    await board.getByText('Packer seven: watch the glue.').waitFor();
    // Its author may not acknowledge it.
    expect(await board.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);

    // The incoming manager's list shows it without a reload; they open and acknowledge it.
    await incoming.getByRole('link', { name: /^Day · / }).click();
    await incoming.getByText('Packer seven: watch the glue.').waitFor();
    await incoming.getByLabel('Note (optional)').fill('Taken over.');
    await incoming.getByRole('button', { name: 'Acknowledge' }).click();
    await incoming.getByText(/Acknowledged by/).waitFor();
    await incoming.getByText('Nina Next', { exact: true }).first().waitFor();
    await incoming.screenshot({
      path: path.join(screenshotsDir, 'handover-acknowledged.png'),
      fullPage: true,
    });

    const list = (await (
      await fetch(`${server!.baseUrl}/api/handovers?lineId=${lineId}`, {
        headers: { Authorization: `Bearer ${adminToken}` },
      })
    ).json()) as {
      items: Array<{ notes: string; acknowledgedBy: { displayName: string } | null }>;
    };
    expect(list.items).toEqual([
      expect.objectContaining({
        notes: 'Packer seven: watch the glue.',
        acknowledgedBy: expect.objectContaining({ displayName: 'Nina Next' }),
      }),
    ]);
  });
});
