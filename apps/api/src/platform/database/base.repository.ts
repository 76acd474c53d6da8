import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqlWhere } from './sql-where.js';

/**
 * What every repository over raw SQL shares: the data source, transactions, and reading one row by
 * a query. Subclasses without dependencies of their own need no constructor: Nest injects the data
 * source through this one.
 */
@Injectable()
export abstract class BaseRepository {
  constructor(@InjectDataSource() protected readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: what it writes commits together, or nothing does. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The first row of `sql` mapped by `map`, or `null` when there is none; read in the caller's
   * transaction when one is given.
   */
  protected async one<Row, T>(
    sql: string,
    params: readonly unknown[],
    map: (row: Row) => T,
    db: Pick<EntityManager, 'query'> = this.dataSource.manager,
  ): Promise<T | null> {
    const [row] = await db.query<Row[]>(sql, [...params]);
    return row ? map(row) : null;
  }

  /**
   * One page of a filtered list, and how many rows the filter matches in all. `from` is the FROM
   * clause the count runs over (`checklist_runs r`), `select` the statement that reads the rows
   * (up to its FROM and joins); both take the same `where`.
   */
  protected async listPage<Row, T>(query: {
    from: string;
    select: string;
    where: SqlWhere;
    orderBy: string;
    /**
     * Closes a `select` that pages ids in a subquery (`… WHERE w.id = ANY(ARRAY(SELECT w.id FROM …`):
     * written after its LIMIT / OFFSET, with the outer ORDER BY.
     */
    pageClose?: string;
    map: (row: Row) => T;
    page: number;
    pageSize: number;
  }): Promise<[T[], number]> {
    const { where } = query;
    const n = where.params.length;
    const [count] = await this.dataSource.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM ${query.from} ${where.toString()}`,
      where.params,
    );
    const rows = await this.dataSource.query<Row[]>(
      `${query.select} ${where.toString()} ORDER BY ${query.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}${query.pageClose ?? ''}`,
      [...where.params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return [rows.map(query.map), count?.total ?? 0];
  }
}
