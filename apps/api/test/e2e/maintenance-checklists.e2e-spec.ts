import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuditEntry,
  AuthTokens,
  ChecklistTemplate,
  Equipment,
  Line,
  Paginated,
  WorkOrder,
  WorkOrderChecklist,
} from '@ms5/contracts';
import { DataSource } from 'typeorm';
import { fieldPaths, get, post, send } from '../support/api.js';
import {
  createWorkOrder,
  sendWorkOrderStep,
  stepWorkOrder,
} from '../support/maintenance-factory.js';
import { createEquipment, createLine } from '../support/plant-factory.js';
import { createChecklistTemplate } from '../support/production-factory.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { assignLines, usersWithRoles } from '../support/user-factory.js';

/**
 * A work order's checklist over HTTP, on the checklist engine: the template named on creation,
 * answers validated as a job's (400 naming fields), completion refused with 409
 * CHECKLIST_REQUIRED until a run passes every item, a failed item opening a linked corrective
 * follow-up once, and users of another line refused with 403 LINE_NOT_ASSIGNED.
 */
describe('maintenance work-order checklists over HTTP', () => {
  let t: TestApp;
  let admin: AuthTokens;
  let manager: AuthTokens;
  let tech: AuthTokens;
  let otherTech: AuthTokens;
  let lineBTech: AuthTokens;
  let lineA: Line;
  let lineB: Line;
  let pumpA: Equipment;
  let pressB: Equipment;
  let pumpCheck: ChecklistTemplate;
  let lineBCheck: ChecklistTemplate;

  const checklistOf = (id: string, tokens: AuthTokens = manager) =>
    get<WorkOrderChecklist>(t, tokens, `/api/work-orders/${id}/checklist`);
  const answer = (id: string, tokens: AuthTokens, body: object) =>
    send(t, tokens, 'post', `/api/work-orders/${id}/checklist`, body);
  const answers = (template: ChecklistTemplate, values: Array<boolean | number | string>) =>
    template.items.map((item, index) => ({ itemId: item.id, value: values[index] }));

  /** A work order with the pump checklist, assigned to the technician and started. */
  const inProgress = async (overrides: object = {}): Promise<WorkOrder> => {
    const order = await createWorkOrder(t, manager, {
      equipmentId: pumpA.id,
      type: 'preventive',
      title: 'Pump service',
      checklistTemplateId: pumpCheck.id,
      ...overrides,
    });
    await stepWorkOrder(t, manager, order.id, 'assign', { assigneeIds: [tech.user.id] });
    return stepWorkOrder(t, tech, order.id, 'start');
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminTokens();
    [manager, tech, otherTech, lineBTech] = await usersWithRoles(
      t,
      'shift_manager',
      ['maintenance', 'wc-tech'],
      ['maintenance', 'wc-other'],
      ['maintenance', 'wc-b-tech'],
    );
    lineA = await createLine(t, admin, { code: 'WC-A', name: 'Checklists A' });
    lineB = await createLine(t, admin, { code: 'WC-B', name: 'Checklists B' });
    pumpA = await createEquipment(t, admin, { lineId: lineA.id, code: 'WC-PMP' });
    pressB = await createEquipment(t, admin, { lineId: lineB.id, code: 'WC-PRS' });
    await assignLines(t, admin, lineBTech, [lineB.id]);
    pumpCheck = await createChecklistTemplate(t, admin, {
      name: 'Pump service',
      lineId: lineA.id,
      items: [
        { label: 'Guard refitted', kind: 'yes_no', critical: true },
        { label: 'Vibration', kind: 'number', critical: false, min: 0, max: 4.5, unit: 'mm/s' },
        { label: 'Remarks', kind: 'text', critical: false },
      ],
    });
    lineBCheck = await createChecklistTemplate(t, admin, {
      name: 'Press service',
      lineId: lineB.id,
      items: [{ label: 'Die clean', kind: 'yes_no', critical: false }],
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('names the template on creation (required by default) and serves its items before any run', async () => {
    const order = await createWorkOrder(t, manager, {
      equipmentId: pumpA.id,
      title: 'Seal leaks',
      checklistTemplateId: pumpCheck.id,
    });
    expect(order).toMatchObject({
      checklistTemplateId: pumpCheck.id,
      checklistRequired: true,
      followUpOf: null,
    });
    const checklist = await checklistOf(order.id);
    expect(checklist).toMatchObject({
      workOrderId: order.id,
      required: true,
      latestRun: null,
      status: 'missing',
      followUps: [],
    });
    expect(checklist.template?.items.map((item) => item.label)).toEqual([
      'Guard refitted',
      'Vibration',
      'Remarks',
    ]);

    const plain = await createWorkOrder(t, manager, { equipmentId: pumpA.id, title: 'Plain' });
    expect(plain).toMatchObject({ checklistTemplateId: null, checklistRequired: false });
    expect(await checklistOf(plain.id)).toMatchObject({
      required: false,
      template: null,
      status: 'none',
    });
    const optional = await createWorkOrder(t, manager, {
      equipmentId: pumpA.id,
      title: 'Optional',
      checklistTemplateId: pumpCheck.id,
      checklistRequired: false,
    });
    expect(optional.checklistRequired).toBe(false);
  });

  it('refuses a template that does not fit with 400 naming the field, writing nothing', async () => {
    const count = async () =>
      (await get<Paginated<WorkOrder>>(t, manager, `/api/work-orders?equipmentId=${pumpA.id}`))
        .total;
    const before = await count();
    const body = { equipmentId: pumpA.id, type: 'corrective', priority: 'low', title: 'X' };
    const otherLine = await send(t, manager, 'post', '/api/work-orders', {
      ...body,
      checklistTemplateId: lineBCheck.id,
    }).expect(400);
    expect(fieldPaths(otherLine.body)).toEqual(['checklistTemplateId']);
    const unknown = await send(t, manager, 'post', '/api/work-orders', {
      ...body,
      checklistTemplateId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    expect(fieldPaths(unknown.body)).toEqual(['checklistTemplateId']);
    const requiredAlone = await send(t, manager, 'post', '/api/work-orders', {
      ...body,
      checklistRequired: true,
    }).expect(400);
    expect(fieldPaths(requiredAlone.body)).toEqual(['checklistRequired']);
    const notBoolean = await send(t, manager, 'post', '/api/work-orders', {
      ...body,
      checklistTemplateId: pumpCheck.id,
      checklistRequired: 'yes',
    }).expect(400);
    expect(fieldPaths(notBoolean.body)).toEqual(['checklistRequired']);
    expect(await count()).toBe(before);
  });

  it('refuses completion with 409 CHECKLIST_REQUIRED until a run passes every item, changing nothing', async () => {
    const order = await inProgress();
    const refused = await sendWorkOrderStep(t, tech, order.id, 'complete', {
      remedy: 'Seal replaced',
    }).expect(409);
    expect(refused.body).toMatchObject({ code: 'CHECKLIST_REQUIRED' });
    const unchanged = await get<WorkOrder>(t, manager, `/api/work-orders/${order.id}`);
    expect(unchanged).toMatchObject({ status: 'in_progress', remedy: null, completedAt: null });
    expect(unchanged.history).toHaveLength(order.history.length);

    // Vibration out of its range: the run is kept, failed, and still blocks completion.
    const failed = (
      await answer(order.id, tech, {
        answers: answers(pumpCheck, [true, 7.2, 'Bearing noise']),
        note: 'Loud at full speed',
      }).expect(201)
    ).body as WorkOrderChecklist;
    expect(failed.status).toBe('failed');
    expect(failed.latestRun).toMatchObject({
      templateId: pumpCheck.id,
      templateVersion: pumpCheck.version,
      jobId: null,
      passed: false,
      blocking: false,
      failedItemIds: [pumpCheck.items[1]?.id],
      completedBy: { id: tech.user.id },
    });
    const stillRefused = await sendWorkOrderStep(t, tech, order.id, 'complete').expect(409);
    expect(stillRefused.body).toMatchObject({ code: 'CHECKLIST_REQUIRED' });

    const passed = (
      await answer(order.id, tech, {
        answers: answers(pumpCheck, [true, 2.1, 'Balanced']),
      }).expect(201)
    ).body as WorkOrderChecklist;
    expect(passed.status).toBe('passed');
    expect(passed.latestRun?.answers.map((a) => a.value)).toEqual([true, 2.1, 'Balanced']);
    const done = await stepWorkOrder(t, tech, order.id, 'complete', { remedy: 'Seal replaced' });
    expect(done).toMatchObject({ status: 'completed', remedy: 'Seal replaced' });

    const audit = await get<Paginated<AuditEntry>>(
      t,
      admin,
      `/api/audit-log?entityType=work-order&entityId=${order.id}&pageSize=50`,
    );
    expect(audit.items.filter((e) => e.action === 'work-order.checklist-completed')).toHaveLength(
      2,
    );
    // Answered only while in progress.
    const late = await answer(order.id, tech, {
      answers: answers(pumpCheck, [true, 1, 'x']),
    }).expect(409);
    expect(late.body).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('asks again after the template changed, and lets an optional checklist be skipped', async () => {
    const template = await createChecklistTemplate(t, admin, {
      name: 'Belt check',
      lineId: lineA.id,
      items: [{ label: 'Belt tension ok', kind: 'yes_no', critical: false }],
    });
    const order = await inProgress({ checklistTemplateId: template.id });
    await answer(order.id, tech, { answers: answers(template, [true]) }).expect(201);
    const edited = await send(t, admin, 'patch', `/api/checklist-templates/${template.id}`, {
      items: [
        { id: template.items[0]?.id, label: 'Belt tension ok', kind: 'yes_no', critical: false },
        { label: 'Pulley aligned', kind: 'yes_no', critical: false },
      ],
    }).expect(200);
    expect((edited.body as ChecklistTemplate).version).toBe(2);
    expect((await checklistOf(order.id)).status).toBe('missing');
    const refused = await sendWorkOrderStep(t, tech, order.id, 'complete').expect(409);
    expect(refused.body).toMatchObject({ code: 'CHECKLIST_REQUIRED' });

    const optional = await inProgress({ checklistRequired: false });
    await stepWorkOrder(t, tech, optional.id, 'complete');
  });

  it('validates the answers with the checklist engine: 400 naming each field, nothing kept', async () => {
    const order = await inProgress();
    const wrongKinds = await answer(order.id, tech, {
      answers: [
        { itemId: pumpCheck.items[0]?.id, value: 'yes' },
        { itemId: pumpCheck.items[1]?.id, value: true },
        { itemId: '00000000-0000-4000-8000-000000000000', value: 'x' },
      ],
    }).expect(400);
    expect(fieldPaths(wrongKinds.body).sort()).toEqual([
      'answers',
      'answers.0.value',
      'answers.1.value',
      'answers.2.itemId',
    ]);
    const badShape = await answer(order.id, tech, { answers: [{ itemId: 'nope' }] }).expect(400);
    expect(fieldPaths(badShape.body)).toEqual(
      expect.arrayContaining(['answers.0.itemId', 'answers.0.value']),
    );
    expect((await checklistOf(order.id)).latestRun).toBeNull();

    // Someone else's work order, and a work order without a checklist.
    await answer(order.id, otherTech, { answers: answers(pumpCheck, [true, 1, 'x']) }).expect(403);
    const plain = await createWorkOrder(t, manager, { equipmentId: pumpA.id, title: 'No list' });
    await stepWorkOrder(t, tech, plain.id, 'start');
    const none = await answer(plain.id, tech, { answers: [] }).expect(409);
    expect(none.body).toMatchObject({ code: 'CONFLICT' });
  });

  it('opens a corrective follow-up on the same equipment for a failed item, linked, once per item', async () => {
    const order = await inProgress({ priority: 'medium' });
    const noFailure = await send(t, tech, 'post', `/api/work-orders/${order.id}/follow-ups`, {});
    expect(noFailure.status).toBe(409);
    await answer(order.id, tech, {
      answers: answers(pumpCheck, [false, 6, 'Guard cracked']),
    }).expect(201);

    const followUp = (
      await send(t, tech, 'post', `/api/work-orders/${order.id}/follow-ups`, {
        itemId: pumpCheck.items[1]?.id,
      }).expect(201)
    ).body as WorkOrder;
    expect(followUp).toMatchObject({
      type: 'corrective',
      status: 'open',
      priority: 'medium',
      equipmentId: pumpA.id,
      lineId: lineA.id,
      followUpOf: order.id,
      title: `Vibration (follow-up of ${order.number})`,
      description: `Failed on checklist "Pump service" (v1) of ${order.number}: Vibration, answered 6 mm/s.`,
    });
    const again = await send(t, tech, 'post', `/api/work-orders/${order.id}/follow-ups`, {
      itemId: pumpCheck.items[1]?.id,
    }).expect(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT' });
    const passedItem = await send(t, tech, 'post', `/api/work-orders/${order.id}/follow-ups`, {
      itemId: pumpCheck.items[2]?.id,
    }).expect(400);
    expect(fieldPaths(passedItem.body)).toEqual(['itemId']);

    // Without itemId: the first failed item without a follow-up (the guard), titled as told.
    const guard = await post<WorkOrder>(t, tech, `/api/work-orders/${order.id}/follow-ups`, {
      title: 'New guard',
      priority: 'high',
    });
    expect(guard).toMatchObject({ title: 'New guard', priority: 'high', followUpOf: order.id });
    const noneLeft = await send(t, tech, 'post', `/api/work-orders/${order.id}/follow-ups`, {});
    expect(noneLeft.status).toBe(409);
    expect((await checklistOf(order.id)).followUps).toEqual([
      { id: followUp.id, number: followUp.number, itemId: pumpCheck.items[1]?.id },
      { id: guard.id, number: guard.number, itemId: pumpCheck.items[0]?.id },
    ]);
    const audit = await get<Paginated<AuditEntry>>(
      t,
      admin,
      `/api/audit-log?entityType=work-order&entityId=${followUp.id}&pageSize=50`,
    );
    expect(audit.items.map((entry) => entry.action)).toEqual(['work-order.created']);
  });

  it('refuses users of another line with 403 LINE_NOT_ASSIGNED on every checklist route', async () => {
    const order = await inProgress();
    await answer(order.id, tech, { answers: answers(pumpCheck, [false, 1, 'x']) }).expect(201);
    const before = await checklistOf(order.id);
    const refusals = [
      await send(t, lineBTech, 'get', `/api/work-orders/${order.id}/checklist`),
      await answer(order.id, lineBTech, { answers: answers(pumpCheck, [true, 1, 'x']) }),
      await send(t, lineBTech, 'post', `/api/work-orders/${order.id}/follow-ups`, {}),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'LINE_NOT_ASSIGNED' });
    }
    expect(await checklistOf(order.id)).toEqual(before);

    // Its own line's work order, with its own line's template, is served.
    const own = await createWorkOrder(t, lineBTech, {
      equipmentId: pressB.id,
      title: 'Die',
      checklistTemplateId: lineBCheck.id,
    });
    expect((await checklistOf(own.id, lineBTech)).template?.id).toBe(lineBCheck.id);
  });

  it('announces an answered checklist as maintenance.workorder.changed', async () => {
    const order = await inProgress();
    const db = t.app.get(DataSource);
    const outbox = async () =>
      (
        await db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM outbox_events
            WHERE event = 'maintenance.workorder.changed' AND payload->>'id' = $1`,
          [order.id],
        )
      )[0]?.n ?? 0;
    const count = await outbox();
    await answer(order.id, tech, { answers: answers(pumpCheck, [true, 1, 'ok']) }).expect(201);
    expect(await outbox()).toBe(count + 1);
  });
});
