import { DomainException } from '../common/domain.exception.js';

/**
 * The lines a caller may see and act on, resolved once per request: every line (`lineIds`
 * null) or a fixed list. The one policy every domain applies — to the objects it loads (`assert`),
 * to the filters a client passes (`narrow`) and to the rows its queries return (`lineIds` as a
 * `uuid[]` parameter, null meaning no restriction).
 *
 * Another line's object is answered `403 LINE_NOT_ASSIGNED`, not `404`: a line-limited user
 * still knows the plant's lines exist (the plant model lists them), so refusing openly tells
 * nothing new and lets the client say why.
 */
export class LineScope {
  private constructor(readonly lineIds: readonly string[] | null) {}

  static readonly everyLine = new LineScope(null);

  static of(lineIds: readonly string[] | null): LineScope {
    return lineIds === null ? LineScope.everyLine : new LineScope([...new Set(lineIds)].sort());
  }

  get limited(): boolean {
    return this.lineIds !== null;
  }

  allows(lineId: string): boolean {
    return this.lineIds === null || this.lineIds.includes(lineId);
  }

  /** `403 LINE_NOT_ASSIGNED` unless the line is in scope; `subject` names what is on it. */
  assert(lineId: string, subject = 'This call'): void {
    if (!this.allows(lineId)) {
      throw new DomainException(
        'LINE_NOT_ASSIGNED',
        `${subject} is on a line you are not assigned to`,
      );
    }
  }

  /** `assert` for every line of a request that touches several (e.g. a body naming equipment). */
  assertAll(lineIds: Iterable<string>, subject = 'This call'): void {
    for (const lineId of lineIds) this.assert(lineId, subject);
  }

  /**
   * The lines a list or aggregate is limited to: the one a client filtered by (refused when out
   * of scope, so a filter never silently answers an empty page), else the whole scope.
   */
  narrow(requestedLineId: string | undefined, subject = 'That line'): readonly string[] | null {
    if (requestedLineId === undefined) return this.lineIds;
    this.assert(requestedLineId, subject);
    return [requestedLineId];
  }
}
