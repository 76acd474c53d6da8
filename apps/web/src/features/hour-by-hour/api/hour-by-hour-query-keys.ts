/** One shift occurrence of a line: a shift and the local date it starts on; null = the one running now. */
export interface ShiftOccurrence {
  shiftId: string;
  date: string;
}

/**
 * Hour-by-hour query keys, widest first: `all → line(lineId) → board(lineId, occurrence)`. Socket
 * events about a line invalidate `line(lineId)`; a resync invalidates `all`.
 */
export const hourByHourKeys = {
  all: ['hour-by-hour'] as const,
  lines: () => [...hourByHourKeys.all, 'line'] as const,
  line: (lineId: string) => [...hourByHourKeys.lines(), lineId] as const,
  board: (lineId: string, occurrence: ShiftOccurrence | null) =>
    [...hourByHourKeys.line(lineId), occurrence ?? 'now'] as const,
};
