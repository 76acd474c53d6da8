import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ChecklistTemplate,
  type ChecklistTemplateListQuery,
  type CreateChecklistTemplateInput,
  type FieldError,
  type Paginated,
  type SessionUser,
  type UpdateChecklistTemplateInput,
  toPage,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { withConstraintErrors } from '../../platform/common/database-errors.js';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { normalizeItems, sameItems } from './checklist-template-items.js';
import { TEMPLATE_SUBJECT, assertMayWriteTemplate } from './checklist-template-scope.js';
import { ChecklistTemplatesRepository } from './checklist-templates.repository.js';

const ENTITY_TYPE = 'checklist-template';
/**
 * Pre-start checklist templates of a line, a product, or a product on a line. Changing the items
 * or what the template applies to makes a new version (runs keep the version they answered);
 * `active: false` retires a template. Every change is audited in its transaction. A user limited
 * to some lines reads their lines' templates and the product templates (of every line), and
 * writes only their lines' templates.
 */
@Injectable()
export class ChecklistTemplatesService {
  constructor(
    private readonly templates: ChecklistTemplatesRepository,
    private readonly audit: AuditService,
    private readonly lineAccess: LineAccessService,
  ) {}

  async create(
    input: CreateChecklistTemplateInput,
    actor: SessionUser,
  ): Promise<ChecklistTemplate> {
    const scope = await this.lineAccess.scopeOf(actor);
    const lineId = input.lineId ?? null;
    const productId = input.productId ?? null;
    const normalized = normalizeItems(input.items, null, randomUUID);
    if (!normalized.ok) throw new FieldValidationException(normalized.fieldErrors);
    return this.write(async (manager) => {
      await this.assertReferences(manager, lineId, productId, () =>
        assertMayWriteTemplate(scope, lineId),
      );
      const id = await this.templates.insert(
        manager,
        { name: input.name, lineId, productId, items: normalized.items },
        actor.id,
      );
      const after = await this.mustGet(id, manager);
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.created`,
        entityType: ENTITY_TYPE,
        entityId: id,
        after,
      });
      return after;
    });
  }

  async update(
    id: string,
    input: UpdateChecklistTemplateInput,
    actor: SessionUser,
  ): Promise<ChecklistTemplate> {
    const scope = await this.lineAccess.scopeOf(actor);
    return this.write(async (manager) => {
      const before = await this.templates.lock(manager, id, 'update');
      if (!before) throw notFound('Checklist template', id);
      assertMayWriteTemplate(scope, before.lineId);
      const lineId = input.lineId === undefined ? before.lineId : input.lineId;
      const productId = input.productId === undefined ? before.productId : input.productId;
      if (lineId === null && productId === null) {
        throw new FieldValidationException([
          { path: 'lineId', message: 'Give a line, a product or both' },
        ]);
      }
      let items = before.items;
      if (input.items !== undefined) {
        const normalized = normalizeItems(input.items, before.items, randomUUID);
        if (!normalized.ok) throw new FieldValidationException(normalized.fieldErrors);
        items = sameItems(normalized.items, before.items) ? before.items : normalized.items;
      }
      const fields = {
        name: input.name ?? before.name,
        lineId,
        productId,
        items,
        active: input.active ?? before.active,
      };
      const newVersion =
        items !== before.items || lineId !== before.lineId || productId !== before.productId;
      if (!newVersion && fields.name === before.name && fields.active === before.active) {
        return before;
      }
      await this.assertReferences(
        manager,
        lineId === before.lineId ? null : lineId,
        productId === before.productId ? null : productId,
        // Moving it to another line, or to every line, is writing there too.
        () => {
          if (lineId !== before.lineId) assertMayWriteTemplate(scope, lineId);
        },
      );
      await this.templates.update(manager, id, {
        ...fields,
        version: newVersion ? before.version + 1 : before.version,
      });
      const after = await this.mustGet(id, manager);
      const retired = before.active && !after.active;
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.${retired ? 'retired' : 'updated'}`,
        entityType: ENTITY_TYPE,
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** 403 for a template of a line the user is not assigned to; a product's template is open. */
  async get(id: string, user: SessionUser): Promise<ChecklistTemplate> {
    const template = await this.mustGet(id);
    if (template.lineId !== null) {
      (await this.lineAccess.scopeOf(user)).assert(template.lineId, TEMPLATE_SUBJECT);
    }
    return template;
  }

  /** `lineId` of another line is 403; otherwise the user's lines' templates and the products'. */
  async list(
    query: ChecklistTemplateListQuery,
    user: SessionUser,
  ): Promise<Paginated<ChecklistTemplate>> {
    const scope = await this.lineAccess.scopeOf(user);
    const [items, total] = await this.templates.list(
      {
        lineId: query.lineId,
        lineIds: scope.narrow(query.lineId),
        productId: query.productId,
        active: query.active === 'all' ? undefined : query.active === 'true',
      },
      query.page,
      query.pageSize,
    );
    return toPage(items, total, query);
  }

  /**
   * 400 naming `lineId` / `productId` when they name nothing; `assertLine` runs first once the
   * line is known to exist, so another line is refused before the rest of the body is judged.
   */
  private async assertReferences(
    manager: EntityManager,
    lineId: string | null,
    productId: string | null,
    assertLine: () => void,
  ): Promise<void> {
    const found = await this.templates.references(manager, lineId, productId);
    if (found.line) assertLine();
    const missing: FieldError[] = [
      ...(found.line ? [] : [{ path: 'lineId', message: 'Does not exist' }]),
      ...(found.product ? [] : [{ path: 'productId', message: 'Does not exist' }]),
    ];
    if (missing.length > 0) {
      throw new DomainException(
        'INVALID_REFERENCE',
        `Unknown ${missing.map((m) => m.path).join(', ')}`,
        missing,
      );
    }
  }

  private async mustGet(id: string, manager?: EntityManager): Promise<ChecklistTemplate> {
    const template = await this.templates.get(id, manager);
    if (!template) throw notFound('Checklist template', id);
    return template;
  }

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withConstraintErrors(() => this.templates.transaction(work), {
      what: 'Checklist template',
    });
  }
}
