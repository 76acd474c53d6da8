import { Injectable } from '@nestjs/common';
import type { JobChecklistStatus } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../platform/common/domain.exception.js';
import { checklistStatus } from './checklist-evaluation.js';
import { gateRefusal } from './checklist-gate.exception.js';
import { type ChecklistJob, ChecklistRunsRepository } from './checklist-runs.repository.js';
import { ChecklistTemplatesRepository } from './checklist-templates.repository.js';

/**
 * What a job needs before it starts: a run of every active template that applies to its order
 * (of its line, of its product, or of that product on that line), the latest of which failed no
 * critical item. Exported for the job lifecycle, which asks inside its own transaction.
 */
@Injectable()
export class ChecklistGateService {
  constructor(
    private readonly templates: ChecklistTemplatesRepository,
    private readonly runs: ChecklistRunsRepository,
  ) {}

  /** `assertVisible` refuses a job the caller may not see (it throws), once the job is found. */
  async jobStatus(
    jobId: string,
    assertVisible: (job: ChecklistJob) => void = () => undefined,
  ): Promise<JobChecklistStatus> {
    const job = await this.runs.findJob(jobId);
    if (!job) throw notFound('Job', jobId);
    assertVisible(job);
    return this.statusOf(job);
  }

  /**
   * 409 `CHECKLIST_FAILED` or `CHECKLIST_REQUIRED` naming the templates in the way; nothing when
   * the job may start. Call with the job locked, in the transaction that starts it.
   */
  async assertReadyToStart(manager: EntityManager, jobId: string): Promise<void> {
    const job = await this.runs.findJob(jobId, { manager });
    if (!job) throw notFound('Job', jobId);
    const refusal = gateRefusal((await this.statusOf(job, manager, true)).checklists);
    if (refusal) throw refusal;
  }

  private async statusOf(
    job: ChecklistJob,
    manager?: EntityManager,
    share = false,
  ): Promise<JobChecklistStatus> {
    const templates = await this.templates.applicable(job.lineId, job.productId, manager, share);
    const latest = await this.runs.latestForJob(job.id, manager);
    const checklists = templates.map((template) => {
      const latestRun = latest.get(template.id) ?? null;
      return { template, latestRun, status: checklistStatus(template, latestRun) };
    });
    return {
      jobId: job.id,
      readyToStart: checklists.every((entry) => entry.status === 'done'),
      checklists,
    };
  }
}
