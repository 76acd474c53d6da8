import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '@ms5/migrations';
import { DataSource } from 'typeorm';
import { UNLIMITED_POOL, dataSourceOptions } from '../../platform/database/database.js';
import { serverUrl, withAdminClient } from '../../../test/support/test-database.js';

const MIGRATION = 'AddWorkOrderChecklists1765300000000';
/** The migrations up to this one: later ones must not run in its test. */
const throughThis = migrations.slice(
  0,
  migrations.findIndex((m) => new m().name === MIGRATION) + 1,
);

function dataSourceWith(url: string, known: typeof migrations): DataSource {
  return new DataSource({
    ...dataSourceOptions(url, UNLIMITED_POOL),
    migrations: known,
    migrationsTransactionMode: 'each',
  });
}

async function migrate(url: string, known: typeof migrations): Promise<string[]> {
  const dataSource = dataSourceWith(url, known);
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations()).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Work-order checklists on a database of their own: migrated up to the step before with a work
 * order and a job's checklist run in it, then up (both stay, unlinked), the rules the columns hold
 * themselves, and back down.
 */
describe(`migration ${MIGRATION} on real PostgreSQL`, () => {
  const name = `ms5_test_mig_${randomBytes(5).toString('hex')}`;
  const url = serverUrl(name);
  const position = migrations.findIndex((m) => new m().name === MIGRATION);
  let db: DataSource;
  let userId: string;
  let equipmentId: string;
  let lineId: string;
  let orderId: string;
  let templateId: string;
  let runId: string;

  const columns = async () =>
    (
      await db.query<Array<{ column: string }>>(
        `SELECT table_name || '.' || column_name AS column FROM information_schema.columns
          WHERE (table_name = 'work_orders' AND column_name IN
                  ('checklist_template_id', 'checklist_required', 'follow_up_of', 'follow_up_item_id'))
             OR (table_name = 'checklist_runs' AND column_name = 'work_order_id')
          ORDER BY 1`,
      )
    ).map((row) => row.column);

  const insertOrder = (number: string, columns: Record<string, unknown> = {}) => {
    const values: Record<string, unknown> = {
      number,
      type: 'corrective',
      priority: 'medium',
      equipment_id: equipmentId,
      line_id: lineId,
      title: 'Check',
      created_at: new Date(),
      created_by: userId,
      updated_at: new Date(),
      ...columns,
    };
    const keys = Object.keys(values);
    return db.query<Array<{ id: string }>>(
      `INSERT INTO work_orders (${keys.join(', ')})
       VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
  };

  const insertRun = (columns: Record<string, unknown>) => {
    const keys = Object.keys(columns);
    return db.query<Array<{ id: string }>>(
      `INSERT INTO checklist_runs (template_id, template_version, template_name, line_id, items,
                                   answers, passed, blocking, completed_by, ${keys.join(', ')})
       VALUES ($1, 1, 'Safety', $2, '[]', '[]', true, false, $3,
               ${keys.map((_, i) => `$${i + 4}`).join(', ')}) RETURNING id`,
      [templateId, lineId, userId, ...Object.values(columns)],
    );
  };

  beforeAll(async () => {
    if (position < 1) throw new Error(`${MIGRATION} is not registered in @ms5/migrations`);
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    await migrate(url, migrations.slice(0, position));
    db = dataSourceWith(url, []);
    await db.initialize();
    const [user] = await db.query<Array<{ id: string }>>(
      `INSERT INTO users (username, display_name, role, password_hash)
       VALUES ('mig', 'Mig', 'engineer', 'x') RETURNING id`,
    );
    userId = user?.id ?? '';
    const [site] = await db.query<Array<{ id: string }>>(
      `INSERT INTO sites (code, name) VALUES ('S', 'Site') RETURNING id`,
    );
    const [area] = await db.query<Array<{ id: string }>>(
      `INSERT INTO areas (site_id, code, name) VALUES ($1, 'A', 'Area') RETURNING id`,
      [site?.id],
    );
    const [line] = await db.query<Array<{ id: string }>>(
      `INSERT INTO lines (area_id, code, name) VALUES ($1, 'L1', 'Line') RETURNING id`,
      [area?.id],
    );
    lineId = line?.id ?? '';
    const [equipment] = await db.query<Array<{ id: string }>>(
      `INSERT INTO equipment (line_id, code, name, ideal_cycle_time_seconds)
       VALUES ($1, 'P1', 'Press', 1) RETURNING id`,
      [lineId],
    );
    equipmentId = equipment?.id ?? '';
    const [template] = await db.query<Array<{ id: string }>>(
      `INSERT INTO checklist_templates (name, line_id, items) VALUES ('Safety', $1, '[]') RETURNING id`,
      [lineId],
    );
    templateId = template?.id ?? '';
    const [order] = await insertOrder('WO-2026-00001');
    orderId = order?.id ?? '';
    const [run] = await db.query<Array<{ id: string }>>(
      `INSERT INTO checklist_runs (template_id, template_version, template_name, line_id, items,
                                   answers, passed, blocking, completed_by)
       VALUES ($1, 1, 'Safety', $2, '[]', '[]', true, false, $3) RETURNING id`,
      [templateId, lineId, userId],
    );
    runId = run?.id ?? '';
  });
  afterAll(async () => {
    await db?.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('adds the columns and keeps the work orders and runs, with no checklist and no link', async () => {
    expect(await migrate(url, throughThis)).toEqual([MIGRATION]);
    expect(await columns()).toEqual([
      'checklist_runs.work_order_id',
      'work_orders.checklist_required',
      'work_orders.checklist_template_id',
      'work_orders.follow_up_item_id',
      'work_orders.follow_up_of',
    ]);
    expect(
      await db.query(`SELECT id, checklist_template_id, checklist_required FROM work_orders`),
    ).toEqual([{ id: orderId, checklist_template_id: null, checklist_required: false }]);
    expect(await db.query(`SELECT id, work_order_id FROM checklist_runs`)).toEqual([
      { id: runId, work_order_id: null },
    ]);
  });

  it('holds a required checklist to a template, one follow-up per item, a run to one subject', async () => {
    await expect(insertOrder('WO-2026-00002', { checklist_required: true })).rejects.toThrow(
      /work_orders_checklist_required_template/,
    );
    const [withChecklist] = await insertOrder('WO-2026-00003', {
      checklist_template_id: templateId,
      checklist_required: true,
    });
    await expect(insertOrder('WO-2026-00004', { follow_up_item_id: 'item-1' })).rejects.toThrow(
      /work_orders_follow_up_item/,
    );
    await insertOrder('WO-2026-00005', {
      follow_up_of: withChecklist?.id,
      follow_up_item_id: 'i1',
    });
    await expect(
      insertOrder('WO-2026-00006', { follow_up_of: withChecklist?.id, follow_up_item_id: 'i1' }),
    ).rejects.toThrow(/work_orders_follow_up_item_uq/);
    await insertOrder('WO-2026-00007', { follow_up_of: withChecklist?.id });
    await insertRun({ work_order_id: withChecklist?.id });
    const [job] = await db.query<Array<{ id: string }>>(`SELECT gen_random_uuid() AS id`);
    await expect(insertRun({ work_order_id: withChecklist?.id, job_id: job?.id })).rejects.toThrow(
      /checklist_runs_one_subject/,
    );
  });

  it('goes back: the columns are gone, the work orders and the job run stay', async () => {
    const dataSource = dataSourceWith(url, throughThis);
    await dataSource.initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await columns()).toEqual([]);
    expect(await db.query(`SELECT id FROM checklist_runs`)).toEqual([{ id: runId }]);
    expect((await db.query(`SELECT id FROM work_orders`)).length).toBe(4);
  });
});
