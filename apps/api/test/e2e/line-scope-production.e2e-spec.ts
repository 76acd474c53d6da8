import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AndonCall,
  AndonInsights,
  AuthTokens,
  ChecklistRun,
  ChecklistTemplate,
  Equipment,
  ErrorBody,
  Handover,
  JobAssignment,
  JobChecklistStatus,
  Line,
  Paginated,
  Product,
  ProductionOrder,
  Shift,
} from '@ms5/contracts';
import pg from 'pg';
import type { Response } from 'supertest';
import { get, post, send } from '../support/api.js';
import { raiseAndonCall } from '../support/andon-factory.js';
import { hoursOn } from '../support/clock.js';
import {
  createEquipment,
  createLine,
  createProduct,
  createShift,
} from '../support/plant-factory.js';
import {
  createChecklistTemplate,
  createJob,
  createOrder,
  stepJob,
  stepOrder,
  submitChecklistRun,
} from '../support/production-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const at = hoursOn('2030-07-08');

/** A refusal for another line: 403 `LINE_NOT_ASSIGNED`. */
function expectNotAssigned(response: Response): void {
  expect(response.status).toBe(403);
  expect((response.body as ErrorBody).code).toBe('LINE_NOT_ASSIGNED');
}

/**
 * Line scope of the production domains (orders, jobs, checklists, andon calls and insights,
 * handovers, hour-by-hour) over HTTP on real PostgreSQL: users limited to line A against line B's
 * objects, filters and writes.
 */
