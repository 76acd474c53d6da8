import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  type AcknowledgeHandoverInput,
  type CreateHandoverInput,
  type Handover,
  type HandoverDraft,
  type HandoverDraftQuery,
  type HandoverListQuery,
  type HandoverSummary,
  type Paginated,
  type SessionUser,
  toPage,
} from '@ms5/contracts';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { LineAccessService } from '../../platform/line-access/line-access.service.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import {
  PG_UNIQUE_VIOLATION,
  withConstraintErrors,
} from '../../platform/common/database-errors.js';
import { DomainException, notFound } from '../../platform/common/domain.exception.js';
import { FieldValidationException } from '../../platform/common/validation.js';
import { DowntimeService } from '../downtime/downtime.service.js';
import {
  HourByHourService,
  type LineOutput,
  type LineShiftOccurrence,
} from '../hour-by-hour/hour-by-hour.service.js';
import { OeeService } from '../oee/oee.service.js';
import { OutboxDispatcher } from '../../platform/realtime/outbox-dispatcher.js';
import { OutboxRepository } from '../../platform/realtime/outbox.repository.js';
import { lineAudience } from '../../platform/realtime/rooms.js';
import { HandoverRepository } from './handover.repository.js';

const ENTITY_TYPE = 'handover';
const SUBJECT = 'This handover';
const TOP_LOSSES = 5;
/** Orders planned to start within this long of the summary are still to do. */
const OPEN_ORDER_HORIZON_MS = 24 * 3_600_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Shift handover: the server sums up a shift occurrence of a line (output against target, OEE,
 * top losses, open andon calls and orders); the outgoing manager adds notes and the summary is
 * frozen; the incoming manager — someone else — acknowledges it once. Audited, and announced as
 * `handover.changed` through the outbox, in the same transaction.
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly handovers: HandoverRepository,
    private readonly hourByHour: HourByHourService,
    private readonly oee: OeeService,
    private readonly downtime: DowntimeService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly lineAccess: LineAccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * The summary of an occurrence (default: of those that began, the one ending nearest to now)
   * computed now, not stored.
   */
  async draft(
    lineId: string,
    query: HandoverDraftQuery,
    user: SessionUser,
  ): Promise<HandoverDraft> {
    const now = this.clock.now().getTime();
    const scope = await this.lineAccess.scopeOf(user);
    const { line, occurrence } = await this.hourByHour.occurrence(lineId, query, now, 'ending', {
      scope,
      subject: SUBJECT,
    });
    const summary = await this.summarize(line, occurrence, now);
    return {
      lineId: line.id,
      lineCode: line.code,
      shift: occurrence.shift,
      from: iso(occurrence.start),
      to: iso(occurrence.end),
      summary,
      existingHandoverId: await this.handovers.findForOccurrence(
        line.id,
        occurrence.shift.id,
        occurrence.shift.date,
      ),
      generatedAt: iso(now),
    };
  }

  /** Writes the handover of an occurrence that has begun: the summary as of now, and the notes. */
  async create(input: CreateHandoverInput, actor: SessionUser): Promise<Handover> {
    const now = this.clock.now().getTime();
    if ((await this.hourByHour.line(input.lineId)) === null) {
      throw new DomainException('INVALID_REFERENCE', 'Unknown lineId', [
        { path: 'lineId', message: 'Does not exist' },
      ]);
    }
    (await this.lineAccess.scopeOf(actor)).assert(input.lineId, SUBJECT);
    const { line, occurrence } = await this.hourByHour.occurrence(
      input.lineId,
      input,
      now,
      'ending',
    );
    if (occurrence.start > now) {
      throw new FieldValidationException([
        {
          path: 'date',
          message: `Shift ${occurrence.shift.name} on ${occurrence.shift.date} has not begun yet`,
        },
      ]);
    }
    const summary = await this.summarize(line, occurrence, now);
    const handover = await withConstraintErrors(
      () =>
        this.handovers.transaction(async (manager) => {
          await this.handovers.lockLine(manager, line.id);
          const existing = await this.handovers.findForOccurrence(
            line.id,
            occurrence.shift.id,
            occurrence.shift.date,
            manager,
          );
          if (existing !== null) throw alreadyWritten(occurrence, existing);
          const id = await this.handovers.insert(manager, {
            lineId: line.id,
            shiftId: occurrence.shift.id,
            shiftName: occurrence.shift.name,
            timezone: occurrence.shift.timezone,
            shiftDate: occurrence.shift.date,
            periodStart: new Date(occurrence.start),
            periodEnd: new Date(occurrence.end),
            summary,
            notes: input.notes,
            createdBy: actor.id,
            createdAt: new Date(now),
          });
          const after = await this.mustGet(id, manager);
          await this.audit.record(manager, {
            actor,
            action: `${ENTITY_TYPE}.created`,
            entityType: ENTITY_TYPE,
            entityId: id,
            after,
          });
          await this.announce(manager, after, now);
          return after;
        }),
      {
        // Two managers writing the same shift's handover at once: the second is told so.
        known: [
          {
            code: PG_UNIQUE_VIOLATION,
            constraint: 'shift_handovers_occurrence_idx',
            error: () => alreadyWritten(occurrence, null),
          },
        ],
      },
    );
    this.dispatcher.kick();
    return handover;
  }

  /** The incoming manager confirms the handover: not its author (403), and only once (409). */
  async acknowledge(
    id: string,
    input: AcknowledgeHandoverInput,
    actor: SessionUser,
  ): Promise<Handover> {
    const now = this.clock.now().getTime();
    const scope = await this.lineAccess.scopeOf(actor);
    const handover = await this.handovers.transaction(async (manager) => {
      const before = await this.handovers.lock(manager, id);
      if (!before) throw notFound('Handover', id);
      // Another line's handover is refused before anything is said about its state.
      scope.assert(before.lineId, SUBJECT);
      if (before.createdBy.id === actor.id) {
        throw new ForbiddenException(
          'You wrote this handover: the incoming shift manager acknowledges it, not its author',
        );
      }
      if (before.acknowledgedBy !== null) {
        throw new DomainException(
          'ALREADY_ACKNOWLEDGED',
          `This handover was already acknowledged by ${before.acknowledgedBy.displayName} at ${before.acknowledgedAt ?? '?'}`,
        );
      }
      await this.handovers.acknowledge(manager, id, actor.id, new Date(now), input.note || null);
      const after = await this.mustGet(id, manager);
      await this.audit.record(manager, {
        actor,
        action: `${ENTITY_TYPE}.acknowledged`,
        entityType: ENTITY_TYPE,
        entityId: id,
        before: { acknowledgedBy: null, acknowledgedAt: null },
        after: {
          acknowledgedBy: after.acknowledgedBy,
          acknowledgedAt: after.acknowledgedAt,
          acknowledgeNote: after.acknowledgeNote,
        },
      });
      await this.announce(manager, after, now);
      return after;
    });
    this.dispatcher.kick();
    return handover;
  }

  /** 403 for a handover of a line the user is not assigned to. */
  async get(id: string, user: SessionUser): Promise<Handover> {
    const handover = await this.mustGet(id);
    (await this.lineAccess.scopeOf(user)).assert(handover.lineId, SUBJECT);
    return handover;
  }

  /** Only the handovers of the lines the user may see; `lineId` of another line is 403. */
  async list(query: HandoverListQuery, user: SessionUser): Promise<Paginated<Handover>> {
    const scope = await this.lineAccess.scopeOf(user);
    const [items, total] = await this.handovers.list(
      {
        lineIds: scope.narrow(query.lineId),
        status: query.status,
      },
      query.page,
      query.pageSize,
    );
    return toPage(items, total, query);
  }

  /**
   * The occurrence summed up as of `now`: output from the hour-by-hour board, the line's OEE and
   * the downtime Pareto over the occurrence up to now, and what is still open at `now`.
   */
  private async summarize(
    line: LineOutput,
    occurrence: LineShiftOccurrence,
    now: number,
  ): Promise<HandoverSummary> {
    const window = { lineId: line.id, from: iso(occurrence.start), to: iso(occurrence.end) };
    const [board, oee, pareto, reasons, openAndonCalls, openOrders, openWorkOrders] =
      await Promise.all([
        this.hourByHour.compute(line, occurrence, now),
        this.oee.report(window, now),
        this.downtime.pareto(window, now),
        this.hourByHour.reasons(),
        this.handovers.openAndonCalls(line.id, new Date(now)),
        this.handovers.openOrders(line.id, new Date(now + OPEN_ORDER_HORIZON_MS)),
        this.handovers.openWorkOrders(line.id, new Date(now)),
      ]);
    return {
      output: {
        target: board.totals.targetSoFar,
        shiftTarget: board.totals.target,
        actualGood: board.totals.actualGood,
        actualReject: board.totals.actualReject,
        gap: board.totals.gapSoFar,
      },
      oee: {
        availability: oee.availability,
        performance: oee.performance,
        quality: oee.quality,
        oee: oee.oee,
      },
      topLosses: pareto.items
        .filter(
          (item) => item.reasonCode === null || reasons.get(item.reasonCode)?.planned !== true,
        )
        .slice(0, TOP_LOSSES)
        .map((item) => ({
          reasonCode: item.reasonCode,
          reasonName: item.reasonName,
          seconds: Math.round(item.seconds * 1000) / 1000,
          stops: item.stops,
        })),
      openAndonCalls,
      openOrders,
      openWorkOrders,
    };
  }

  private async announce(manager: EntityManager, handover: Handover, now: number): Promise<void> {
    await this.outbox.append(manager, {
      event: 'handover.changed',
      payload: {
        id: handover.id,
        lineId: handover.lineId,
        at: iso(now),
        acknowledged: handover.acknowledgedBy !== null,
      },
      rooms: lineAudience(handover.lineId),
    });
  }

  private async mustGet(id: string, manager?: EntityManager): Promise<Handover> {
    const handover = await this.handovers.get(id, manager);
    if (!handover) throw notFound('Handover', id);
    return handover;
  }
}

function alreadyWritten(
  occurrence: LineShiftOccurrence,
  existingId: string | null,
): DomainException {
  return new DomainException(
    'HANDOVER_EXISTS',
    `The handover of shift ${occurrence.shift.name} on ${occurrence.shift.date} is already written${existingId ? ` (${existingId})` : ''}`,
  );
}
