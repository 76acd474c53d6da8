import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from './support/api-server';
import { launchChromium } from './support/browser';
import { takePageProblems } from './support/csp-watch';

describe('the Content-Security-Policy in the browser', () => {
  let server: ApiServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startApiServer();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the SPA arrives with the strict policy and signs in without a violation', async () => {
    const { baseUrl, adminUsername, adminPassword } = server!;
    const response = await page.goto(`${baseUrl}/login`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    await page.getByLabel('Username').fill(adminUsername);
    await page.getByLabel('Password').fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/andon`);
    // The live badge: socket.io connected under connect-src.
    await page.locator('[data-status="live"]').first().waitFor();
    expect(takePageProblems()).toEqual([]);
  });

  it('the watcher catches what the policy refuses: an inline script and a style attribute', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
    });
    await expect.poll(() => page.evaluate(() => 'inlineRan' in window)).toBe(false);
    let problems: ReturnType<typeof takePageProblems> = [];
    await expect
      .poll(() => {
        problems = [...problems, ...takePageProblems()];
        return new Set(problems.map((problem) => problem.detail.split(' ')[0]));
      })
      .toEqual(new Set(['script-src-elem', 'style-src-attr', 'Executing', 'Applying']));
    expect(problems.some((problem) => problem.kind === 'csp-violation')).toBe(true);
    expect(problems.some((problem) => problem.kind === 'csp-console')).toBe(true);
  });

  it('cannot be framed by another page (frame-ancestors)', async () => {
    const { baseUrl } = server!;
    const attacker = await page.context().newPage();
    await attacker.setContent(`<iframe src="${baseUrl}/andon"></iframe>`);
    let problems: ReturnType<typeof takePageProblems> = [];
    await expect
      .poll(() => {
        problems = [...problems, ...takePageProblems()];
        return problems.some((problem) => problem.detail.includes("frame-ancestors 'none'"));
      })
      .toBe(true);
    await attacker.close();
  });

  it('Swagger UI still works under its own policy', async () => {
    const { baseUrl } = server!;
    const docs = await page.context().newPage();
    await docs.goto(`${baseUrl}/api/docs`);
    await docs.getByText('MS5 Floor Dashboard API').first().waitFor();
    await docs.locator('.opblock').first().waitFor();
    await docs.close();
    expect(takePageProblems()).toEqual([]);
  });
});
