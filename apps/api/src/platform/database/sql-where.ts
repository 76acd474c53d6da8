/** A WHERE clause built from optional conditions, its parameters numbered as they are added. */
export class SqlWhere {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** A condition on one value: `sql` receives the value's placeholder (`$3`). */
  add(sql: (placeholder: string) => string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(sql(`$${this.params.length}`));
    return this;
  }

  /** A condition without a value. */
  addLiteral(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** `WHERE a AND b`, or nothing when no condition was added. */
  toString(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
