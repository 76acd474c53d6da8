import type { ReactNode } from 'react';
import type { HourByHour } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { isApiError } from '@/lib/api-client';
import type { RealtimeStatus } from '@/lib/realtime';
import type { ShiftOccurrence } from '@/features/hour-by-hour/api/hour-by-hour-query-keys';
import { HourByHourTable } from '@/features/hour-by-hour/components/hour-by-hour-table';
import { LiveStatus } from '@/features/hour-by-hour/components/live-status';
import { useHourByHourLive } from '@/features/hour-by-hour/hooks/use-hour-by-hour-live';
import {
  formatClock,
  formatClockRange,
  formatLocalDate,
  formatSigned,
  gapTone,
} from '@/lib/format';
import './hour-by-hour.css';

type BoardOrder = HourByHour['hours'][number]['orders'][number];

function formatOrder(order: BoardOrder): string {
  const cycle = `${Number(order.idealCycleTimeSeconds.toFixed(2))} s/part`;
  return order.reference === null
    ? `${order.productCode} (${cycle})`
    : `${order.reference} · ${order.productCode} (${cycle})`;
}

/** The orders of the running hour; for a shift not running now, every order planned in it. */
function ordersOf(board: HourByHour): { label: string; orders: BoardOrder[] } {
  const current = board.hours.find((row) => row.phase === 'current');
  if (current !== undefined) return { label: 'Running now', orders: current.orders };
  const byId = new Map<string, BoardOrder>();
  for (const row of board.hours) for (const order of row.orders) byId.set(order.id, order);
  return { label: 'Orders in this shift', orders: [...byId.values()] };
}

/**
 * Where the shift stands over the hours that have ended: the cumulative gap of the last one.
 * (The totals compare the good count with the whole shift's target, which only means "behind"
 * once the shift is over.) Null before the first hour ends.
 */
export function settledGap(board: HourByHour): number | null {
  const ended = board.hours.filter((row) => row.phase === 'past');
  return ended.at(-1)?.cumulativeGap ?? null;
}

export interface HourByHourViewProps {
  board: HourByHour;
  lineName?: string | undefined;
  /** The name of the equipment the board counts at (`board.outputEquipmentId`), when known. */
  outputEquipmentName?: string | undefined;
  wall: boolean;
  status: RealtimeStatus;
  refreshing?: boolean;
  /** Shown beside the live status (the wall screen's way back). */
  actions?: ReactNode;
}

/** One occurrence's board: who, when, what runs, the totals, then the hours. */
export function HourByHourView({
  board,
  lineName,
  outputEquipmentName,
  wall,
  status,
  refreshing = false,
  actions,
}: HourByHourViewProps) {
  const Heading = wall ? 'h1' : 'h2';
  const title =
    lineName === undefined ? `Line ${board.lineCode}` : `${lineName} (${board.lineCode})`;
  if (board.shift === null) {
    return (
      <section className="hbh-board" aria-label={`Hour by hour, ${title}`}>
        <header className="hbh-header">
          <Heading className="hbh-title">{title}</Heading>
          {actions}
        </header>
        <Alert tone="info" title="No shift to show">
          This line has no shift in its calendar. Set up its shifts in Configuration to see targets
          hour by hour.
        </Alert>
      </section>
    );
  }
  const { shift } = board;
  const running = ordersOf(board);
  const settled = settledGap(board);
  const caption = `Hour by hour, ${title}, ${shift.name} ${shift.date}`;
  return (
    <section className="hbh-board" aria-label={caption} aria-busy={refreshing || undefined}>
      <header className="hbh-header">
        <div>
          <Heading className="hbh-title">{title}</Heading>
          <p className="hbh-shift">
            <strong>{shift.name}</strong> · {formatLocalDate(shift.date)} ·{' '}
            {formatClockRange(board.from, board.to, shift.timezone)}{' '}
            <span className="muted">({shift.timezone})</span>
          </p>
        </div>
        <div className="hbh-header__status">
          <LiveStatus status={status} />
          <span className="muted">Updated {formatClock(board.generatedAt, shift.timezone)}</span>
          {actions}
        </div>
      </header>
      <dl className="hbh-facts">
        <div>
          <dt>Shift target</dt>
          <dd>{board.totals.target}</dd>
        </div>
        <div>
          <dt>Good so far</dt>
          <dd>{board.totals.actualGood}</dd>
        </div>
        <div>
          <dt>Gap after ended hours</dt>
          <dd className={settled === null ? undefined : `hbh-gap hbh-gap--${gapTone(settled)}`}>
            {settled === null ? '—' : formatSigned(settled)}
          </dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd>{board.totals.actualReject}</dd>
        </div>
        <div className="hbh-facts__wide">
          <dt>{running.label}</dt>
          <dd>
            {running.orders.length === 0
              ? 'No order planned'
              : running.orders.map(formatOrder).join(', ')}
          </dd>
        </div>
        <div className="hbh-facts__wide">
          <dt>Output counted at</dt>
          <dd>
            {board.outputEquipmentId === null
              ? "All of the line's equipment, summed (no output equipment set)"
              : (outputEquipmentName ?? 'The line’s output equipment')}
          </dd>
        </div>
      </dl>
      <HourByHourTable board={board} caption={caption} />
    </section>
  );
}

