import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeHandlers } from '@/lib/realtime';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { HourByHourBoard } from '@/features/hour-by-hour/components/hour-by-hour-board';
import {
  HOUR_BY_HOUR_POLL_MS,
  nextHourTurn,
} from '@/features/hour-by-hour/hooks/use-hour-by-hour-live';
import {
  LINE_ID,
  OTHER_LINE_ID,
  board,
} from '@/features/hour-by-hour/testing/hour-by-hour-fixtures';

// The socket itself is the realtime module's business: here we only hold the handlers the board
// registers, and fire them as the server would.
const realtime = vi.hoisted(() => ({ handlers: undefined as RealtimeHandlers | undefined }));
vi.mock('@/lib/realtime', () => ({
  useRealtime: (handlers: RealtimeHandlers) => {
    realtime.handlers = handlers;
    return 'live';
  },
}));

afterEach(() => {
  vi.useRealTimers();
  realtime.handlers = undefined;
});

function renderLiveBoard() {
  const server = createFakeFetch(() => jsonResponse(200, board()));
  vi.stubGlobal('fetch', server.fetch);
  renderApp(<HourByHourBoard lineId={LINE_ID} occurrence={null} wall={false} />, {
    user: sessionUser('viewer'),
  });
  return server;
}

const changed = (lineId: string) => ({ id: 'x', lineId, at: '2026-03-10T08:21:00.000Z' });

describe('the live hour-by-hour board', () => {
  it('refetches when counts, orders or handovers of its line change, not for another line', async () => {
    const server = renderLiveBoard();
    await screen.findByRole('table');
    expect(server.requests).toHaveLength(1);
    expect(screen.getByText('Live')).toHaveAttribute('data-status', 'live');

    await act(async () => {
      realtime.handlers!['oee.line.updated']!(changed(OTHER_LINE_ID));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(server.requests).toHaveLength(1);

    await act(async () => realtime.handlers!['oee.line.updated']!(changed(LINE_ID)));
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));

    await act(async () =>
      realtime.handlers!['production.order.changed']!({ ...changed(LINE_ID), status: 'running' }),
    );
    await vi.waitFor(() => expect(server.requests).toHaveLength(3));

    await act(async () =>
      realtime.handlers!['handover.changed']!({ ...changed(LINE_ID), acknowledged: false }),
    );
    await vi.waitFor(() => expect(server.requests).toHaveLength(4));
    expect(server.requests.every((r) => r.url.pathname.endsWith('/hour-by-hour'))).toBe(true);
  });

  it('asks again every minute without any event', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: Date.parse('2026-03-10T08:20:00.000Z') });
    const server = renderLiveBoard();
    await screen.findByRole('table');
    expect(server.requests).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(HOUR_BY_HOUR_POLL_MS));
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('asks again right after the hour turns, before the next poll', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: Date.parse('2026-03-10T08:59:30.000Z') });
    const server = renderLiveBoard();
    await screen.findByRole('table');
    expect(server.requests).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(server.requests).toHaveLength(1);
    // 09:00:00 plus a second's grace.
    await act(() => vi.advanceTimersByTimeAsync(11_500));
    expect(server.requests).toHaveLength(2);
  });

  it('finds the next hour boundary, or none once the shift is over', () => {
    const data = board();
    expect(nextHourTurn(data, Date.parse('2026-03-10T08:20:00.000Z'))).toBe(
      Date.parse('2026-03-10T09:00:00.000Z'),
    );
    expect(nextHourTurn(data, Date.parse('2026-03-10T04:00:00.000Z'))).toBe(
      Date.parse('2026-03-10T05:00:00.000Z'),
    );
    expect(nextHourTurn(data, Date.parse('2026-03-10T10:00:00.000Z'))).toBeNull();
  });
});
