import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, ErrorBody, Line, Operator, Paginated } from '@ms5/contracts';
import { get, send } from '../support/api.js';
import { createLine } from '../support/plant-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

const code = (body: unknown) => (body as ErrorBody).code;

/** The platform's routes that touch lines: the operator picker and the simulator's control. */
describe('line scope of platform routes', () => {
  let t: TestApp;
  let admin: AuthTokens;
  let lineA: Line;
  let lineB: Line;

  beforeAll(async () => {
    t = await createTestApp({ SIMULATOR_TICK_MS: '200' });
    admin = await t.adminTokens();
    [lineA, lineB] = await Promise.all([createLine(t, admin), createLine(t, admin)]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('shows a line-limited manager only the operators who work on their lines', async () => {
    const [manager, onA, onB, onBoth, everywhere] = await usersWithRoles(
      t,
      'shift_manager',
      'operator',
      'operator',
      'operator',
      'operator',
    );
    await Promise.all([
      assignLines(t, admin, manager, [lineA.id]),
      assignLines(t, admin, onA, [lineA.id]),
      assignLines(t, admin, onB, [lineB.id]),
      assignLines(t, admin, onBoth, [lineA.id, lineB.id]),
    ]);
    const seen = async (tokens: AuthTokens) =>
      (await get<Paginated<Operator>>(t, tokens, '/api/operators?pageSize=200')).items.map(
        (operator) => operator.id,
      );
    const limited = await seen(manager);
    expect(limited).toEqual(
      expect.arrayContaining([onA, onBoth, everywhere].map((u) => u.user.id)),
    );
    expect(limited).not.toContain(onB.user.id);
    const page = await get<Paginated<Operator>>(t, manager, '/api/operators?pageSize=200');
    expect(page.total).toBe(limited.length);
    // Without limits the manager sees every operator.
    expect(await seen(admin)).toEqual(
      expect.arrayContaining([onA, onB, onBoth, everywhere].map((u) => u.user.id)),
    );
  });

  it('lets a line-limited engineer drive only runs within their lines', async () => {
    const [engineerA, engineerB] = await usersWithRoles(t, 'engineer', 'engineer');
    await assignLines(t, admin, engineerA, [lineA.id]);
    await assignLines(t, admin, engineerB, [lineB.id]);

    const everyLine = await send(t, engineerA, 'post', '/api/simulator/start', {});
    expect(everyLine.status).toBe(403);
    expect(code(everyLine.body)).toBe('LINE_NOT_ASSIGNED');
    const otherLine = await send(t, engineerA, 'post', '/api/simulator/start', {
      lineIds: [lineA.id, lineB.id],
    });
    expect(otherLine.status).toBe(403);
    expect(code(otherLine.body)).toBe('LINE_NOT_ASSIGNED');
    const backfill = await send(t, engineerA, 'post', '/api/simulator/backfill', {
      days: 1,
      lineIds: [lineB.id],
    });
    expect(backfill.status).toBe(403);
    expect(code(backfill.body)).toBe('LINE_NOT_ASSIGNED');
    expect((await get<{ status: string }>(t, admin, '/api/simulator')).status).toBe('stopped');

    await send(t, engineerA, 'post', '/api/simulator/start', { lineIds: [lineA.id] }).expect(200);
    for (const action of ['pause', 'stop']) {
      const refused = await send(t, engineerB, 'post', `/api/simulator/${action}`, {});
      expect(refused.status).toBe(403);
      expect(code(refused.body)).toBe('LINE_NOT_ASSIGNED');
    }
    expect((await get<{ status: string }>(t, admin, '/api/simulator')).status).toBe('running');
    await send(t, engineerA, 'post', '/api/simulator/stop', {}).expect(200);

    // A run over every line is stopped only by someone who sees every line.
    await send(t, admin, 'post', '/api/simulator/start', {}).expect(200);
    expect(code((await send(t, engineerA, 'post', '/api/simulator/stop', {})).body)).toBe(
      'LINE_NOT_ASSIGNED',
    );
    await send(t, admin, 'post', '/api/simulator/stop', {}).expect(200);
  });
});
