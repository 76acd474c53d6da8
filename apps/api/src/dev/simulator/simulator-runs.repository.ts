import { Injectable } from '@nestjs/common';
import type { SimulatorRun, SimulatorStatus } from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { BaseRepository } from '../../platform/database/base.repository.js';
import { SqlWhere } from '../../platform/database/sql-where.js';

interface RunRow {
  id: string;
  seed: string;
  speed: number;
  line_ids: string[];
  status: SimulatorStatus;
  started_at: Date;
  stopped_at: Date | null;
  started_by: string | null;
  started_by_username: string | null;
  events_sent: string;
  andon_calls: number;
}

const SELECT_RUN = `
  SELECT r.id, r.seed, r.speed, r.line_ids, r.status, r.started_at, r.stopped_at, r.started_by,
         u.username AS started_by_username, r.events_sent, r.andon_calls
    FROM simulator_runs r LEFT JOIN users u ON u.id = r.started_by`;

function toRun(row: RunRow): SimulatorRun {
  return {
    id: row.id,
    seed: Number(row.seed),
    speed: row.speed,
    lineIds: row.line_ids,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    stoppedAt: row.stopped_at ? row.stopped_at.toISOString() : null,
    startedBy:
      row.started_by && row.started_by_username
        ? { id: row.started_by, username: row.started_by_username }
        : null,
    eventsSent: Number(row.events_sent),
    andonCalls: row.andon_calls,
  };
}

/** The `simulator_runs` table: the history of runs and the one active run. */
@Injectable()
export class SimulatorRunsRepository extends BaseRepository {
  async active(manager?: EntityManager, lock = false): Promise<SimulatorRun | null> {
    const rows: RunRow[] = await (manager ?? this.dataSource).query(
      `${SELECT_RUN} WHERE r.status <> 'stopped' ORDER BY r.started_at DESC LIMIT 1${lock ? ' FOR UPDATE OF r' : ''}`,
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  get(id: string, manager?: EntityManager): Promise<SimulatorRun | null> {
    return this.one(`${SELECT_RUN} WHERE r.id = $1`, [id], toRun, manager);
  }

  async insert(
    manager: EntityManager,
    run: { seed: number; speed: number; lineIds: readonly string[]; startedBy: string | null },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO simulator_runs (seed, speed, line_ids, status, started_by)
       VALUES ($1, $2, $3::uuid[], 'running', $4) RETURNING id`,
      [run.seed, run.speed, run.lineIds, run.startedBy],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('simulator run not inserted');
    return id;
  }

  async setStatus(manager: EntityManager, id: string, status: SimulatorStatus): Promise<void> {
    await manager.query(
      `UPDATE simulator_runs
          SET status = $2, updated_at = now(),
              stopped_at = CASE WHEN $2 = 'stopped' THEN now() ELSE stopped_at END
        WHERE id = $1`,
      [id, status],
    );
  }

  async addCounts(id: string, events: number, andonCalls: number): Promise<void> {
    if (events === 0 && andonCalls === 0) return;
    await this.dataSource.query(
      `UPDATE simulator_runs SET events_sent = events_sent + $2, andon_calls = andon_calls + $3,
              updated_at = now() WHERE id = $1`,
      [id, events, andonCalls],
    );
  }

  page(page: number, pageSize: number): Promise<[SimulatorRun[], number]> {
    return this.listPage({
      from: 'simulator_runs r',
      select: SELECT_RUN,
      where: new SqlWhere(),
      orderBy: 'r.started_at DESC, r.id',
      map: toRun,
      page,
      pageSize,
    });
  }
}
