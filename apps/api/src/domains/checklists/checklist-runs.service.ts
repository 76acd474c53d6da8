import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  type ChecklistItem,
  type ChecklistRun,
  type ChecklistRunListQuery,
  type ChecklistTemplate,
  type JobChecklistStatus,
  type Paginated,
  type SessionUser,
  type SubmitChecklistRunInput,
  toPage,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { AndonService } from '../andon/andon.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience } from '../../platform/realtime/rooms.js';
import { evaluateChecklist } from './checklist-evaluation.js';
import { ChecklistGateService } from './checklist-gate.service.js';
import { type ChecklistJob, ChecklistRunsRepository } from './checklist-runs.repository.js';
import { ChecklistTemplatesRepository } from './checklist-templates.repository.js';

const ENTITY_TYPE = 'checklist-run';
const ANDON_DESCRIPTION_MAX = 1000;

/** The text of the andon call a failed checklist raises: which checklist, which items. */
export function andonDescription(
  template: Pick<ChecklistTemplate, 'name' | 'version'>,
  failed: readonly ChecklistItem[],
  note: string | null,
): string {
  const items = failed.map((item) => `${item.label}${item.critical ? ' (critical)' : ''}`);
  const text =
    `Pre-start checklist "${template.name}" (v${template.version}) failed: ${items.join('; ')}` +
    (note ? `. Note: ${note}` : '');
  return text.length > ANDON_DESCRIPTION_MAX
    ? `${text.slice(0, ANDON_DESCRIPTION_MAX - 1)}…`
    : text;
}

const applies = (template: ChecklistTemplate, job: ChecklistJob): boolean =>
  (template.lineId === null || template.lineId === job.lineId) &&
  (template.productId === null || template.productId === job.productId);

/**
 * Completed pre-start checklists. The job's own operator answers every item of the template's
 * current version before starting the job; the run keeps those items and answers, who and when
 * (the server's time). A failed critical item blocks the start and may raise an andon call, in the
 * same transaction as the run; the line is told through the outbox.
 */
@Injectable()
export class ChecklistRunsService {
  constructor(
    private readonly runs: ChecklistRunsRepository,
    private readonly templates: ChecklistTemplatesRepository,
    private readonly andon: AndonService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    private readonly lineAccess: LineAccessService,
    private readonly gate: ChecklistGateService,
  ) {}

  async submit(
    jobId: string,
    input: SubmitChecklistRunInput,
    user: SessionUser,
  ): Promise<ChecklistRun> {
    const scope = await this.lineAccess.scopeOf(user);
    const run = await this.runs.transaction(async (manager) => {
      const job = await this.runs.findJob(jobId, { manager, lock: true });
      if (!job) throw notFound('Job', jobId);
      // Even its own operator acts only on a line they are still assigned to.
      scope.assert(job.lineId, 'This job');
      if (job.operatorId !== user.id) {
        throw new ForbiddenException('This job is assigned to another operator');
      }
      if (job.status !== 'assigned' && job.status !== 'accepted') {
        throw new DomainException(
          'INVALID_TRANSITION',
          `A pre-start checklist is done before the job starts; this job is ${job.status}`,
        );
      }
      const template = await this.templates.lock(manager, input.templateId, 'share');
      if (template?.lineId) scope.assert(template.lineId, 'This checklist template');
      const templateProblem = !template
        ? 'Does not exist'
        : !template.active
          ? 'This checklist template is retired'
          : !applies(template, job)
            ? "Does not apply to this job's line and product"
            : null;
      if (!template || templateProblem !== null) {
        throw new DomainException('INVALID_REFERENCE', `templateId: ${templateProblem}`, [
          { path: 'templateId', message: templateProblem ?? 'Does not exist' },
        ]);
      }
      const outcome = evaluateChecklist(template.items, input.answers);
      if (!outcome.ok) throw new FieldValidationException(outcome.fieldErrors);
      const note = input.note ? input.note : null;

      let andonCallId: string | null = null;
      if (outcome.blocking && input.raiseAndon) {
        const equipmentLine = await this.runs.equipmentLine(manager, input.raiseAndon.equipmentId);
        if (equipmentLine !== null) scope.assert(equipmentLine, 'This equipment');
        if (equipmentLine !== job.lineId) {
          throw new DomainException('INVALID_REFERENCE', 'Unknown raiseAndon.equipmentId', [
            {
              path: 'raiseAndon.equipmentId',
              message:
                equipmentLine === null ? 'Does not exist' : "Not equipment of the job's line",
            },
          ]);
        }
        const failed = template.items.filter((item) => outcome.failedItemIds.includes(item.id));
        andonCallId = await this.andon.raiseWithin(
          manager,
          {
            equipmentId: input.raiseAndon.equipmentId,
            type: input.raiseAndon.type,
            priority: input.raiseAndon.priority,
            description: andonDescription(template, failed, note),
          },
          user,
        );
      }

      const completedAt = await this.completedAt(manager, job.id, template.id);
      const id = await this.runs.insert(manager, {
        templateId: template.id,
        templateVersion: template.version,
        templateName: template.name,
        jobId: job.id,
        orderId: job.orderId,
        lineId: job.lineId,
        items: template.items,
        answers: outcome.answers,
        passed: outcome.passed,
        blocking: outcome.blocking,
        failedItemIds: outcome.failedItemIds,
        note,
        andonCallId,
        completedBy: user.id,
        completedAt,
      });
      const after = await this.mustGet(id, manager);
      await this.audit.record(manager, {
        actor: user,
        action: `${ENTITY_TYPE}.completed`,
        entityType: ENTITY_TYPE,
        entityId: id,
        after,
      });
      await this.outbox.append(manager, {
        event: 'checklist.run.completed',
        payload: {
          id,
          lineId: job.lineId,
          jobId: job.id,
          blocking: outcome.blocking,
          at: completedAt.toISOString(),
        },
        rooms: lineAudience(job.lineId),
      });
      return after;
    });
    this.dispatcher.kick();
    return run;
  }

