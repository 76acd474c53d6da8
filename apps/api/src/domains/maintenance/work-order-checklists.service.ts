import { Injectable } from '@nestjs/common';
import {
  type CreateWorkOrderFollowUpInput,
  type SessionUser,
  type SubmitWorkOrderChecklistInput,
  type WorkOrder,
  type WorkOrderChecklist,
  type WorkOrderSummary,
} from '@ms5/contracts';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { ChecklistEngineService } from '../checklists/checklist-engine.service.js';
import { followUpText, workOrderChecklistStatus } from './work-order-checklist.js';
import { WorkOrderChecklistsRepository } from './work-order-checklists.repository.js';
import { WorkOrdersRepository } from './work-orders.repository.js';
import { WorkOrdersService } from './work-orders.service.js';

const SUBJECT = 'This work order';

/**
 * A work order's checklist, on the checklist engine: the template it names is answered at its
 * current version, the answers checked and evaluated as a job's pre-start checklist, and the run
 * kept with the work order (not a job). Each run is a change of the work order: locked, audited
 * and announced through `WorkOrdersService.amend`. A failed item of the latest run can open a
 * corrective follow-up on the same equipment, once per item.
 */
@Injectable()
export class WorkOrderChecklistsService {
  constructor(
    private readonly workOrders: WorkOrdersService,
    private readonly orders: WorkOrdersRepository,
    private readonly followUps: WorkOrderChecklistsRepository,
    private readonly checklists: ChecklistEngineService,
    private readonly lineAccess: LineAccessService,
  ) {}

  /** The template's items, the latest run's answers and where it stands (403 on another line). */
  async get(id: string, user: SessionUser): Promise<WorkOrderChecklist> {
    const order = await this.mustGetVisible(id, user);
    return this.view(order);
  }

  /**
   * Answers of the checklist by whoever may work the order, while it is in progress (409
   * otherwise, and 409 for an order without a checklist); 400 naming `answers.<i>.…` when they do
   * not fit the template. Answers the checklist as it now stands.
   */
  async submit(
    id: string,
    input: SubmitWorkOrderChecklistInput,
    user: SessionUser,
  ): Promise<WorkOrderChecklist> {
    await this.workOrders.amend(id, user, 'checklist-completed', async (manager, order) => {
      if (order.checklistTemplateId === null) {
        throw new DomainException('CONFLICT', 'This work order has no checklist');
      }
      if (order.status !== 'in_progress') {
        throw new DomainException(
          'INVALID_TRANSITION',
          `A work order's checklist is answered while it is in progress; this one is ${order.status}`,
        );
      }
      // Validated and evaluated by the checklist engine (400 naming `answers.<i>.…`).
      const run = await this.checklists.record(
        manager,
        { workOrderId: order.id, lineId: order.lineId },
        order.checklistTemplateId,
        input,
        user,
      );
      return { ...run };
    });
    return this.view(await this.mustGetVisible(id, user));
  }

  /**
   * A corrective work order on the same equipment for a failed item of the latest run (`itemId`,
   * default: its first failed item without a follow-up yet), linked by `followUpOf`; 409 when no
   * item failed or the item already has one. Created as any corrective request: numbered, audited and announced.
   */
  async followUp(
    id: string,
    input: CreateWorkOrderFollowUpInput,
    user: SessionUser,
  ): Promise<WorkOrder> {
    const parent = await this.mustGetVisible(id, user);
    if (parent.status === 'cancelled') {
      throw new DomainException('INVALID_TRANSITION', 'The work order is cancelled');
    }
    const run = await this.checklists.latestForWorkOrder(parent.id);
    if (!run || run.failedItemIds.length === 0) {
      throw new DomainException(
        'CONFLICT',
        'No failed checklist item to follow up: the latest checklist run passed, or none exists',
      );
    }
    const followedUp = new Set(
      (await this.followUps.followUps(parent.id)).map((followUp) => followUp.itemId),
    );
    const itemId = input.itemId ?? run.failedItemIds.find((failed) => !followedUp.has(failed));
    if (itemId === undefined) {
      throw new DomainException('CONFLICT', 'Every failed item already has a follow-up', [
        { path: 'itemId', message: 'Already followed up' },
      ]);
    }
    const item = run.items.find((candidate) => candidate.id === itemId);
    if (!item || !run.failedItemIds.includes(itemId)) {
      throw new FieldValidationException([
        { path: 'itemId', message: 'Not a failed item of the latest checklist run' },
      ]);
    }
    const answer = run.answers.find((candidate) => candidate.itemId === itemId);
    const text = followUpText(parent, run, item, answer?.value);
    return this.workOrders.create(
      {
        equipmentId: parent.equipmentId,
        type: 'corrective',
        priority: input.priority ?? parent.priority,
        title: input.title ?? text.title,
        description: text.description,
      },
      user,
      { followUpOf: parent.id, followUpItemId: itemId },
    );
  }

  private async view(order: WorkOrderSummary): Promise<WorkOrderChecklist> {
    const [template, latestRun, followUps] = await Promise.all([
      order.checklistTemplateId ? this.checklists.template(order.checklistTemplateId) : null,
      this.checklists.latestForWorkOrder(order.id),
      this.followUps.followUps(order.id),
    ]);
    return {
      workOrderId: order.id,
      required: order.checklistRequired,
      template,
      latestRun,
      status: workOrderChecklistStatus(template, latestRun),
      followUps,
    };
  }

  private async mustGetVisible(id: string, user: SessionUser): Promise<WorkOrderSummary> {
    const order = await this.orders.summary(id);
    if (!order) throw notFound('Work order', id);
    await this.lineAccess.assertCanSee(user, order.lineId, SUBJECT);
    return order;
  }
}
