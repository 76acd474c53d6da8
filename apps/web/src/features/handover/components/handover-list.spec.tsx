import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { HANDOVER_PAGE_SIZE, HandoverList } from '@/features/handover/components/handover-list';
import {
  HANDOVER_ID,
  INCOMING_ID,
  LINE,
  LINE_ID,
  handover,
  page,
} from '@/features/handover/testing/handover-fixtures';

describe('HandoverList', () => {
  it('lists past handovers with their state and filters by acknowledgement, line and page', async () => {
    const server = createFakeFetch((request) => {
      const pageNo = Number(request.url.searchParams.get('page'));
      return jsonResponse(
        200,
        page(
          [
            handover(),
            handover({
              id: 'second',
              acknowledgedBy: { id: INCOMING_ID, displayName: 'Alex Late' },
              acknowledgedAt: '2026-03-10T13:05:00.000Z',
            }),
          ],
          { page: pageNo, totalPages: 2 },
        ),
      );
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<HandoverList lines={[LINE]} />, {
      user: sessionUser('shift_manager'),
    });

    const table = await screen.findByRole('table', { name: 'Past handovers' });
    const first = server.requests[0]!.url;
    expect(first.pathname).toBe('/api/handovers');
    expect(Object.fromEntries(first.searchParams)).toEqual({
      page: '1',
      pageSize: String(HANDOVER_PAGE_SIZE),
      status: 'all',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', `/handover/${HANDOVER_ID}`);
    expect(rows[0]).toHaveTextContent('Sam Early');
    expect(rows[0]).toHaveTextContent('Waiting');
    expect(rows[1]).toHaveTextContent('By Alex Late');

    await user.selectOptions(screen.getByLabelText('Filter by status'), 'Not acknowledged');
    await vi.waitFor(() =>
      expect(server.requests.at(-1)!.url.searchParams.get('status')).toBe('open'),
    );
    await user.selectOptions(screen.getByLabelText('Filter by line'), 'Bottling (L1)');
    await vi.waitFor(() =>
      expect(server.requests.at(-1)!.url.searchParams.get('lineId')).toBe(LINE_ID),
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await vi.waitFor(() => expect(server.requests.at(-1)!.url.searchParams.get('page')).toBe('2'));
    expect(Object.fromEntries(server.requests.at(-1)!.url.searchParams)).toMatchObject({
      status: 'open',
      lineId: LINE_ID,
    });
  });
});
