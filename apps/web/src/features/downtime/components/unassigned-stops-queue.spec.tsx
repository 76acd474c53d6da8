import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DowntimeReason, DowntimeStop } from '@ms5/contracts';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { UnassignedStopsQueue } from '@/features/downtime/components/unassigned-stops-queue';

const LINE_ID = '0b6f0c43-65b3-4e0c-9f7e-0d8f33b0a001';
const PRESS_ID = '0b6f0c43-65b3-4e0c-9f7e-0d8f33b0a002';

function stop(overrides: Partial<DowntimeStop>): DowntimeStop {
  return {
    equipmentId: PRESS_ID,
    equipmentCode: 'PRESS-1',
    lineId: LINE_ID,
    state: 'stopped',
    startedAt: '2026-03-10T08:00:00.000Z',
    endedAt: '2026-03-10T08:12:00.000Z',
    durationSeconds: 720,
    microStop: false,
    reasonCode: null,
    reasonName: null,
    reasonSource: null,
    assignedBy: null,
    assignedAt: null,
    comment: null,
    ...overrides,
  };
}

const FIRST = stop({});
const SECOND = stop({
  equipmentCode: 'PACK-1',
  equipmentId: '0b6f0c43-65b3-4e0c-9f7e-0d8f33b0a003',
  state: 'idle',
  startedAt: '2026-03-10T09:00:00.000Z',
  endedAt: null,
  durationSeconds: 300,
});

const REASONS: DowntimeReason[] = [
  {
    id: 'r1',
    code: 'JAM',
    name: 'Jam',
    category: 'Mechanical',
    planned: false,
    lossClass: 'availability',
  },
  {
    id: 'r2',
    code: 'MOTOR',
    name: 'Motor fault',
    category: 'Electrical',
    planned: false,
    lossClass: 'availability',
  },
  {
    id: 'r3',
    code: 'NO_MAT',
    name: 'No material',
    category: 'Logistics',
    planned: false,
    lossClass: 'availability',
  },
  {
    id: 'r4',
    code: 'BELT',
    name: 'Belt slipped',
    category: 'Mechanical',
    planned: false,
    lossClass: 'availability',
  },
];

const page = (items: DowntimeStop[]) => ({
  items,
  page: 1,
  pageSize: 50,
  total: items.length,
  totalPages: items.length > 0 ? 1 : 0,
});

describe('UnassignedStopsQueue', () => {
  it('lists the stops of the last 24 h without a reason, with the reasons grouped by category', async () => {
    const server = createFakeFetch(() => jsonResponse(200, page([SECOND, FIRST])));
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<UnassignedStopsQueue lineId={LINE_ID} reasons={REASONS} />, {
      user: sessionUser('operator'),
    });

    expect(await screen.findByText('2 stops need a reason')).toBeInTheDocument();
    const query = server.requests[0]!.url.searchParams;
    expect(server.requests[0]!.url.pathname).toBe('/api/downtime');
    expect(query.get('lineId')).toBe(LINE_ID);
    expect(query.get('unassigned')).toBe('true');
    // The last 24 hours up to now, on whole minutes (so the query key holds for a minute).
    const [from, to] = [Date.parse(query.get('from')!), Date.parse(query.get('to')!)];
    expect(from).toBeLessThanOrEqual(Date.now() - 24 * 3_600_000);
    expect(from).toBeGreaterThan(Date.now() - 24 * 3_600_000 - 60_000);
    expect(to).toBeGreaterThanOrEqual(Date.now());
    expect(to - from).toBe(24 * 3_600_000 + 60_000);

    const card = screen.getByRole('article', { name: /PRESS-1 stopped/ });
    const groups = within(card).getAllByRole('group');
    expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Electrical',
      'Logistics',
      'Mechanical',
    ]);
    expect(
      within(within(card).getByRole('group', { name: 'Mechanical' }))
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Belt slipped', 'Jam']);
    expect(screen.getByRole('article', { name: /PACK-1 idle/ })).toHaveTextContent('and counting');
  });

  it('sends the reason in one tap (PUT /api/downtime/reason) and removes the card', async () => {
    let assigned = false;
    const server = createFakeFetch((request) => {
      if (request.method === 'PUT') {
        assigned = true;
        return jsonResponse(
          200,
          stop({ reasonCode: 'JAM', reasonName: 'Jam', reasonSource: 'operator' }),
        );
      }
      return jsonResponse(200, page(assigned ? [SECOND] : [SECOND, FIRST]));
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<UnassignedStopsQueue lineId={LINE_ID} reasons={REASONS} />, {
      user: sessionUser('operator'),
    });

    const card = await screen.findByRole('article', { name: /PRESS-1 stopped/ });
    await user.click(within(card).getByRole('button', { name: 'Jam' }));

    await vi.waitFor(() =>
      expect(screen.queryByRole('article', { name: /PRESS-1 stopped/ })).not.toBeInTheDocument(),
    );
    const put = server.requests.find((request) => request.method === 'PUT')!;
    expect(put.url.pathname).toBe('/api/downtime/reason');
    expect(put.headers.get('Authorization')).toBe('Bearer test-access');
    expect(put.body).toEqual({
      equipmentId: PRESS_ID,
      startedAt: '2026-03-10T08:00:00.000Z',
      reasonCode: 'JAM',
    });
    expect(screen.getByRole('article', { name: /PACK-1 idle/ })).toBeInTheDocument();
    expect(screen.getByText('1 stop needs a reason')).toBeInTheDocument();
  });

  it('keeps the card and says why when the server refuses the reason', async () => {
    const server = createFakeFetch((request) =>
      request.method === 'PUT'
        ? jsonResponse(400, {
            statusCode: 400,
            message: 'Validation failed',
            fieldErrors: [{ path: 'reasonCode', message: 'Unknown downtime reason' }],
          })
        : jsonResponse(200, page([FIRST])),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<UnassignedStopsQueue lineId={LINE_ID} reasons={REASONS} />, {
      user: sessionUser('operator'),
    });

    const card = await screen.findByRole('article', { name: /PRESS-1 stopped/ });
    await user.click(within(card).getByRole('button', { name: 'Motor fault' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Validation failed');
    expect(screen.getByRole('article', { name: /PRESS-1 stopped/ })).toBeInTheDocument();
  });

  it('says so when every stop has a reason', async () => {
    vi.stubGlobal('fetch', createFakeFetch(() => jsonResponse(200, page([]))).fetch);
    renderApp(<UnassignedStopsQueue lineId={LINE_ID} reasons={REASONS} />, {
      user: sessionUser('operator'),
    });
    expect(await screen.findByText('All stops have a reason.')).toBeInTheDocument();
  });
});