/** Plain words for what the server refused: no shift (409), no such line (404), no right (403). */
function BoardError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isApiError(error) && error.statusCode === 409) {
    return (
      <Alert tone="warning" title="No shift to show">
        {error.message}
      </Alert>
    );
  }
  if (isApiError(error) && error.statusCode === 404) {
    return (
      <Alert tone="warning" title="Line not found">
        {error.message}
      </Alert>
    );
  }
  if (isApiError(error) && error.statusCode === 400) {
    return (
      <Alert tone="warning" title="Check the shift and date">
        {error.fieldErrors.length > 0
          ? error.fieldErrors.map((field) => field.message).join(' · ')
          : error.message}
      </Alert>
    );
  }
  return (
    <ErrorState title="Could not load the hour-by-hour board" error={error} onRetry={onRetry} />
  );
}

export interface HourByHourBoardProps {
  lineId: string;
  occurrence: ShiftOccurrence | null;
  lineName?: string | undefined;
  /** Resolves the output equipment's name from its id (the page knows the line's equipment). */
  equipmentName?: (id: string) => string | undefined;
  wall: boolean;
  /** The shift picker and the wall toggle; not shown on the wall screen. */
  toolbar?: ReactNode;
  onExitWall?: () => void;
}

/**
 * The live hour-by-hour board of a line. On the wall (`wall`) it covers the whole screen in
 * large, high-contrast type with nothing but the board and a way back.
 */
export function HourByHourBoard({
  lineId,
  occurrence,
  lineName,
  equipmentName,
  wall,
  toolbar,
  onExitWall,
}: HourByHourBoardProps) {
  const { query, status } = useHourByHourLive(lineId, occurrence);
  const board = query.data;
  const exit =
    wall && onExitWall !== undefined ? (
      <Button variant="ghost" className="hbh-wall__exit" onClick={onExitWall}>
        Exit wall screen
      </Button>
    ) : undefined;
  const content = query.isPending ? (
    <>
      {exit}
      <LoadingState label="Loading the hours…" />
    </>
  ) : query.isError && board === undefined ? (
    <>
      {exit}
      <BoardError error={query.error} onRetry={() => void query.refetch()} />
    </>
  ) : board !== undefined ? (
    <>
      {query.isError ? (
        <Alert tone="warning" title="Showing the last figures received">
          {query.error.message}
        </Alert>
      ) : null}
      <HourByHourView
        board={board}
        lineName={lineName}
        outputEquipmentName={
          board.outputEquipmentId === null ? undefined : equipmentName?.(board.outputEquipmentId)
        }
        wall={wall}
        status={status}
        refreshing={query.isPlaceholderData}
        actions={exit}
      />
    </>
  ) : null;

  if (wall) return <div className="hbh hbh--wall">{content}</div>;
  return (
    <div className="hbh">
      {toolbar !== undefined ? <div className="hbh-toolbar">{toolbar}</div> : null}
      {content}
    </div>
  );
}