  /**
   * What the job needs before it starts; 403 for a job on a line the user is not assigned to (its
   * own operator always sees it, as the job itself).
   */
  async jobStatus(jobId: string, user: SessionUser): Promise<JobChecklistStatus> {
    const scope = await this.lineAccess.scopeOf(user);
    return this.gate.jobStatus(jobId, (job) => {
      if (job.operatorId !== user.id) scope.assert(job.lineId, 'This job');
    });
  }

  /** 403 for a run on a line the user is not assigned to. */
  async get(id: string, user: SessionUser): Promise<ChecklistRun> {
    const run = await this.mustGet(id);
    (await this.lineAccess.scopeOf(user)).assert(run.lineId, 'This checklist run');
    return run;
  }

  /**
   * The runs of the user's lines. A filter naming another line, a job of another line or a
   * template of another line is refused (403), not answered with an empty page; an unknown job or
   * template matches nothing.
   */
  async list(query: ChecklistRunListQuery, user: SessionUser): Promise<Paginated<ChecklistRun>> {
    const scope = await this.lineAccess.scopeOf(user);
    const lineIds = scope.narrow(query.lineId);
    if (query.jobId !== undefined) {
      const job = await this.runs.findJob(query.jobId);
      if (job) scope.assert(job.lineId, 'That job');
    }
    if (query.templateId !== undefined) {
      const template = await this.templates.get(query.templateId);
      if (template?.lineId) scope.assert(template.lineId, 'That checklist template');
    }
    const [items, total] = await this.runs.list(
      { lineId: query.lineId, lineIds, jobId: query.jobId, templateId: query.templateId },
      query.page,
      query.pageSize,
    );
    return toPage(items, total, query);
  }

  /**
   * The server's time, kept after the job's previous run of the template (a clock stepped back
   * must not make an older run the latest).
   */
  private async completedAt(
    manager: EntityManager,
    jobId: string,
    templateId: string,
  ): Promise<Date> {
    const now = this.clock.now();
    const previous = await this.runs.lastCompletedAt(manager, jobId, templateId);
    return previous !== null && previous.getTime() >= now.getTime()
      ? new Date(previous.getTime() + 1)
      : now;
  }

  private async mustGet(id: string, manager?: EntityManager): Promise<ChecklistRun> {
    const run = await this.runs.get(id, manager);
    if (!run) throw notFound('Checklist run', id);
    return run;
  }
}
