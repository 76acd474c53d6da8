import { queryOptions } from '@tanstack/react-query';
import { type HourByHour, hourByHourSchema } from '@ms5/contracts';
import { api } from '@/lib/api-client';
import {
  type ShiftOccurrence,
  hourByHourKeys,
} from '@/features/hour-by-hour/api/hour-by-hour-query-keys';

/**
 * `GET /api/lines/:id/hour-by-hour?shiftId&date`: the occurrence's hours, targets against good
 * counts. Without an occurrence, the one running now (or the last that ended); 409 when the line
 * has no shift to show.
 */
export function getHourByHour(
  lineId: string,
  occurrence: ShiftOccurrence | null,
  signal?: AbortSignal,
): Promise<HourByHour> {
  return api.get(`/api/lines/${encodeURIComponent(lineId)}/hour-by-hour`, hourByHourSchema, {
    query: occurrence === null ? {} : { shiftId: occurrence.shiftId, date: occurrence.date },
    signal,
  });
}

export function getHourByHourQueryOptions(lineId: string, occurrence: ShiftOccurrence | null) {
  return queryOptions({
    queryKey: hourByHourKeys.board(lineId, occurrence),
    queryFn: ({ signal }) => getHourByHour(lineId, occurrence, signal),
  });
}
