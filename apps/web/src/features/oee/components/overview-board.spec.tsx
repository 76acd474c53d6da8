import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { OVERVIEW_POLL_MS } from '@/features/oee/api/use-overview-live';
import { OverviewBoard } from '@/features/oee/components/overview-board';

const START = Date.parse('2026-03-10T10:00:00.000Z');

function overview(stateSince: string) {
  return {
    at: new Date(START).toISOString(),
    lines: [
      {
        id: 'line-1',
        code: 'L1',
        name: 'Line 1',
        window: {
          from: '2026-03-10T06:00:00.000Z',
          to: '2026-03-10T10:00:00.000Z',
          label: 'Early',
        },
        oee: {
          availability: 0.5,
          performance: 1,
          quality: 1,
          oee: 0.5,
          performanceAboveOne: false,
          goodCount: 10,
          rejectCount: 0,
          plannedProductionSeconds: 3600,
        },
        equipment: [
          {
            id: 'eq-1',
            code: 'PRESS',
            name: 'Press',
            state: 'stopped',
            stateSince,
            reasonCode: null,
            reasonName: null,
            oee: {
              availability: 0.5,
              performance: 1,
              quality: 1,
              oee: 0.5,
              performanceAboveOne: false,
              goodCount: 10,
              rejectCount: 0,
              plannedProductionSeconds: 3600,
            },
          },
        ],
      },
    ],
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('OverviewBoard', () => {
  it('ticks the stop clock every second and asks the server again every 10 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: START });
    const server = createFakeFetch(() => jsonResponse(200, overview('2026-03-10T09:59:00.000Z')));
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<OverviewBoard />, { user: sessionUser('viewer') });

    const clock = await screen.findByLabelText('Stopped for');
    expect(clock).toHaveTextContent(/^1:0[01]$/);
    expect(server.requests[0]?.url.pathname).toBe('/api/overview');

    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(screen.getByLabelText('Stopped for')).toHaveTextContent(/^1:0[56]$/);
    expect(server.requests).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(OVERVIEW_POLL_MS));
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    const tile = screen.getByRole('link', { name: /^Press/ }).closest('li')!;
    expect(within(tile).getByText('No reason given')).toBeInTheDocument();
  });
});
