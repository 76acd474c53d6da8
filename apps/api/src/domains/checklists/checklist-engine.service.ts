import { Injectable } from '@nestjs/common';
import type { ChecklistRun, ChecklistTemplate, SessionUser } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { notFound } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { type AnswerInput, evaluateChecklist } from './checklist-evaluation.js';
import { ChecklistRunsRepository } from './checklist-runs.repository.js';
import { ChecklistTemplatesRepository } from './checklist-templates.repository.js';

/** What a run is kept with besides a job: a maintenance work order, on its line. */
export interface ChecklistSubject {
  workOrderId: string;
  lineId: string;
}

export interface RecordedRun {
  runId: string;
  templateId: string;
  templateVersion: number;
  passed: boolean;
  failedItemIds: string[];
}

/**
 * The checklist engine for other domains (maintenance work orders): templates and runs read, and
 * a run answered at the template's current version with the same checks and evaluation as a job's
 * pre-start checklist (400 naming `answers.<i>.…`), inside the caller's transaction, which owns
 * the subject's lock, audit and announcement. It knows no more of the subject than its id.
 */
@Injectable()
export class ChecklistEngineService {
  constructor(
    private readonly templates: ChecklistTemplatesRepository,
    private readonly runs: ChecklistRunsRepository,
    private readonly clock: Clock,
  ) {}

  template(id: string, manager?: EntityManager): Promise<ChecklistTemplate | null> {
    return this.templates.get(id, manager);
  }

  /** The template, locked against edits until the caller's transaction ends. */
  lockTemplate(manager: EntityManager, id: string): Promise<ChecklistTemplate | null> {
    return this.templates.lock(manager, id, 'share');
  }

  /** The newest run kept with the work order, if any. */
  latestForWorkOrder(workOrderId: string, manager?: EntityManager): Promise<ChecklistRun | null> {
    return this.runs.latestForWorkOrder(workOrderId, manager);
  }

  async record(
    manager: EntityManager,
    subject: ChecklistSubject,
    templateId: string,
    input: { answers: readonly AnswerInput[]; note?: string },
    user: SessionUser,
  ): Promise<RecordedRun> {
    const template = await this.templates.lock(manager, templateId, 'share');
    if (!template) throw notFound('Checklist template', templateId);
    const outcome = evaluateChecklist(template.items, input.answers);
    if (!outcome.ok) throw new FieldValidationException(outcome.fieldErrors);
    // The server's time, kept after the previous run (a clock stepped back must not make an
    // older run the latest).
    const now = this.clock.now();
    const previous = await this.runs.lastWorkOrderRunAt(manager, subject.workOrderId);
    const completedAt =
      previous !== null && previous.getTime() >= now.getTime()
        ? new Date(previous.getTime() + 1)
        : now;
    const runId = await this.runs.insert(manager, {
      templateId: template.id,
      templateVersion: template.version,
      templateName: template.name,
      jobId: null,
      orderId: null,
      workOrderId: subject.workOrderId,
      lineId: subject.lineId,
      items: template.items,
      answers: outcome.answers,
      passed: outcome.passed,
      blocking: outcome.blocking,
      failedItemIds: outcome.failedItemIds,
      note: input.note ? input.note : null,
      andonCallId: null,
      completedBy: user.id,
      completedAt,
    });
    return {
      runId,
      templateId: template.id,
      templateVersion: template.version,
      passed: outcome.passed,
      failedItemIds: outcome.failedItemIds,
    };
  }
}
