import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
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

/** The smallest height and width of the visible controls in `scope`, with the offender named. */
async function smallestTarget(scope: Locator): Promise<{ size: number; what: string }> {
  const controls = scope.locator(
    'button:visible, a.button:visible, input:visible, select:visible, textarea:visible',
  );
  let smallest = { size: Number.POSITIVE_INFINITY, what: '' };
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    if (box === null) continue;
    const size = Math.min(box.width, box.height);
    if (size < smallest.size) {
      smallest = { size, what: (await control.evaluate((node) => node.outerHTML)).slice(0, 120) };
    }
  }
  return smallest;
}

/**
 * Maintenance in the browser: an operator's andon call becomes a work order on the andon board,
 * the planner assigns it on the maintenance board, and the technician on a phone (390×844) works
 * it from start to finish — start, hold with a reason, resume, labour, a part, complete with cause
 * and remedy — while the planner's board moves the card from column to column without a reload.
 */
describe('maintenance in the browser: technician on a phone, planner on the board, live', () => {
  let server: ApiServer | undefined;
  let browser: Browser | undefined;
  let phone: Page;
  let planner: Page;
  let equipmentId: string;

  beforeAll(async () => {
    server = await startApiServer();
    const { baseUrl, adminUsername, adminPassword } = server;
    const admin = await call<{ accessToken: string }>(baseUrl, '/api/auth/login', {
      username: adminUsername,
      password: adminPassword,
    });
    for (const [username, role, displayName] of [
      ['wo.tech', 'maintenance', 'Max Maintenance'],
      ['wo.planner', 'shift_manager', 'Sara Shift'],
      ['wo.operator', 'operator', 'Olga Operator'],
    ] as const) {
      await call(
        baseUrl,
        '/api/users',
        { username, password: `${username}-password`, role, displayName },
        admin.accessToken,
      );
    }
    const line = await call<{ id: string }>(
      baseUrl,
      '/api/lines',
      { code: 'L-MAINT', name: 'Maintenance line' },
      admin.accessToken,
    );
    const equipment = await call<{ id: string }>(
      baseUrl,
      '/api/equipment',
      { code: 'FILL-9', name: 'Filler nine', lineId: line.id, idealCycleTimeSeconds: 1 },
      admin.accessToken,
    );
    equipmentId = equipment.id;
    // The operator's maintenance call, raised on the tablet (through the API here).
    const operator = await call<{ accessToken: string }>(baseUrl, '/api/auth/login', {
      username: 'wo.operator',
      password: 'wo.operator-password',
    });
    await call(
      baseUrl,
      '/api/andon',
      { equipmentId, type: 'maintenance', priority: 'high', description: 'Filler leaks oil' },
      operator.accessToken,
    );

    browser = await launchChromium();
    phone = await (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      })
    ).newPage();
    planner = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    for (const page of [phone, planner]) page.setDefaultTimeout(20_000);
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

  const column = (name: string) => planner.getByRole('region', { name, exact: true });

  it('turns the call into a work order, the planner assigns it and the technician completes it on a phone', async () => {
    // The planner opens a work order from the maintenance call on the andon board.
    await signIn(planner, 'wo.planner', '/andon');
    const call = planner.getByRole('listitem').filter({ hasText: 'Maintenance at Filler nine' });
    await call.getByRole('link', { name: 'Open a work order for the call at Filler nine' }).click();
    await planner.getByRole('heading', { name: 'New work order' }).waitFor();
    await planner.getByText('From an andon call').waitFor();
    expect(await planner.getByLabel('Equipment').inputValue()).toBe(equipmentId);
    expect(await planner.getByLabel('What is wrong?').inputValue()).toBe('Filler leaks oil');
    expect(await planner.getByLabel('Priority').inputValue()).toBe('high');
    await planner.getByRole('button', { name: 'Open work order' }).click();
    await planner.getByRole('heading', { name: 'Filler leaks oil' }).waitFor();
    const number =
      (await planner.locator('.page-header__description').textContent())?.split(' · ')[0] ?? '';
    expect(number).toMatch(/^WO-\d{4}-00001$/);
    // The andon call links to it now.
    await planner.goto(`${server!.baseUrl}/andon`);
    await call.getByRole('link', { name: 'Work order' }).waitFor();

    // The technician's phone: nothing assigned yet; the new order waits unassigned on their line.
    await signIn(phone, 'wo.tech', '/maintenance/my-work-orders');
    await phone.getByText('Nothing assigned to you right now.').waitFor();
    await phone
      .getByRole('list', { name: 'Unassigned on my lines' })
      .getByText('Filler leaks oil')
      .waitFor();

    // The planner assigns it on the board; the phone shows it as the technician's, live.
    await planner.goto(`${server!.baseUrl}/maintenance/board`);
    const card = (name: string) => column(name).locator(`[data-work-order="${number}"]`);
    await card('Open').waitFor();
    const boardUrl = planner.url();
    await card('Open')
      .getByLabel(`Technician for ${number}`)
      .selectOption({ label: 'Max Maintenance' });
    await card('Open').getByRole('button', { name: 'Assign' }).click();
    await card('Assigned').locator('.wo-card__meta', { hasText: 'Max Maintenance' }).waitFor();
    const mine = phone.getByRole('list', { name: 'Assigned to me' });
    await mine.getByText('Filler leaks oil').waitFor();

    // The technician opens it and works it; each step moves the planner's card, no reload.
    await mine.getByRole('link', { name: 'Filler leaks oil' }).click();
    await phone.getByRole('heading', { name: 'Filler leaks oil' }).waitFor();
    const workArea = phone.locator('.maintenance');
    const before = await smallestTarget(workArea);
    expect(before.size, before.what).toBeGreaterThanOrEqual(48);

    await phone.getByRole('button', { name: 'Start work' }).click();
    await phone.getByText('Work order in progress.').waitFor();
    await card('In progress').waitFor();

    await phone.getByRole('button', { name: 'Put on hold' }).click();
    const hold = phone.getByRole('form', { name: 'Put on hold' });
    await hold.getByLabel('Why is the work paused?').fill('Waiting for a shaft seal from stores');
    await hold.getByRole('button', { name: 'Put on hold' }).click();
    await phone.getByText('On hold: Waiting for a shaft seal from stores').waitFor();
    await card('On hold').waitFor();

    await phone.getByRole('button', { name: 'Resume work' }).click();
    await phone.getByText('Work order in progress.').waitFor();
    await card('In progress').waitFor();

    const labour = phone.getByRole('form', { name: 'Add labour' });
    await labour.getByLabel('Minutes worked').fill('35');
    await labour.getByRole('button', { name: 'Add labour' }).click();
    await phone.getByText('35 min logged.').waitFor();
    await phone
      .getByRole('region', { name: 'Labour' })
      .getByText('Max Maintenance: 35 min')
      .waitFor();

    const part = phone.getByRole('form', { name: 'Add part' });
    await part.getByLabel('Part number').fill('SEAL-40');
    await part.getByLabel('Description').fill('Shaft seal 40 mm');
    await part.getByLabel('Quantity').fill('2');
    await part.getByRole('button', { name: 'Add part' }).click();
    await phone.getByText('2 × SEAL-40 recorded.').waitFor();

    const during = await smallestTarget(workArea);
    expect(during.size, during.what).toBeGreaterThanOrEqual(48);
    await mkdir(screenshotsDir, { recursive: true });
    await phone.screenshot({
      path: path.join(screenshotsDir, 'maintenance-phone-work-order.png'),
      fullPage: true,
    });

    await phone.getByRole('button', { name: 'Complete…' }).click();
    const complete = phone.getByRole('form', { name: 'Complete' });
    await complete.getByLabel('Cause').fill('Worn shaft seal');
    await complete.getByLabel('Remedy').fill('Replaced the seal, tested for leaks');
    await complete.getByRole('button', { name: 'Complete work order' }).click();
    const facts = phone.getByRole('region', { name: 'Work order' });
    await facts.getByText('Completed').waitFor();
    await facts.getByText('Worn shaft seal').waitFor();
    await facts.getByText('Replaced the seal, tested for leaks').waitFor();
    await phone.getByRole('region', { name: 'Parts' }).getByText('SEAL-40').waitFor();

    // The board followed every step live, on the same page.
    await card('Completed').waitFor();
    await card('In progress').waitFor({ state: 'detached' });
    expect(planner.url()).toBe(boardUrl);
    await planner.screenshot({
      path: path.join(screenshotsDir, 'maintenance-board.png'),
      fullPage: true,
    });

    // And the phone's list is empty again.
    await phone.getByRole('link', { name: 'My work orders' }).first().click();
    await phone.getByText('Nothing assigned to you right now.').waitFor();
    await phone.screenshot({
      path: path.join(screenshotsDir, 'maintenance-phone-list.png'),
      fullPage: true,
    });
  });

  it("lets the planner add a preventive plan and read the equipment's history with its KPIs", async () => {
    // Still signed in as the planner from the test above.
    await planner.goto(`${server!.baseUrl}/maintenance/plans`);
    await planner.getByRole('heading', { name: 'Preventive plans' }).waitFor();
    await planner.getByRole('button', { name: 'New plan' }).click();
    const editor = planner.getByRole('form', { name: 'New plan' });
    await editor.getByLabel('Equipment').selectOption(equipmentId);
    await editor.getByLabel('Title').fill('Lubricate the filler chain');
    await editor.getByLabel('Every', { exact: true }).fill('1');
    await editor.getByLabel('Unit').selectOption('week');
    await editor.getByRole('button', { name: 'Add a trigger' }).click();
    await editor.getByLabel('Trigger 2').selectOption('runtime');
    await editor.getByLabel('Every (running hours)').fill('8');
    await editor.getByRole('button', { name: 'Create plan' }).click();
    // After saving, the editor edits the saved plan and shows its next due as the API worked it out.
    const saved = planner.getByRole('form', { name: 'Edit plan' });
    await saved.getByText(/As saved, from the server/).waitFor();
    await saved.getByText(/running left/).waitFor();
    const plan = planner.getByRole('listitem').filter({ hasText: 'Lubricate the filler chain' });
    await plan.getByText('Every 1 week or Every 8 running hours').waitFor();
    await planner.screenshot({
      path: path.join(screenshotsDir, 'maintenance-plans.png'),
      fullPage: true,
    });

    // The plan's equipment opens its history: the KPIs, and the work order of the first test.
    await plan.getByRole('link', { name: /Filler nine/ }).click();
    await planner.getByRole('heading', { name: 'Filler nine · history' }).waitFor();
    await planner.getByRole('region', { name: 'Maintenance KPIs' }).getByText('MTBF').waitFor();
    const timeline = planner.getByRole('list', { name: 'Timeline' });
    await timeline
      .locator('[data-kind="work-order"]')
      .filter({ hasText: 'Filler leaks oil' })
      .waitFor();
    await timeline.locator('[data-kind="andon"]').first().waitFor();
    await planner.screenshot({
      path: path.join(screenshotsDir, 'maintenance-equipment-history.png'),
      fullPage: true,
    });
  });
});
