import { useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { HourByHour } from '@ms5/contracts';
import { useRealtime } from '@/lib/realtime';
import { getHourByHourQueryOptions } from '@/features/hour-by-hour/api/get-hour-by-hour';
import {
  type ShiftOccurrence,
  hourByHourKeys,
} from '@/features/hour-by-hour/api/hour-by-hour-query-keys';

/** The fallback: the board asks again on its own every minute, in case the push channel is down. */
export const HOUR_BY_HOUR_POLL_MS = 60_000;

/** setTimeout cannot wait longer than about 24.8 days; a board never needs to. */
const MAX_TIMER_MS = 6 * 60 * 60_000;

/**
 * The next instant the board changes shape by itself: a running hour ends or a coming one
 * begins (the shift's own hour boundaries, so half-hour time zones work too). Null when every
 * hour has passed.
 */
export function nextHourTurn(board: HourByHour, now: number): number | null {
  let next: number | null = null;
  for (const row of board.hours) {
    for (const instant of [Date.parse(row.start), Date.parse(row.end)]) {
      if (instant > now && (next === null || instant < next)) next = instant;
    }
  }
  return next;
}

/**
 * The hour-by-hour board of one line, kept live: counts (`oee.line.updated`), orders
 * (`production.order.changed`) and handovers of the line invalidate it at once; it also asks again
 * every minute, and right after the hour turns so the current hour moves on time.
 */
export function useHourByHourLive(lineId: string, occurrence: ShiftOccurrence | null) {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    const invalidateLine = () =>
      void queryClient.invalidateQueries({ queryKey: hourByHourKeys.line(lineId) });
    const forThisLine = (payload: { lineId?: string | null }) => {
      if (payload.lineId === undefined || payload.lineId === null || payload.lineId === lineId)
        invalidateLine();
    };
    return {
      'oee.line.updated': forThisLine,
      'production.order.changed': forThisLine,
      'handover.changed': forThisLine,
      'realtime.resync': invalidateLine,
      'realtime.ready': invalidateLine,
    };
  }, [queryClient, lineId]);
  const status = useRealtime(handlers);

  const query = useQuery({
    ...getHourByHourQueryOptions(lineId, occurrence),
    refetchInterval: HOUR_BY_HOUR_POLL_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
    // While another shift of the same line loads, keep the old hours on screen (never another line's).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === lineId ? previous : undefined,
  });

  const board = query.data;
  useEffect(() => {
    if (board === undefined) return;
    const now = Date.now();
    const turn = nextHourTurn(board, now);
    if (turn === null) return;
    // A second after the boundary, so the server already sees the new hour.
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: hourByHourKeys.line(lineId) }),
      Math.min(turn - now + 1000, MAX_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [board, lineId, queryClient]);

  return { query, status };
}
