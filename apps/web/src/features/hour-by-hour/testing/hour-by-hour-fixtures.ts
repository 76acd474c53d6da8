import type { Equipment, HourByHour, HourByHourRow, Line, Shift } from '@ms5/contracts';

/** Test data for the hour-by-hour board: line L1, the Early shift of Tue 10 Mar 2026 in Berlin (UTC+1). */
export const LINE_ID = '6f1c2b8e-4d7a-4c1e-9a53-0c2b3d4e5f01';
export const OTHER_LINE_ID = '6f1c2b8e-4d7a-4c1e-9a53-0c2b3d4e5f02';
export const EARLY_ID = '6f1c2b8e-4d7a-4c1e-9a53-0c2b3d4e5f11';
export const LATE_ID = '6f1c2b8e-4d7a-4c1e-9a53-0c2b3d4e5f12';
export const FILLER_ID = '6f1c2b8e-4d7a-4c1e-9a53-0c2b3d4e5f21';

const ORDER = {
  id: '6f1c2b8e-4d7a-4c1e-9a53-0c2b3d4e5f31',
  reference: 'PO-7',
  productCode: 'WIDGET',
  idealCycleTimeSeconds: 60,
};

export function row(overrides: Partial<HourByHourRow> & Pick<HourByHourRow, 'start' | 'end'>) {
  return {
    plannedSeconds: 3600,
    target: 60,
    actualGood: 0,
    actualReject: 0,
    cumulativeTarget: 0,
    cumulativeActual: 0,
    cumulativeGap: 0,
    orders: [ORDER],
    phase: 'past',
    short: false,
    topLoss: null,
    ...overrides,
  } satisfies HourByHourRow;
}

/**
 * Five hours 06:00–11:00 local (05:00Z–10:00Z): made on target, short by 15 (a 12-minute jam),
 * made with 10 over, running now, not begun.
 */
export function board(overrides: Partial<HourByHour> = {}): HourByHour {
  return {
    lineId: LINE_ID,
    lineCode: 'L1',
    outputEquipmentId: FILLER_ID,
    shift: { id: EARLY_ID, name: 'Early', date: '2026-03-10', timezone: 'Europe/Berlin' },
    from: '2026-03-10T05:00:00.000Z',
    to: '2026-03-10T10:00:00.000Z',
    hours: [
      row({
        start: '2026-03-10T05:00:00.000Z',
        end: '2026-03-10T06:00:00.000Z',
        actualGood: 60,
        cumulativeTarget: 60,
        cumulativeActual: 60,
        cumulativeGap: 0,
      }),
      row({
        start: '2026-03-10T06:00:00.000Z',
        end: '2026-03-10T07:00:00.000Z',
        actualGood: 45,
        actualReject: 3,
        cumulativeTarget: 120,
        cumulativeActual: 105,
        cumulativeGap: -15,
        short: true,
        topLoss: { reasonCode: 'JAM', reasonName: 'Jam', seconds: 720 },
      }),
      row({
        start: '2026-03-10T07:00:00.000Z',
        end: '2026-03-10T08:00:00.000Z',
        actualGood: 70,
        actualReject: 1,
        cumulativeTarget: 180,
        cumulativeActual: 175,
        cumulativeGap: -5,
      }),
      row({
        start: '2026-03-10T08:00:00.000Z',
        end: '2026-03-10T09:00:00.000Z',
        phase: 'current',
        actualGood: 20,
        cumulativeTarget: 240,
        cumulativeActual: 195,
        cumulativeGap: -45,
      }),
      row({
        start: '2026-03-10T09:00:00.000Z',
        end: '2026-03-10T10:00:00.000Z',
        phase: 'future',
        cumulativeTarget: 300,
        cumulativeActual: 195,
        cumulativeGap: -105,
      }),
    ],
    totals: {
      plannedSeconds: 18_000,
      target: 300,
      actualGood: 195,
      actualReject: 4,
      gap: -105,
      targetSoFar: 260,
      gapSoFar: -65,
    },
    generatedAt: '2026-03-10T08:20:00.000Z',
    ...overrides,
  };
}

export const LINE: Line = {
  id: LINE_ID,
  code: 'L1',
  name: 'Bottling',
  areaId: null,
  microStopThresholdSeconds: 120,
  outputEquipmentId: FILLER_ID,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const SHIFTS: Shift[] = [
  {
    id: EARLY_ID,
    lineId: LINE_ID,
    name: 'Early',
    startTime: '06:00',
    endTime: '11:00',
    timezone: 'Europe/Berlin',
    breaks: [],
  },
  {
    id: LATE_ID,
    lineId: LINE_ID,
    name: 'Late',
    startTime: '14:00',
    endTime: '22:00',
    timezone: 'Asia/Kolkata',
    breaks: [{ startTime: '18:00', durationMinutes: 30 }],
  },
];

export const FILLER: Equipment = {
  id: FILLER_ID,
  code: 'FILL-1',
  name: 'Filler one',
  lineId: LINE_ID,
  idealCycleTimeSeconds: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export function page<T>(items: T[]) {
  return { items, page: 1, pageSize: 200, total: items.length, totalPages: 1 };
}
