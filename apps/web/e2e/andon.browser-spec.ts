import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './support/api-server';
import { launchChromium } from './support/browser';
import { screenshotsDir } from './support/paths';

async function call<T>(baseUrl: string, route: string, body: object, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('andon in the browser: tablet and board, live', () => {
  let server: ApiServer | undefined;
  let browser: Browser | undefined;
  let tablet: Page;
  let board: Page;
  let lineId: string;

  beforeAll(async () => {
    server = await startApiServer();
    const { baseUrl, adminUsername, adminPassword } = server;
    const admin = await call<{ accessToken: string }>(baseUrl, '/api/auth/login', {
      username: adminUsername,
      password: adminPassword,
    });
    for (const [username, role] of [
      ['tablet.op', 'operator'],
      ['board.sm', 'shift_manager'],
    ] as const) {
      await call(
        baseUrl,
        '/api/users',
        { username, password: `${username}-password`, role, displayName: `E2E ${role}` },
        admin.accessToken,
      );
    }
    const line = await call<{ id: string }>(
      baseUrl,
      '/api/lines',
      { code: 'L-ANDON', name: 'Andon line' },
      admin.accessToken,
    );
    lineId = line.id;
    await call(
      baseUrl,
      '/api/equipment',
      { code: 'FILL-1', name: 'Filler one', lineId, idealCycleTimeSeconds: 1 },
      admin.accessToken,
    );

    browser = await launchChromium();
    // Two separate contexts: two people on two devices, each with their own session.
    tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    board = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
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

  it('the operator raises a call in two taps and the board shows it without a reload', async () => {
    await signIn(board, 'board.sm', '/andon');
    await board.getByRole('heading', { name: 'Andon board' }).waitFor();
    await board.locator('[data-status="live"]').waitFor();
    await board.getByText('No open calls.').waitFor();
    const boardUrl = board.url();

    await signIn(tablet, 'tablet.op', `/andon/tablet?line=${lineId}`);
    await tablet.getByRole('heading', { name: 'Call for help at Filler one' }).waitFor();
    await tablet.locator('[data-status="live"]').waitFor();

    // Two taps: what, then how urgent.
    await tablet.getByRole('button', { name: 'Maintenance' }).click();
    await tablet.getByRole('button', { name: 'Critical' }).click();
    await tablet.getByText('Maintenance call raised (Critical).').waitFor();
    await tablet.getByText(/^Open · /).waitFor();

    // The board got it over socket.io: same page, no navigation, plus the critical alert.
    const row = board.getByRole('listitem').filter({ hasText: 'Maintenance at Filler one' });
    await row.waitFor();
    await board.getByRole('alert').filter({ hasText: 'New critical call' }).waitFor();
    expect(board.url()).toBe(boardUrl);
    await mkdir(screenshotsDir, { recursive: true });
    await board.screenshot({ path: path.join(screenshotsDir, 'andon-board.png'), fullPage: true });

    // The shift manager acknowledges; the tablet sees it live.
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await tablet.getByText(/Acknowledged by E2E shift_manager/).waitFor();
    await tablet.screenshot({
      path: path.join(screenshotsDir, 'andon-tablet.png'),
      fullPage: true,
    });
    await row.getByRole('button', { name: 'Resolve' }).click();
    await board.getByText('No open calls.').waitFor();
    await tablet.getByText('No open calls.').waitFor();
  });
});
