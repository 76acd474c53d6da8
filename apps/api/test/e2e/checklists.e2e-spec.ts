import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type {
  AndonCall,
  AuthTokens,
  ChecklistRun,
  ChecklistTemplate,
  ErrorBody,
  JobAssignment,
  JobChecklistStatus,
  Line,
  Paginated,
  Product,
  ProductionOrder,
} from '@ms5/contracts';
import pg from 'pg';
import { Clock } from '../../src/platform/clock/clock.js';
import { fieldPaths, get, send } from '../support/api.js';
import { hoursOn } from '../support/clock.js';
import { createEquipment, createLine, createProduct } from '../support/plant-factory.js';
import {
  type JobStep,
  createChecklistTemplate,
  createJob,
  createOrder,
  sendChecklistRun,
  sendChecklistTemplate,
  sendJobStep,
  stepOrder,
  submitChecklistRun,
} from '../support/production-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { usersWithRoles } from '../support/user-factory.js';

const NO_ID = '00000000-0000-4000-8000-000000000000';

const at = hoursOn('2030-05-06');

/** Pre-start checklists over HTTP on real PostgreSQL: templates, runs, and the gate on job start. */
describe('pre-start checklists over HTTP', () => {
  let t: TestApp;
  let engineer: AuthTokens;
  let manager: AuthTokens;
  let operator: AuthTokens;
  let otherOperator: AuthTokens;
  let viewer: AuthTokens;
  let product: Product;
  let db: pg.Client;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    [engineer, manager, operator, otherOperator, viewer] = await usersWithRoles(
      t,
      'engineer',
      'shift_manager',
      'operator',
      'operator',
      'viewer',
    );
    product = await newProduct('CAN-330');
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const newProduct = (code: string): Promise<Product> => createProduct(t, engineer, { code });
  const newLine = (): Promise<Line> =>
    createLine(t, engineer, { code: `CL-${++counter}`, name: `Checklist line ${counter}` });
  const newEquipment = (code: string, lineId: string) =>
    createEquipment(t, engineer, { code, lineId });
  const createTemplate = (tokens: AuthTokens, body: Record<string, unknown>) =>
    sendChecklistTemplate(t, tokens, body);
  const patchTemplate = (id: string, body: Record<string, unknown>) =>
    send(t, engineer, 'patch', `/api/checklist-templates/${id}`, body);
  const submit = (tokens: AuthTokens, jobId: string, body: Record<string, unknown>) =>
    sendChecklistRun(t, tokens, jobId, body);
  const jobStep = (tokens: AuthTokens, id: string, step: JobStep) =>
    sendJobStep(t, tokens, id, step);
  const jobStatus = (jobId: string) =>
    get<JobChecklistStatus>(t, operator, `/api/jobs/${jobId}/checklists`);
  const count = async (table: 'checklist_templates' | 'checklist_runs' | 'andon_calls') => {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0]!.n;
  };

  /** A released order on the line with a job accepted by `operator`. */
  async function acceptedJob(
    lineId: string,
    productId: string,
    hour: number,
  ): Promise<{ order: ProductionOrder; job: JobAssignment }> {
    const order = await createOrder(t, manager, {
      lineId,
      productId,
      quantity: 500,
      plannedStart: at(hour),
      plannedEnd: at(hour + 1),
    });
    await stepOrder(t, manager, order.id, 'release');
    const job = await createJob(t, manager, { orderId: order.id, operatorId: operator.user.id });
    await jobStep(operator, job.id, 'accept').expect(200);
    return { order, job };
  }

  /** Guards (critical yes/no), air pressure 2.0–3.0 bar and remarks (both non-critical). */
  const startUpItems = [
    { label: 'Guards closed', kind: 'yes_no', critical: true },
    { label: 'Air pressure', kind: 'number', min: 2, max: 3, unit: 'bar' },
    { label: 'Remarks', kind: 'text' },
  ];
  const answers = (
    template: ChecklistTemplate,
    guards: boolean,
    pressure: number,
    remarks = '',
  ) => [
    { itemId: template.items[0]!.id, value: guards },
    { itemId: template.items[1]!.id, value: pressure },
    { itemId: template.items[2]!.id, value: remarks },
  ];

  it('creates, edits, versions and retires templates, validating with field names and storing nothing on bad input', async () => {
    const line = await newLine();
    const before = await count('checklist_templates');

    const shape = await createTemplate(engineer, {
      name: '',
      lineId: 'line-1',
      items: [
        { label: 'Pressure', kind: 'number', min: 3, max: 2 },
        { label: 'Guards', kind: 'yes_no', min: 1 },
        { label: 'Remarks', kind: 'text', colour: 'red' },
      ],
      extra: true,
    }).expect(400);
    expect(fieldPaths(shape.body)).toEqual(
      expect.arrayContaining([
        'name',
        'lineId',
        'items.0.max',
        'items.1.min',
        'items.2.colour',
        'extra',
      ]),
    );
    const noScope = await createTemplate(engineer, {
      name: 'Nowhere',
      items: [{ label: 'Guards', kind: 'yes_no' }],
    }).expect(400);
    expect(fieldPaths(noScope.body)).toEqual(['lineId']);
    const noItems = await createTemplate(engineer, {
      name: 'Empty',
      lineId: line.id,
      items: [],
    }).expect(400);
    expect(fieldPaths(noItems.body)).toEqual(['items']);
    const unknown = await createTemplate(engineer, {
      name: 'Ghost',
      lineId: NO_ID,
      productId: NO_ID,
      items: [{ label: 'Guards', kind: 'yes_no' }],
    }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'INVALID_REFERENCE' });
    expect(fieldPaths(unknown.body)).toEqual(['lineId', 'productId']);
    // Shift managers run the floor but do not write checklists; viewers neither.
    await createTemplate(manager, { name: 'X', lineId: line.id, items: startUpItems }).expect(403);
    await createTemplate(viewer, { name: 'X', lineId: line.id, items: startUpItems }).expect(403);
    expect(await count('checklist_templates')).toBe(before);

    const created = await createChecklistTemplate(t, engineer, {
      name: 'Filler start-up',
      lineId: line.id,
      items: startUpItems,
    });
    expect(created).toMatchObject({
      name: 'Filler start-up',
      lineId: line.id,
      lineCode: line.code,
      productId: null,
      productCode: null,
      version: 1,
      active: true,
      items: [
        {
          label: 'Guards closed',
          kind: 'yes_no',
          critical: true,
          expected: true,
          min: null,
          max: null,
          unit: null,
        },
        {
          label: 'Air pressure',
          kind: 'number',
          critical: false,
          expected: null,
          min: 2,
          max: 3,
          unit: 'bar',
        },
        { label: 'Remarks', kind: 'text', critical: false, expected: null, min: null, max: null },
      ],
    });
    const itemIds = created.items.map((item) => item.id);
    expect(new Set(itemIds).size).toBe(3);
    for (const id of itemIds) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await count('checklist_templates')).toBe(before + 1);

    // A new name is no new version; new items (ids kept where given) and a new scope are.
    const renamed = (await patchTemplate(created.id, { name: 'Filler start-up check' }).expect(200))
      .body as ChecklistTemplate;
    expect(renamed).toMatchObject({ name: 'Filler start-up check', version: 1 });
    expect(renamed.items).toEqual(created.items);
    const edited = (
      await patchTemplate(created.id, {
        items: [
          { id: itemIds[0], label: 'Guards closed and locked', kind: 'yes_no', critical: true },
          { id: itemIds[1], label: 'Air pressure', kind: 'number', min: 2, max: 3.2, unit: 'bar' },
          { label: 'Line clearance done', kind: 'yes_no', critical: true },
        ],
      }).expect(200)
    ).body as ChecklistTemplate;
    expect(edited.version).toBe(2);
    expect(edited.items.map((item) => item.id).slice(0, 2)).toEqual(itemIds.slice(0, 2));
    expect(itemIds).not.toContain(edited.items[2]!.id);
    expect(edited.items[1]).toMatchObject({ max: 3.2 });
    // The same items again: nothing changes.
    const same = (await patchTemplate(created.id, { items: edited.items }).expect(200))
      .body as ChecklistTemplate;
    expect(same.version).toBe(2);
    const scoped = (await patchTemplate(created.id, { productId: product.id }).expect(200))
      .body as ChecklistTemplate;
    expect(scoped).toMatchObject({ version: 3, productId: product.id, productCode: 'CAN-330' });

    const badEdits: Array<[Record<string, unknown>, string[]]> = [
      [{ items: [{ id: NO_ID, label: 'Guards', kind: 'yes_no' }] }, ['items.0.id']],
      [{ lineId: null, productId: null }, ['lineId']],
      [{ productId: NO_ID }, ['productId']],
      [{ version: 7 }, ['version']],
      [{ items: [{ label: 'Temp', kind: 'text', max: 4 }] }, ['items.0.min']],
    ];
    for (const [body, paths] of badEdits) {
      const response = await patchTemplate(created.id, body).expect(400);
      expect(fieldPaths(response.body)).toEqual(paths);
    }
    const unchanged = await get<ChecklistTemplate>(
      t,
      viewer,
      `/api/checklist-templates/${created.id}`,
    );
    expect(unchanged).toMatchObject({ version: 3, productId: product.id, active: true });
    await patchTemplate(NO_ID, { name: 'Nobody' }).expect(404);

    // Lists: active ones by default, filtered, paginated; readable by every floor role.
    const second = await createChecklistTemplate(t, engineer, {
      name: 'Allergen check',
      lineId: line.id,
      items: [{ label: 'Allergen-free', kind: 'yes_no', critical: true }],
    });
    const retired = (await patchTemplate(second.id, { active: false }).expect(200))
      .body as ChecklistTemplate;
    expect(retired).toMatchObject({ active: false, version: 1 });
    const list = (query: string) =>
      send(t, operator, 'get', `/api/checklist-templates?${query}`)
        .expect(200)
        .then((response) => response.body as Paginated<ChecklistTemplate>);
    expect((await list(`lineId=${line.id}`)).items.map((item) => item.id)).toEqual([created.id]);
    expect((await list(`lineId=${line.id}&active=false`)).items.map((item) => item.id)).toEqual([
      second.id,
    ]);
    const all = await list(`lineId=${line.id}&active=all&pageSize=1`);
    expect(all).toMatchObject({ total: 2, pageSize: 1, totalPages: 2 });
    expect(all.items).toHaveLength(1);
    expect((await list(`productId=${product.id}`)).items.map((item) => item.id)).toEqual([
      created.id,
    ]);
    await send(t, viewer, 'get', '/api/checklist-templates?active=maybe').expect(400);
    await send(t, viewer, 'get', `/api/checklist-templates/${NO_ID}`).expect(404);
    await t.http().get('/api/checklist-templates').expect(401);

    const { rows } = await db.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM audit_log WHERE entity_type = 'checklist-template' AND entity_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(rows.map((row) => row.action)).toEqual([
      'checklist-template.created',
      'checklist-template.updated',
      'checklist-template.updated',
      'checklist-template.updated',
    ]);
    expect(rows.every((row) => row.actor_id === engineer.user.id)).toBe(true);
    const retiredAudit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'checklist-template' AND entity_id = $1 ORDER BY id`,
      [second.id],
    );
    expect(retiredAudit.rows.map((row) => row.action)).toEqual([
      'checklist-template.created',
      'checklist-template.retired',
    ]);
  });

  it('blocks the start on a failed critical item, raises an andon call, and starts once a run passes', async () => {
    const line = await newLine();
    const otherLine = await newLine();
    const filler = await newEquipment(`FILL-${line.code}`, line.id);
    const elsewhere = await newEquipment(`FILL-${otherLine.code}`, otherLine.id);
    const template = await createChecklistTemplate(t, engineer, {
      name: 'Filler start-up',
      lineId: line.id,
      items: startUpItems,
    });
    const foreign = await createChecklistTemplate(t, engineer, {
      name: 'Other line start-up',
      lineId: otherLine.id,
      items: [{ label: 'Ready', kind: 'yes_no' }],
    });
    const { order, job } = await acceptedJob(line.id, product.id, 6);
    const [guards, pressure] = template.items;

    const initial = await jobStatus(job.id);
    expect(initial).toMatchObject({ jobId: job.id, readyToStart: false });
    expect(initial.checklists).toHaveLength(1);
    expect(initial.checklists[0]).toMatchObject({
      template: { id: template.id },
      latestRun: null,
      status: 'missing',
    });

    // Without a run the job may not start.
    const required = await jobStep(operator, job.id, 'start').expect(409);
    expect(required.body).toMatchObject({ statusCode: 409, code: 'CHECKLIST_REQUIRED' });
    expect((required.body as ErrorBody).message).toContain('Filler start-up');

    // Only the job's own operator completes it.
    const valid = { templateId: template.id, answers: answers(template, true, 2.5, 'ok') };
    const notMine = await submit(otherOperator, job.id, valid).expect(403);
    expect(notMine.body).toMatchObject({ statusCode: 403 });
    await submit(manager, job.id, valid).expect(403);
    await submit(viewer, job.id, valid).expect(403);
    await submit(operator, NO_ID, valid).expect(404);

    // Bad answers and a template that does not apply: 400 naming the fields, nothing stored.
    const runsBefore = await count('checklist_runs');
    const callsBefore = await count('andon_calls');
    const wrongKinds = await submit(operator, job.id, {
      templateId: template.id,
      answers: [
        { itemId: guards!.id, value: 'yes' },
        { itemId: pressure!.id, value: '2.5' },
      ],
    }).expect(400);
    expect(fieldPaths(wrongKinds.body)).toEqual(['answers.0.value', 'answers.1.value', 'answers']);
    expect(
      (wrongKinds.body as ErrorBody).fieldErrors?.find((error) => error.path === 'answers')
        ?.message,
    ).toContain('Remarks');
    const twice = await submit(operator, job.id, {
      templateId: template.id,
      answers: [...answers(template, true, 2.5), { itemId: guards!.id, value: true }],
    }).expect(400);
    expect(fieldPaths(twice.body)).toEqual(['answers.3.itemId']);
    const stranger = await submit(operator, job.id, {
      templateId: template.id,
      answers: [...answers(template, true, 2.5), { itemId: NO_ID, value: true }],
    }).expect(400);
    expect(fieldPaths(stranger.body)).toEqual(['answers.3.itemId']);
    const notApplicable = await submit(operator, job.id, {
      templateId: foreign.id,
      answers: [{ itemId: foreign.items[0]!.id, value: true }],
    }).expect(400);
    expect(fieldPaths(notApplicable.body)).toEqual(['templateId']);
    const unknownTemplate = await submit(operator, job.id, {
      templateId: NO_ID,
      answers: [],
    }).expect(400);
    expect(fieldPaths(unknownTemplate.body)).toEqual(['templateId']);
    const andonElsewhere = await submit(operator, job.id, {
      templateId: template.id,
      answers: answers(template, false, 2.5),
      raiseAndon: { equipmentId: elsewhere.id },
    }).expect(400);
    expect(fieldPaths(andonElsewhere.body)).toEqual(['raiseAndon.equipmentId']);
    const andonNowhere = await submit(operator, job.id, {
      templateId: template.id,
      answers: answers(template, false, 2.5),
      raiseAndon: { equipmentId: NO_ID },
    }).expect(400);
    expect(andonNowhere.body).toMatchObject({ code: 'INVALID_REFERENCE' });
    expect(fieldPaths(andonNowhere.body)).toEqual(['raiseAndon.equipmentId']);
    const andonSideways = await submit(operator, job.id, {
      templateId: template.id,
      answers: answers(template, false, 2.5),
      raiseAndon: { equipmentId: filler.id, type: 'sideways' },
    }).expect(400);
    expect(fieldPaths(andonSideways.body)).toEqual(['raiseAndon.type']);
    expect(await count('checklist_runs')).toBe(runsBefore);
    expect(await count('andon_calls')).toBe(callsBefore);

    // The critical item fails: the run is kept, blocking, with an andon call on the filler.
    const clock = t.app.get(Clock);
    const failedAt = new Date('2030-05-06T05:40:00.000Z');
    const frozen = jest.spyOn(clock, 'now').mockImplementation(() => new Date(failedAt));
    let failed: ChecklistRun;
    try {
      failed = await submitChecklistRun(t, operator, job.id, {
        templateId: template.id,
        answers: answers(template, false, 2.5, 'Left guard latch broken'),
        note: 'Maintenance informed',
        raiseAndon: { equipmentId: filler.id },
      });
    } finally {
      frozen.mockRestore();
    }
    expect(failed).toMatchObject({
      templateId: template.id,
      templateName: 'Filler start-up',
      templateVersion: 1,
      jobId: job.id,
      orderId: order.id,
      lineId: line.id,
      items: template.items,
      answers: [
        { itemId: guards!.id, value: false, passed: false },
        { itemId: pressure!.id, value: 2.5, passed: true },
        { itemId: template.items[2]!.id, value: 'Left guard latch broken', passed: true },
      ],
      passed: false,
      blocking: true,
      failedItemIds: [guards!.id],
      note: 'Maintenance informed',
      andonCallId: expect.any(String),
      completedBy: { id: operator.user.id, displayName: 'Test operator' },
      completedAt: failedAt.toISOString(),
    });
    expect(await count('andon_calls')).toBe(callsBefore + 1);
    const calls = await get<Paginated<AndonCall>>(
      t,
      manager,
      `/api/andon?equipmentId=${filler.id}`,
    );
    expect(calls.items).toHaveLength(1);
    expect(calls.items[0]).toMatchObject({
      id: failed.andonCallId,
      equipmentId: filler.id,
      lineId: line.id,
      type: 'quality',
      priority: 'high',
      status: 'open',
      raisedBy: { id: operator.user.id },
      raisedAt: failedAt.toISOString(),
    });
    expect(calls.items[0]!.description).toContain('Filler start-up');
    expect(calls.items[0]!.description).toContain('Guards closed');
    expect(calls.items[0]!.description).not.toContain('Air pressure');

    const blocked = await jobStep(operator, job.id, 'start').expect(409);
    expect(blocked.body).toMatchObject({ code: 'CHECKLIST_FAILED' });
    expect((blocked.body as ErrorBody).message).toContain('Filler start-up');
    expect((await jobStatus(job.id)).checklists[0]).toMatchObject({
      status: 'blocked',
      latestRun: { id: failed.id },
    });
    const stillAccepted = await get<JobAssignment>(t, operator, `/api/jobs/${job.id}`);
    expect(stillAccepted).toMatchObject({ status: 'accepted', orderStatus: 'released' });

    // A second run passes (3.0 bar is on the limit; the remarks may stay blank): the job starts.
    const passed = await submitChecklistRun(t, operator, job.id, {
      templateId: template.id,
      answers: answers(template, true, 3.0),
      raiseAndon: { equipmentId: filler.id },
    });
    expect(passed).toMatchObject({
      passed: true,
      blocking: false,
      failedItemIds: [],
      andonCallId: null,
      note: null,
    });
    expect(await count('andon_calls')).toBe(callsBefore + 1);
    const ready = await jobStatus(job.id);
    expect(ready.readyToStart).toBe(true);
    expect(ready.checklists[0]).toMatchObject({ status: 'done', latestRun: { id: passed.id } });

    const started = (await jobStep(operator, job.id, 'start').expect(200)).body as JobAssignment;
    expect(started).toMatchObject({ status: 'started', orderStatus: 'running' });
    const running = await get<ProductionOrder>(t, viewer, `/api/orders/${order.id}`);
    expect(running.status).toBe('running');

    // A started job takes no more checklists.
    const late = await submit(operator, job.id, valid).expect(409);
    expect(late.body).toMatchObject({ code: 'INVALID_TRANSITION' });

    // The results are kept with who and when, newest first; any floor role may read them.
    const runs = await get<Paginated<ChecklistRun>>(
      t,
      viewer,
      `/api/checklist-runs?jobId=${job.id}`,
    );
    expect(runs.total).toBe(2);
    expect(runs.items.map((run) => run.id)).toEqual([passed.id, failed.id]);
    expect(runs.items.map((run) => run.completedBy.id)).toEqual([
      operator.user.id,
      operator.user.id,
    ]);
    expect(Date.parse(runs.items[0]!.completedAt)).toBeGreaterThan(
      Date.parse(runs.items[1]!.completedAt),
    );
    const byLine = await get<Paginated<ChecklistRun>>(
      t,
      viewer,
      `/api/checklist-runs?lineId=${otherLine.id}`,
    );
    expect(byLine.total).toBe(0);
    const byTemplate = await get<Paginated<ChecklistRun>>(
      t,
      manager,
      `/api/checklist-runs?templateId=${template.id}&pageSize=1&page=2`,
    );
    expect(byTemplate).toMatchObject({ total: 2, page: 2, totalPages: 2 });
    expect(byTemplate.items.map((run) => run.id)).toEqual([failed.id]);
    const one = await get<ChecklistRun>(t, viewer, `/api/checklist-runs/${failed.id}`);
    expect(one).toEqual(failed);
    await send(t, viewer, 'get', `/api/checklist-runs/${NO_ID}`).expect(404);
    await send(t, viewer, 'get', '/api/checklist-runs?jobId=nope').expect(400);

    const audit = await db.query<{ entity_id: string; actor_id: string }>(
      `SELECT entity_id, actor_id FROM audit_log WHERE action = 'checklist-run.completed' AND entity_id = ANY($1) ORDER BY id`,
      [[failed.id, passed.id]],
    );
    expect(audit.rows).toEqual([
      { entity_id: failed.id, actor_id: operator.user.id },
      { entity_id: passed.id, actor_id: operator.user.id },
    ]);
    const events = await db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox_events WHERE event = 'checklist.run.completed' AND payload->>'jobId' = $1 ORDER BY id`,
      [job.id],
    );
    expect(events.rows.map((row) => row.payload)).toEqual([
      { id: failed.id, lineId: line.id, jobId: job.id, blocking: true, at: failedAt.toISOString() },
      {
        id: passed.id,
        lineId: line.id,
        jobId: job.id,
        blocking: false,
        at: passed.completedAt,
      },
    ]);
  });

  it('lets a job start after a non-critical failure, without raising an andon call', async () => {
    const line = await newLine();
    const filler = await newEquipment(`FILL-${line.code}`, line.id);
    const template = await createChecklistTemplate(t, engineer, {
      name: 'Compressor check',
      lineId: line.id,
      items: startUpItems,
    });
    const { job } = await acceptedJob(line.id, product.id, 6);
    const callsBefore = await count('andon_calls');
    const run = await submitChecklistRun(t, operator, job.id, {
      templateId: template.id,
      answers: answers(template, true, 3.01, 'Pressure a bit high'),
      raiseAndon: { equipmentId: filler.id },
    });
    expect(run).toMatchObject({
      passed: false,
      blocking: false,
      failedItemIds: [template.items[1]!.id],
      andonCallId: null,
    });
    expect(run.answers[1]).toEqual({ itemId: template.items[1]!.id, value: 3.01, passed: false });
    expect(await count('andon_calls')).toBe(callsBefore);
    expect((await jobStatus(job.id)).readyToStart).toBe(true);
    await jobStep(operator, job.id, 'start').expect(200);
  });

  it('applies product templates only to orders of that product, asks again after a new version, and skips retired ones', async () => {
    const line = await newLine();
    const otherLine = await newLine();
    const juice = await newProduct(`JUICE-${line.code}`);
    const forJuice = await createChecklistTemplate(t, engineer, {
      name: 'Juice allergen check',
      productId: juice.id,
      items: [{ label: 'Line free of nuts', kind: 'yes_no', critical: true }],
    });
    const juiceOnOtherLine = await createChecklistTemplate(t, engineer, {
      name: 'Juice on the other line',
      lineId: otherLine.id,
      productId: juice.id,
      items: [{ label: 'Valve set', kind: 'yes_no', critical: true }],
    });

    // An order of another product on this line has no checklist: it starts as before.
    const plain = await acceptedJob(line.id, product.id, 6);
    expect((await jobStatus(plain.job.id)).checklists).toEqual([]);
    await jobStep(operator, plain.job.id, 'start').expect(200);
    await jobStep(operator, plain.job.id, 'complete').expect(200);
    await send(t, manager, 'post', `/api/orders/${plain.order.id}/complete`, {}).expect(200);

    // An order of the juice on this line needs the product's template, not the other line's.
    const juiceJob = await acceptedJob(line.id, juice.id, 8);
    const status = await jobStatus(juiceJob.job.id);
    expect(status.checklists.map((entry) => entry.template.id)).toEqual([forJuice.id]);
    const required = await jobStep(operator, juiceJob.job.id, 'start').expect(409);
    expect(required.body).toMatchObject({ code: 'CHECKLIST_REQUIRED' });
    expect((required.body as ErrorBody).message).toContain('Juice allergen check');
    expect((required.body as ErrorBody).message).not.toContain('other line');
    const wrongLine = await submit(operator, juiceJob.job.id, {
      templateId: juiceOnOtherLine.id,
      answers: [{ itemId: juiceOnOtherLine.items[0]!.id, value: true }],
    }).expect(400);
    expect(fieldPaths(wrongLine.body)).toEqual(['templateId']);

    await submit(operator, juiceJob.job.id, {
      templateId: forJuice.id,
      answers: [{ itemId: forJuice.items[0]!.id, value: true }],
    }).expect(201);
    expect((await jobStatus(juiceJob.job.id)).readyToStart).toBe(true);

    // A new version asks again: the run answered other items.
    const v2 = (
      await patchTemplate(forJuice.id, {
        items: [
          { id: forJuice.items[0]!.id, label: 'Line free of nuts', kind: 'yes_no', critical: true },
          { label: 'Sugar sensor reading', kind: 'number', min: 10, max: 12, critical: true },
        ],
      }).expect(200)
    ).body as ChecklistTemplate;
    expect(v2.version).toBe(2);
    const again = await jobStatus(juiceJob.job.id);
    expect(again.checklists[0]).toMatchObject({
      status: 'missing',
      latestRun: { templateVersion: 1 },
    });
    await jobStep(operator, juiceJob.job.id, 'start').expect(409);
    const stale = await submit(operator, juiceJob.job.id, {
      templateId: forJuice.id,
      answers: [{ itemId: forJuice.items[0]!.id, value: true }],
    }).expect(400);
    expect(fieldPaths(stale.body)).toEqual(['answers']);
    const sugarFails = await submitChecklistRun(t, operator, juiceJob.job.id, {
      templateId: forJuice.id,
      answers: [
        { itemId: v2.items[0]!.id, value: true },
        { itemId: v2.items[1]!.id, value: 9.99 },
      ],
    });
    expect(sugarFails).toMatchObject({ templateVersion: 2, blocking: true, passed: false });
    expect(sugarFails.items).toEqual(v2.items);
    await jobStep(operator, juiceJob.job.id, 'start').expect(409);

    // Retired: no longer asked for, and no longer answerable.
    await patchTemplate(forJuice.id, { active: false }).expect(200);
    expect((await jobStatus(juiceJob.job.id)).checklists).toEqual([]);
    const retired = await submit(operator, juiceJob.job.id, {
      templateId: forJuice.id,
      answers: [
        { itemId: v2.items[0]!.id, value: true },
        { itemId: v2.items[1]!.id, value: 11 },
      ],
    }).expect(400);
    expect(fieldPaths(retired.body)).toEqual(['templateId']);
    await jobStep(operator, juiceJob.job.id, 'start').expect(200);

    await send(t, operator, 'get', `/api/jobs/${NO_ID}/checklists`).expect(404);
    await send(t, viewer, 'get', `/api/jobs/${juiceJob.job.id}/checklists`).expect(403);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/checklist-templates',
        '/api/checklist-templates/{id}',
        '/api/checklist-runs',
        '/api/checklist-runs/{id}',
        '/api/jobs/{id}/checklists',
      ]),
    );
    expect(Object.keys(paths['/api/checklist-templates']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/checklist-templates/{id}']!).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(paths['/api/jobs/{id}/checklists']!).sort()).toEqual(['get', 'post']);
    const submitOp = paths['/api/jobs/{id}/checklists']!.post as {
      requestBody?: { content: Record<string, { schema: { properties?: object } }> };
      responses: Record<string, { content?: Record<string, { schema: { properties?: object } }> }>;
    };
    expect(
      Object.keys(submitOp.requestBody?.content['application/json']?.schema.properties ?? {}),
    ).toEqual(expect.arrayContaining(['templateId', 'answers', 'note', 'raiseAndon']));
    expect(
      Object.keys(
        submitOp.responses['201']?.content?.['application/json']?.schema.properties ?? {},
      ),
    ).toEqual(expect.arrayContaining(['blocking', 'failedItemIds', 'completedBy', 'completedAt']));
  });
});
