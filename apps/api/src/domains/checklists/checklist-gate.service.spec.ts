import { describe, expect, it } from '@jest/globals';
import type { ChecklistRun, ChecklistTemplate } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { ChecklistGateException, gateRefusal } from './checklist-gate.exception.js';
import { ChecklistGateService } from './checklist-gate.service.js';
import type { ChecklistJob, ChecklistRunsRepository } from './checklist-runs.repository.js';
import type { ChecklistTemplatesRepository } from './checklist-templates.repository.js';

const job: ChecklistJob = {
  id: 'job-1',
  operatorId: 'op-1',
  status: 'accepted',
  orderId: 'order-1',
  lineId: 'line-1',
  productId: 'product-1',
};

const template = (id: string, name: string, version = 1): ChecklistTemplate => ({
  id,
  name,
  lineId: 'line-1',
  lineCode: 'L1',
  productId: null,
  productCode: null,
  version,
  active: true,
  items: [],
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
});

const run = (templateId: string, templateVersion: number, blocking: boolean): ChecklistRun => ({
  id: `run-${templateId}`,
  templateId,
  templateName: templateId,
  templateVersion,
  jobId: job.id,
  orderId: job.orderId,
  lineId: job.lineId,
  items: [],
  answers: [],
  passed: !blocking,
  blocking,
  failedItemIds: [],
  note: null,
  andonCallId: null,
  completedBy: { id: 'op-1', displayName: 'Op' },
  completedAt: '2030-01-01T06:00:00.000Z',
});

/** The gate over fake repositories (the SQL is covered by the e2e tests). */
function gate(templates: ChecklistTemplate[], runs: ChecklistRun[], found = true) {
  const asked: Array<{ lineId: string; productId: string }> = [];
  const templatesRepository = {
    applicable: async (lineId: string, productId: string) => {
      asked.push({ lineId, productId });
      return templates;
    },
  } as unknown as ChecklistTemplatesRepository;
  const runsRepository = {
    findJob: async () => (found ? job : null),
    latestForJob: async () => new Map(runs.map((r) => [r.templateId, r])),
  } as unknown as ChecklistRunsRepository;
  return { service: new ChecklistGateService(templatesRepository, runsRepository), asked };
}

const manager = {} as EntityManager;

describe('ChecklistGateService', () => {
  it('lets a job with no applicable template start', async () => {
    const { service, asked } = gate([], []);
    await expect(service.assertReadyToStart(manager, job.id)).resolves.toBeUndefined();
    expect(asked).toEqual([{ lineId: 'line-1', productId: 'product-1' }]);
    await expect(service.jobStatus(job.id)).resolves.toEqual({
      jobId: job.id,
      readyToStart: true,
      checklists: [],
    });
  });

  it('refuses with CHECKLIST_REQUIRED naming the missing templates, an older version counting as missing', async () => {
    const { service } = gate(
      [template('t1', 'Filler start-up', 2), template('t2', 'Hygiene')],
      [run('t1', 1, false), run('t2', 1, false)],
    );
    const error = await service.assertReadyToStart(manager, job.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecklistGateException);
    expect((error as ChecklistGateException).getStatus()).toBe(409);
    expect((error as ChecklistGateException).getResponse()).toEqual({
      statusCode: 409,
      code: 'CHECKLIST_REQUIRED',
      message: 'Complete the pre-start checklist "Filler start-up" before starting the job',
    });
    const status = await service.jobStatus(job.id);
    expect(status.readyToStart).toBe(false);
    expect(status.checklists.map((entry) => entry.status)).toEqual(['missing', 'done']);
    expect(status.checklists[0]?.latestRun?.templateVersion).toBe(1);
  });

  it('refuses with CHECKLIST_FAILED when the latest run blocks, before any missing one', async () => {
    const { service } = gate(
      [template('t1', 'Filler start-up'), template('t2', 'Hygiene')],
      [run('t1', 1, true)],
    );
    const error = (await service
      .assertReadyToStart(manager, job.id)
      .catch((e: unknown) => e)) as ChecklistGateException;
    expect(error.code).toBe('CHECKLIST_FAILED');
    expect(error.message).toBe(
      'A critical item failed on the pre-start checklist "Filler start-up"; pass it before starting the job; not done yet: checklist "Hygiene"',
    );
  });

  it('answers 404 for an unknown job', async () => {
    const { service } = gate([], [], false);
    await expect(service.jobStatus('nope')).rejects.toMatchObject({ status: 404 });
  });
});

describe('gateRefusal', () => {
  it('names several templates in the way', () => {
    const refusal = gateRefusal([
      { template: { name: 'A' }, status: 'missing' },
      { template: { name: 'B' }, status: 'done' },
      { template: { name: 'C' }, status: 'missing' },
    ]);
    expect(refusal?.code).toBe('CHECKLIST_REQUIRED');
    expect(refusal?.message).toBe(
      'Complete the pre-start checklists "A", "C" before starting the job',
    );
  });

  it('is null when every checklist is done', () => {
    expect(gateRefusal([{ template: { name: 'A' }, status: 'done' }])).toBeNull();
    expect(gateRefusal([])).toBeNull();
  });
});
