import { Injectable } from '@nestjs/common';
import type { AndonInsights, AndonInsightsQuery, AndonResponseStats } from '@ms5/contracts';
import { BaseRepository } from '../../platform/database/base.repository.js';

interface StatsRow {
  key: string;
  calls: number;
  ack: number | null;
  res: number | null;
}

/** Andon response statistics, computed in SQL over the calls raised in `[from, to)`. */
@Injectable()
export class AndonInsightsRepository extends BaseRepository {
  /** `lineIds`: the lines the figures cover (a filter or the caller's scope); null: every line. */
  async compute(
    query: Pick<AndonInsightsQuery, 'from' | 'to'>,
    lineIds: readonly string[] | null,
  ): Promise<AndonInsights> {
    const scope = `
      WITH scoped AS (
        SELECT * FROM andon_calls
         WHERE raised_at >= $1 AND raised_at < $2
           AND ($3::uuid[] IS NULL OR line_id = ANY($3::uuid[]))
      )`;
    const params = [query.from, query.to, lineIds];
    const stats = (key: string) =>
      this.dataSource.query<StatsRow[]>(
        `${scope}
         SELECT ${key} AS key, count(*)::int AS calls,
                avg(response_seconds) AS ack, avg(resolution_seconds) AS res
           FROM scoped GROUP BY 1 ORDER BY 1`,
        params,
      );
    const [byType, byLine, byPriority, byHour, top, total] = await Promise.all([
      stats('type'),
      stats('line_id::text'),
      stats('priority'),
      this.dataSource.query<Array<{ hour: number; calls: number }>>(
        `${scope}
         SELECT h AS hour, count(s.id)::int AS calls
           FROM generate_series(0, 23) AS h
           LEFT JOIN scoped s ON EXTRACT(HOUR FROM s.raised_at AT TIME ZONE 'UTC') = h
          GROUP BY h ORDER BY h`,
        params,
      ),
      this.dataSource.query<Array<{ id: string; code: string; name: string; calls: number }>>(
        `${scope}
         SELECT e.id, e.code, e.name, count(*)::int AS calls
           FROM scoped s JOIN equipment e ON e.id = s.equipment_id
          GROUP BY e.id, e.code, e.name ORDER BY calls DESC, e.code LIMIT 10`,
        params,
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `${scope} SELECT count(*)::int AS total FROM scoped`,
        params,
      ),
    ]);
    const toStats = (row: StatsRow): AndonResponseStats => ({
      key: row.key,
      calls: row.calls,
      meanSecondsToAcknowledge: row.ack === null ? null : Number(row.ack),
      meanSecondsToResolve: row.res === null ? null : Number(row.res),
    });
    return {
      from: new Date(query.from).toISOString(),
      to: new Date(query.to).toISOString(),
      total: total[0]?.total ?? 0,
      byType: byType.map(toStats),
      byLine: byLine.map(toStats),
      byPriority: byPriority.map(toStats),
      byHourOfDay: byHour,
      topEquipment: top.map((row) => ({
        equipmentId: row.id,
        code: row.code,
        name: row.name,
        calls: row.calls,
      })),
    };
  }
}
