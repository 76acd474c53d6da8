import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './support/api-server';
import { launchChromium } from './support/browser';
import { screenshotsDir } from './support/paths';

describe('users administration in the browser', () => {
  let server: ApiServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startApiServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function api(): ApiServer {
    if (server === undefined) throw new Error('server not started');
    return server;
  }

  it('signs in as admin, opens Users, creates a user and sees it in the table', async () => {
    const { baseUrl, adminUsername, adminPassword } = api();
    const username = `e2e.${Date.now().toString(36)}`;

    // A protected address sends us to the login, and back afterwards.
    await page.goto(`${baseUrl}/users`);
    await page.waitForURL(/\/login\?redirectTo=%2Fusers$/);
    await mkdir(screenshotsDir, { recursive: true });
    await page.getByLabel('Username').waitFor();
    await page.screenshot({ path: path.join(screenshotsDir, 'login.png') });
    await page.getByLabel('Username').fill(adminUsername);
    await page.getByLabel('Password').fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/users`);
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await page.getByRole('cell', { name: adminUsername, exact: true }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).toContain('Audit log');

    // The form checks the schema before sending anything.
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Display name').fill('E2E Shift Manager');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('At least 10 characters', { exact: true }).waitFor();

    await page.getByLabel('Password').fill('e2e-password-1234');
    await page.getByLabel('Role', { exact: true }).selectOption('shift_manager');
    await page.getByRole('button', { name: 'Create user' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `User ${username} created.` })
      .waitFor();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: username, exact: true }) });
    await row.waitFor();
    expect(await row.innerText()).toContain('E2E Shift Manager');
    expect(await row.getByLabel(`Role for ${username}`).inputValue()).toBe('shift_manager');
    expect(await page.getByText(/Page 1 of 1 · 2 users/).count()).toBe(1);

    await page.screenshot({ path: path.join(screenshotsDir, 'users.png'), fullPage: true });

    // Taken usernames come back from the server as a field error beside the field.
    await page.getByRole('button', { name: 'New user' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Display name').fill('Duplicate');
    await page.getByLabel('Password').fill('e2e-password-1234');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Already taken', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('stays signed in across a reload (refresh token in localStorage) and records the change in the audit log', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    expect(page.url()).toBe(`${api().baseUrl}/users`);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', exact: true }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('table').innerText()).toMatch(/e2e\./);
    await page.screenshot({ path: path.join(screenshotsDir, 'audit-log.png'), fullPage: true });
  });

  it('shows the server information on the home page and signs out', async () => {
    await page.setViewportSize({ width: 800, height: 1280 }); // a tablet held upright
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByText('Embedded PostgreSQL').waitFor();
    await page.screenshot({ path: path.join(screenshotsDir, 'home-tablet.png'), fullPage: true });
    const info = (await (await fetch(`${api().baseUrl}/health/info`)).json()) as {
      version: string;
    };
    expect(await page.getByRole('region', { name: 'System' }).textContent()).toContain(
      `Version${info.version}`,
    );

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${api().baseUrl}/login`);
    expect(await page.evaluate(() => localStorage.getItem('ms5.refreshToken'))).toBeNull();
  });
});
