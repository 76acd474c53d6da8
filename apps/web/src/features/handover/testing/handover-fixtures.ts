import type { Handover, HandoverDraft, HandoverSummary, Line, Shift } from '@ms5/contracts';

/** Test data for handovers: line L1, the Early shift 06:00–14:00 Berlin time on Tue 10 Mar 2026. */
export const LINE_ID = '7a2d3c9f-5e8b-4d2f-8b64-1d3c4e5f6a01';
export const EARLY_ID = '7a2d3c9f-5e8b-4d2f-8b64-1d3c4e5f6a11';
export const HANDOVER_ID = '7a2d3c9f-5e8b-4d2f-8b64-1d3c4e5f6a41';
export const AUTHOR_ID = '7a2d3c9f-5e8b-4d2f-8b64-1d3c4e5f6a51';
export const INCOMING_ID = '7a2d3c9f-5e8b-4d2f-8b64-1d3c4e5f6a52';

export function summary(overrides: Partial<HandoverSummary> = {}): HandoverSummary {
  return {
    output: { target: 480, shiftTarget: 480, actualGood: 455, actualReject: 7, gap: -25 },
    oee: { availability: 0.9, performance: 0.95, quality: 0.985, oee: 0.842175 },
    topLosses: [
      { reasonCode: 'JAM', reasonName: 'Jam', seconds: 1260, stops: 3 },
      { reasonCode: null, reasonName: 'No reason given', seconds: 300, stops: 2 },
    ],
    openAndonCalls: [
      {
        id: '7a2d3c9f-5e8b-4d2f-8b64-1d3c4e5f6a21',
        equipmentCode: 'FILL-1',
        type: 'maintenance',
        priority: 'high',
        status: 'acknowledged',
        raisedAt: '2026-03-10T12:40:00.000Z',
        description: 'Valve leaking',
      },
    ],
    openOrders: [
      {
        id: '7a2d3c9f-5e8b-4d2f-8b64-1d3c4e5f6a31',
        reference: 'PO-8',
        productCode: 'WIDGET',
        status: 'released',
        quantity: 500,
        plannedEnd: '2026-03-10T18:00:00.000Z',
      },
    ],
    openWorkOrders: null,
    ...overrides,
  };
}

const SHIFT = { id: EARLY_ID, name: 'Early', date: '2026-03-10', timezone: 'Europe/Berlin' };

export function draft(overrides: Partial<HandoverDraft> = {}): HandoverDraft {
  return {
    lineId: LINE_ID,
    lineCode: 'L1',
    shift: SHIFT,
    from: '2026-03-10T05:00:00.000Z',
    to: '2026-03-10T13:00:00.000Z',
    summary: summary(),
    existingHandoverId: null,
    generatedAt: '2026-03-10T12:55:00.000Z',
    ...overrides,
  };
}

export function handover(overrides: Partial<Handover> = {}): Handover {
  return {
    id: HANDOVER_ID,
    lineId: LINE_ID,
    lineCode: 'L1',
    shift: SHIFT,
    from: '2026-03-10T05:00:00.000Z',
    to: '2026-03-10T13:00:00.000Z',
    summary: summary(),
    notes: 'FILL-1 valve leaks; maintenance is on it.\nPO-8 is released, start it first.',
    createdBy: { id: AUTHOR_ID, displayName: 'Sam Early' },
    createdAt: '2026-03-10T12:58:00.000Z',
    acknowledgedBy: null,
    acknowledgedAt: null,
    acknowledgeNote: null,
    ...overrides,
  };
}

export const LINE: Line = {
  id: LINE_ID,
  code: 'L1',
  name: 'Bottling',
  areaId: null,
  microStopThresholdSeconds: 120,
  outputEquipmentId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const SHIFTS: Shift[] = [
  {
    id: EARLY_ID,
    lineId: LINE_ID,
    name: 'Early',
    startTime: '06:00',
    endTime: '14:00',
    timezone: 'Europe/Berlin',
    breaks: [],
  },
];

export function page<T>(items: T[], overrides: { page?: number; totalPages?: number } = {}) {
  return {
    items,
    page: overrides.page ?? 1,
    pageSize: 20,
    total: items.length,
    totalPages: overrides.totalPages ?? 1,
  };
}
