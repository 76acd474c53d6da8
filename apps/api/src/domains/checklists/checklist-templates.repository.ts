import { Injectable } from '@nestjs/common';
import type { ChecklistItem, ChecklistTemplate } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';
import { SqlWhere } from '../../platform/database/sql-where.js';

interface TemplateRow {
  id: string;
  name: string;
  line_id: string | null;
  line_code: string | null;
  product_id: string | null;
  product_code: string | null;
  version: number;
  active: boolean;
  items: ChecklistItem[];
  created_at: Date;
  updated_at: Date;
}

const SELECT_TEMPLATE = `
  SELECT t.id, t.name, t.line_id, l.code AS line_code, t.product_id, p.code AS product_code,
         t.version, t.active, t.items, t.created_at, t.updated_at
    FROM checklist_templates t
    LEFT JOIN lines l ON l.id = t.line_id
    LEFT JOIN products p ON p.id = t.product_id`;

function toTemplate(row: TemplateRow): ChecklistTemplate {
  return {
    id: row.id,
    name: row.name,
    lineId: row.line_id,
    lineCode: row.line_code,
    productId: row.product_id,
    productCode: row.product_code,
    version: row.version,
    active: row.active,
    items: row.items,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface TemplateFilter {
  lineId?: string;
  /**
   * A user limited to these lines: their lines' templates and those of every line (a product's);
   * null or absent: every template.
   */
  lineIds?: readonly string[] | null;
  productId?: string;
  /** `undefined`: active and retired. */
  active?: boolean;
}

export interface TemplateFields {
  name: string;
  lineId: string | null;
  productId: string | null;
  items: ChecklistItem[];
}

/** Checklist templates in SQL. */
@Injectable()
export class ChecklistTemplatesRepository extends BaseRepository {
  get(id: string, db?: EntityManager): Promise<ChecklistTemplate | null> {
    return this.one(`${SELECT_TEMPLATE} WHERE t.id = $1`, [id], toTemplate, db);
  }

  /** The template, locked against edits (`update`) or only against changes (`share`). */
  async lock(
    manager: EntityManager,
    id: string,
    mode: 'update' | 'share',
  ): Promise<ChecklistTemplate | null> {
    const [row] = await manager.query<TemplateRow[]>(
      `${SELECT_TEMPLATE} WHERE t.id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'} OF t`,
      [id],
    );
    return row ? toTemplate(row) : null;
  }

  async list(
    filter: TemplateFilter,
    page: number,
    pageSize: number,
  ): Promise<[ChecklistTemplate[], number]> {
    const where = new SqlWhere();
    if (filter.lineId) where.add((p) => `t.line_id = ${p}`, filter.lineId);
    if (filter.lineIds) {
      where.add((p) => `(t.line_id IS NULL OR t.line_id = ANY(${p}::uuid[]))`, filter.lineIds);
    }
    if (filter.productId) where.add((p) => `t.product_id = ${p}`, filter.productId);
    if (filter.active !== undefined) where.add((p) => `t.active = ${p}`, filter.active);
    return this.listPage({
      from: 'checklist_templates t',
      select: SELECT_TEMPLATE,
      where,
      orderBy: 't.active DESC, lower(t.name), t.id',
      map: toTemplate,
      page,
      pageSize,
    });
  }

  /**
   * The active templates that apply to an order of `productId` on `lineId`: those of the line,
   * those of the product, and those of that product on that line.
   */
  async applicable(
    lineId: string,
    productId: string,
    db: EntityManager = this.dataSource.manager,
    /** Inside a transaction: hold the templates until commit, so an edit waits for (or before) a start. */
    share = false,
  ): Promise<ChecklistTemplate[]> {
    const rows = await db.query<TemplateRow[]>(
      `${SELECT_TEMPLATE}
        WHERE t.active
          AND (t.line_id IS NULL OR t.line_id = $1)
          AND (t.product_id IS NULL OR t.product_id = $2)
        ORDER BY lower(t.name), t.id
        ${share ? 'FOR SHARE OF t' : ''}`,
      [lineId, productId],
    );
    return rows.map(toTemplate);
  }

  /** Whether the line and the product exist (`null` ids are not asked about). */
  async references(
    manager: EntityManager,
    lineId: string | null,
    productId: string | null,
  ): Promise<{ line: boolean; product: boolean }> {
    const [row] = await manager.query<Array<{ line: boolean; product: boolean }>>(
      `SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM lines WHERE id = $1)) AS line,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM products WHERE id = $2)) AS product`,
      [lineId, productId],
    );
    return { line: row?.line ?? false, product: row?.product ?? false };
  }

  async insert(manager: EntityManager, fields: TemplateFields, createdBy: string): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO checklist_templates (name, line_id, product_id, items, created_by)
       VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id`,
      [fields.name, fields.lineId, fields.productId, JSON.stringify(fields.items), createdBy],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return row.id;
  }

  async update(
    manager: EntityManager,
    id: string,
    fields: TemplateFields & { version: number; active: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE checklist_templates
          SET name = $2, line_id = $3, product_id = $4, items = $5::jsonb, version = $6,
              active = $7, updated_at = now()
        WHERE id = $1`,
      [
        id,
        fields.name,
        fields.lineId,
        fields.productId,
        JSON.stringify(fields.items),
        fields.version,
        fields.active,
      ],
    );
  }
}