describe('line scope of production (users limited to line A, line B’s data)', () => {
  let t: TestApp;
  let db: pg.Client;
  let engineer: AuthTokens;
  let manager: AuthTokens;
  let operatorA: AuthTokens;
  let operatorB: AuthTokens;
  /** Limited to line A. */
  let planner: AuthTokens;
  /** Limited to line A. */
  let limitedOperator: AuthTokens;
  let lineA: Line;
  let lineB: Line;
  let equipmentA: Equipment;
  let equipmentB: Equipment;
  let shiftB: Shift;
  let product: Product;
  let orderA: ProductionOrder;
  let orderB: ProductionOrder;
  let jobA: JobAssignment;
  let jobB: JobAssignment;
  let templateA: ChecklistTemplate;
  let templateB: ChecklistTemplate;
  let productTemplate: ChecklistTemplate;
  let runA: ChecklistRun;
  let runB: ChecklistRun;
  let callA: AndonCall;
  let callB: AndonCall;
  let handoverA: Handover;
  let handoverB: Handover;

  const count = async (table: string, where = 'TRUE', params: unknown[] = []) => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
      params,
    );
    return rows[0]!.n;
  };
  const items = [{ label: 'Guards closed', kind: 'yes_no', critical: true }];

  beforeAll(async () => {
    t = await createTestApp();
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    const admin = await t.adminTokens();
    [engineer, manager, operatorA, operatorB, planner, limitedOperator] = await usersWithRoles(
      t,
      'engineer',
      'shift_manager',
      'operator',
      'operator',
      'production_manager',
      'operator',
    );
    lineA = await createLine(t, engineer, { code: 'SCOPE-A', name: 'Scope A' });
    lineB = await createLine(t, engineer, { code: 'SCOPE-B', name: 'Scope B' });
    equipmentA = await createEquipment(t, engineer, { lineId: lineA.id, code: 'SCOPE-A-1' });
    equipmentB = await createEquipment(t, engineer, { lineId: lineB.id, code: 'SCOPE-B-1' });
    const shift = { name: 'Early', startTime: '06:00', endTime: '14:00', timezone: 'UTC' };
    await createShift(t, engineer, { lineId: lineA.id, ...shift, breaks: [] });
    shiftB = await createShift(t, engineer, { lineId: lineB.id, ...shift, breaks: [] });
    product = await createProduct(t, engineer, { code: 'SCOPE-P' });

    const order = async (lineId: string) => {
      const created = await createOrder(t, manager, {
        lineId,
        productId: product.id,
        plannedStart: at(6),
        plannedEnd: at(7),
      });
      return stepOrder(t, manager, created.id, 'release');
    };
    orderA = await order(lineA.id);
    orderB = await order(lineB.id);
    jobA = await createJob(t, manager, { orderId: orderA.id, operatorId: operatorA.user.id });
    jobB = await createJob(t, manager, { orderId: orderB.id, operatorId: operatorB.user.id });

    const template = (body: object) => createChecklistTemplate(t, engineer, { items, ...body });
    templateA = await template({ name: 'Start-up A', lineId: lineA.id });
    templateB = await template({ name: 'Start-up B', lineId: lineB.id });
    productTemplate = await template({ name: 'Product start-up', productId: product.id });
    const run = (tokens: AuthTokens, job: JobAssignment, used: ChecklistTemplate) =>
      submitChecklistRun(t, tokens, job.id, {
        templateId: used.id,
        answers: [{ itemId: used.items[0]!.id, value: true }],
      });
    runA = await run(operatorA, jobA, templateA);
    runB = await run(operatorB, jobB, templateB);

    callA = await raiseAndonCall(t, manager, { equipmentId: equipmentA.id });
    callB = await raiseAndonCall(t, manager, { equipmentId: equipmentB.id });

    handoverA = await post<Handover>(t, manager, '/api/handovers', { lineId: lineA.id });
    handoverB = await post<Handover>(t, manager, '/api/handovers', { lineId: lineB.id });

    for (const tokens of [planner, limitedOperator])
      await assignLines(t, admin, tokens, [lineA.id]);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('production orders and the schedule', () => {
    it('refuses another line’s order and schedule with 403, an unknown one with 404', async () => {
      expectNotAssigned(await send(t, planner, 'get', `/api/orders/${orderB.id}`));
      expectNotAssigned(await send(t, planner, 'get', `/api/lines/${lineB.id}/schedule`));
      await send(t, planner, 'get', `/api/orders/${NO_ID}`).expect(404);
      await send(t, planner, 'get', `/api/lines/${NO_ID}/schedule`).expect(404);
      await send(t, planner, 'get', `/api/orders/${orderA.id}`).expect(200);
    });

    it('refuses a filter for another line, lists only the user’s lines', async () => {
      expectNotAssigned(await send(t, planner, 'get', `/api/orders?lineId=${lineB.id}`));
      const own = await get<Paginated<ProductionOrder>>(
        t,
        planner,
        `/api/orders?lineId=${lineA.id}`,
      );
      expect(own.items.map((o) => o.id)).toEqual([orderA.id]);
      const all = await get<Paginated<ProductionOrder>>(t, planner, '/api/orders?pageSize=200');
      expect(all.items.map((o) => o.lineId)).toEqual([lineA.id]);
      expect(all.total).toBe(1);
      // A user of every line still sees both.
      const everyLine = await get<Paginated<ProductionOrder>>(t, manager, '/api/orders');
      expect(new Set(everyLine.items.map((o) => o.lineId))).toEqual(new Set([lineA.id, lineB.id]));
    });

    it('refuses every write on another line’s order and writes nothing', async () => {
      const orders = await count('production_orders');
      const body = {
        lineId: lineB.id,
        productId: product.id,
        quantity: 5,
        plannedStart: at(10),
        plannedEnd: at(11),
      };
      expectNotAssigned(await send(t, planner, 'post', '/api/orders', body));
      // Even with a body that is otherwise wrong, the line is what is refused.
      expectNotAssigned(
        await send(t, planner, 'post', '/api/orders', { ...body, productId: NO_ID }),
      );
      expectNotAssigned(
        await send(t, planner, 'patch', `/api/orders/${orderB.id}`, { quantity: 7 }),
      );
      for (const step of ['start', 'complete', 'cancel']) {
        expectNotAssigned(await send(t, planner, 'post', `/api/orders/${orderB.id}/${step}`, {}));
      }
      expect(await count('production_orders')).toBe(orders);
      const unchanged = await get<ProductionOrder>(t, manager, `/api/orders/${orderB.id}`);
      expect(unchanged).toMatchObject({ status: 'released', quantity: 100 });
    });
  });

  describe('jobs', () => {
    it('refuses another line’s job, and list filters by another line or its order, with 403', async () => {
      expectNotAssigned(await send(t, planner, 'get', `/api/jobs/${jobB.id}`));
      expectNotAssigned(await send(t, planner, 'get', `/api/jobs?lineId=${lineB.id}`));
      expectNotAssigned(await send(t, planner, 'get', `/api/jobs?orderId=${orderB.id}`));
      const byOrder = await get<Paginated<JobAssignment>>(
        t,
        planner,
        `/api/jobs?orderId=${orderA.id}`,
      );
      expect(byOrder.items.map((j) => j.id)).toEqual([jobA.id]);
      // An order that does not exist matches no job and says nothing about any line.
      expect(
        await get<Paginated<JobAssignment>>(t, planner, `/api/jobs?orderId=${NO_ID}`),
      ).toMatchObject({ total: 0, items: [] });
      const all = await get<Paginated<JobAssignment>>(t, planner, '/api/jobs?pageSize=200');
      expect(all.items.map((j) => j.id)).toEqual([jobA.id]);
      // The operator's own jobs are filtered the same way.
      expectNotAssigned(
        await send(t, limitedOperator, 'get', `/api/jobs?mine=true&lineId=${lineB.id}`),
      );
    });

    it('refuses assigning on another line’s order and writes nothing', async () => {
      const jobs = await count('job_assignments');
      expectNotAssigned(
        await send(t, planner, 'post', '/api/jobs', {
          orderId: orderB.id,
          operatorId: limitedOperator.user.id,
        }),
      );
      expect(await count('job_assignments')).toBe(jobs);
    });

    it('lets an operator read, not work, their own job on a line they are no longer assigned to', async () => {
      const admin = await t.adminTokens();
      const [moved] = await usersWithRoles(t, 'operator');
      const order = await createOrder(t, manager, {
        lineId: lineB.id,
        productId: product.id,
        plannedStart: at(12),
        plannedEnd: at(13),
      });
      await stepOrder(t, manager, order.id, 'release');
      const job = await createJob(t, manager, { orderId: order.id, operatorId: moved.user.id });
      await assignLines(t, admin, moved, [lineA.id]);

      expect((await get<JobAssignment>(t, moved, `/api/jobs/${job.id}`)).id).toBe(job.id);
      const mine = await get<Paginated<JobAssignment>>(t, moved, '/api/jobs?mine=true');
      expect(mine.items.map((j) => j.id)).toEqual([job.id]);
      await send(t, moved, 'get', `/api/jobs/${job.id}/checklists`).expect(200);

      expectNotAssigned(await send(t, moved, 'post', `/api/jobs/${job.id}/accept`, {}));
      const runs = await count('checklist_runs');
      expectNotAssigned(
        await send(t, moved, 'post', `/api/jobs/${job.id}/checklists`, {
          templateId: templateB.id,
          answers: [{ itemId: templateB.items[0]!.id, value: true }],
        }),
      );
      expect(await count('checklist_runs')).toBe(runs);
      expect((await get<JobAssignment>(t, manager, `/api/jobs/${job.id}`)).status).toBe('assigned');

      // Back on every line, the same step works.
      await assignLines(t, admin, moved, []);
      expect((await stepJob(t, moved, job.id, 'accept')).status).toBe('accepted');
    });
  });

  describe('checklist templates', () => {
    it('refuses another line’s template and a filter for its line; lists the user’s lines and products', async () => {
      expectNotAssigned(await send(t, planner, 'get', `/api/checklist-templates/${templateB.id}`));
      await send(t, planner, 'get', `/api/checklist-templates/${templateA.id}`).expect(200);
      // A product's template applies on every line: reading it tells nothing of line B.
      await send(t, planner, 'get', `/api/checklist-templates/${productTemplate.id}`).expect(200);
      await send(t, planner, 'get', `/api/checklist-templates/${NO_ID}`).expect(404);
      expectNotAssigned(
        await send(t, planner, 'get', `/api/checklist-templates?lineId=${lineB.id}`),
      );
      const listed = await get<Paginated<ChecklistTemplate>>(
        t,
        planner,
        '/api/checklist-templates?active=all&pageSize=200',
      );
      expect(listed.items.map((x) => x.id).sort()).toEqual(
        [templateA.id, productTemplate.id].sort(),
      );
      expect(listed.total).toBe(2);
      const byProduct = await get<Paginated<ChecklistTemplate>>(
        t,
        planner,
        `/api/checklist-templates?productId=${product.id}`,
      );
      expect(byProduct.items.map((x) => x.id)).toEqual([productTemplate.id]);
    });

    it('refuses creating or editing another line’s template, or one of every line, and writes nothing', async () => {
      const templates = await count('checklist_templates');
      const create = (body: object) =>
        send(t, planner, 'post', '/api/checklist-templates', { name: 'Sneaky', items, ...body });
      expectNotAssigned(await create({ lineId: lineB.id }));
      expectNotAssigned(await create({ lineId: lineB.id, productId: product.id }));
      expectNotAssigned(await create({ productId: product.id }));
      // Another line is refused before the rest of the body is judged; an unknown line is a 400.
      expectNotAssigned(await create({ lineId: lineB.id, productId: NO_ID }));
      const unknown = await create({ lineId: NO_ID }).expect(400);
      expect((unknown.body as ErrorBody).fieldErrors?.map((e) => e.path)).toEqual(['lineId']);
      expect(await count('checklist_templates')).toBe(templates);

      const patch = (id: string, body: object) =>
        send(t, planner, 'patch', `/api/checklist-templates/${id}`, body);
      expectNotAssigned(await patch(templateB.id, { name: 'Renamed' }));
      expectNotAssigned(await patch(templateB.id, { active: false }));
      expectNotAssigned(await patch(templateA.id, { lineId: lineB.id }));
      expectNotAssigned(await patch(templateA.id, { lineId: null, productId: product.id }));
      expectNotAssigned(await patch(productTemplate.id, { name: 'Renamed' }));
      for (const before of [templateA, templateB, productTemplate]) {
        const after = await get<ChecklistTemplate>(
          t,
          engineer,
          `/api/checklist-templates/${before.id}`,
        );
        expect(after).toMatchObject({
          name: before.name,
          lineId: before.lineId,
          productId: before.productId,
          version: before.version,
          active: true,
        });
      }

      // Their own line's templates they do write.
      const own = (await create({ lineId: lineA.id }).expect(201)).body as ChecklistTemplate;
      await patch(own.id, { active: false }).expect(200);
    });
  });

  describe('checklist runs and a job’s checklists', () => {
    it('refuses another line’s run, a job’s checklists and every filter naming line B', async () => {
      expectNotAssigned(await send(t, planner, 'get', `/api/checklist-runs/${runB.id}`));
      await send(t, planner, 'get', `/api/checklist-runs/${runA.id}`).expect(200);
      await send(t, planner, 'get', `/api/checklist-runs/${NO_ID}`).expect(404);
      expectNotAssigned(await send(t, planner, 'get', `/api/jobs/${jobB.id}/checklists`));
      await send(t, planner, 'get', `/api/jobs/${NO_ID}/checklists`).expect(404);
      const ownStatus = await get<JobChecklistStatus>(
        t,
        planner,
        `/api/jobs/${jobA.id}/checklists`,
      );
      expect(ownStatus.jobId).toBe(jobA.id);

      for (const filter of [
        `lineId=${lineB.id}`,
        `jobId=${jobB.id}`,
        `templateId=${templateB.id}`,
      ]) {
        expectNotAssigned(await send(t, planner, 'get', `/api/checklist-runs?${filter}`));
      }
      const listed = await get<Paginated<ChecklistRun>>(t, planner, '/api/checklist-runs');
      expect(listed.items.map((r) => r.id)).toEqual([runA.id]);
      const byJob = await get<Paginated<ChecklistRun>>(
        t,
        planner,
        `/api/checklist-runs?jobId=${jobA.id}`,
      );
      expect(byJob.items.map((r) => r.id)).toEqual([runA.id]);
      // A product's template is of every line: filtering by it shows only the user's lines' runs.
      const byProductTemplate = await get<Paginated<ChecklistRun>>(
        t,
        planner,
        `/api/checklist-runs?templateId=${productTemplate.id}`,
      );
      expect(byProductTemplate.total).toBe(0);
    });

    it('refuses a run naming another line’s template or equipment and writes nothing', async () => {
      const [runs, calls] = [await count('checklist_runs'), await count('andon_calls')];
      const admin = await t.adminTokens();
      await assignLines(t, admin, operatorA, [lineA.id]);
      try {
        expectNotAssigned(
          await send(t, operatorA, 'post', `/api/jobs/${jobA.id}/checklists`, {
            templateId: templateB.id,
            answers: [{ itemId: templateB.items[0]!.id, value: true }],
          }),
        );
        expectNotAssigned(
          await send(t, operatorA, 'post', `/api/jobs/${jobA.id}/checklists`, {
            templateId: templateA.id,
            answers: [{ itemId: templateA.items[0]!.id, value: false }],
            raiseAndon: { equipmentId: equipmentB.id },
          }),
        );
        expect([await count('checklist_runs'), await count('andon_calls')]).toEqual([runs, calls]);
      } finally {
        await assignLines(t, admin, operatorA, []);
      }
    });
  });

  describe('andon calls and insights', () => {
    it('refuses list filters for another line or its equipment; lists only the user’s lines', async () => {
      expectNotAssigned(await send(t, planner, 'get', `/api/andon?lineId=${lineB.id}`));
      expectNotAssigned(await send(t, planner, 'get', `/api/andon?equipmentId=${equipmentB.id}`));
      const byEquipment = await get<Paginated<AndonCall>>(
        t,
        planner,
        `/api/andon?equipmentId=${equipmentA.id}`,
      );
      expect(byEquipment.items.map((c) => c.id)).toEqual([callA.id]);
      expect(
        await get<Paginated<AndonCall>>(t, planner, `/api/andon?equipmentId=${NO_ID}`),
      ).toMatchObject({ total: 0 });
      const listed = await get<Paginated<AndonCall>>(t, planner, '/api/andon?pageSize=200');
      expect(new Set(listed.items.map((c) => c.lineId))).toEqual(new Set([lineA.id]));
      expectNotAssigned(await send(t, planner, 'get', `/api/andon/${callB.id}`));
      await send(t, planner, 'get', `/api/andon/${NO_ID}`).expect(404);
    });

    it('refuses acknowledging or resolving another line’s call and changes nothing', async () => {
      expectNotAssigned(await send(t, planner, 'post', `/api/andon/${callB.id}/acknowledge`, {}));
      expectNotAssigned(await send(t, planner, 'post', `/api/andon/${callB.id}/resolve`, {}));
      expectNotAssigned(
        await send(t, planner, 'post', '/api/andon', {
          equipmentId: equipmentB.id,
          type: 'help',
          priority: 'low',
        }),
      );
      expect((await get<AndonCall>(t, manager, `/api/andon/${callB.id}`)).status).toBe('open');
      expect(await count('andon_calls', 'line_id = $1', [lineB.id])).toBe(1);
    });

    it('computes insights over the user’s lines only; a filter for another line is 403', async () => {
      const window = `from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;
      expectNotAssigned(
        await send(t, planner, 'get', `/api/andon/insights?${window}&lineId=${lineB.id}`),
      );
      const limited = await get<AndonInsights>(t, planner, `/api/andon/insights?${window}`);
      const onlyA = await get<AndonInsights>(
        t,
        manager,
        `/api/andon/insights?${window}&lineId=${lineA.id}`,
      );
      const everyLine = await get<AndonInsights>(t, manager, `/api/andon/insights?${window}`);
      expect(limited).toEqual(onlyA);
      expect(limited.byLine.map((row) => row.key)).toEqual([lineA.id]);
      expect(limited.topEquipment.map((row) => row.equipmentId)).toEqual([equipmentA.id]);
      expect(everyLine.total).toBeGreaterThan(limited.total);
    });
  });

  describe('handovers and the hour-by-hour board', () => {
    it('refuses another line’s handover, board and draft, and a filter for its line', async () => {
      expectNotAssigned(await send(t, planner, 'get', `/api/handovers?lineId=${lineB.id}`));
      const listed = await get<Paginated<Handover>>(t, planner, '/api/handovers');
      expect(listed.items.map((h) => h.id)).toEqual([handoverA.id]);
      expectNotAssigned(await send(t, planner, 'get', `/api/handovers/${handoverB.id}`));
      await send(t, planner, 'get', `/api/handovers/${NO_ID}`).expect(404);
      expectNotAssigned(await send(t, planner, 'get', `/api/lines/${lineB.id}/hour-by-hour`));
      expectNotAssigned(await send(t, planner, 'get', `/api/lines/${lineB.id}/handover-draft`));
      // Refused before the shift query is judged: an unknown shift of line B is still 403.
      const unknownShift = `shiftId=${NO_ID}&date=2030-07-08`;
      expectNotAssigned(
        await send(t, planner, 'get', `/api/lines/${lineB.id}/hour-by-hour?${unknownShift}`),
      );
      expectNotAssigned(
        await send(t, planner, 'get', `/api/lines/${lineB.id}/handover-draft?${unknownShift}`),
      );
      await send(t, planner, 'get', `/api/lines/${NO_ID}/hour-by-hour`).expect(404);
      await send(t, planner, 'get', `/api/lines/${lineA.id}/hour-by-hour`).expect(200);
      expect(shiftB.lineId).toBe(lineB.id);
    });

    it('refuses writing or acknowledging another line’s handover and changes nothing', async () => {
      const handovers = await count('shift_handovers');
      expectNotAssigned(await send(t, planner, 'post', '/api/handovers', { lineId: lineB.id }));
      expectNotAssigned(
        await send(t, planner, 'post', `/api/handovers/${handoverB.id}/acknowledge`, {}),
      );
      expect(await count('shift_handovers')).toBe(handovers);
      const after = await get<Handover>(t, manager, `/api/handovers/${handoverB.id}`);
      expect(after.acknowledgedBy).toBeNull();
      // Their own line's handover they acknowledge.
      await send(t, planner, 'post', `/api/handovers/${handoverA.id}/acknowledge`, {}).expect(200);
    });
  });
});
