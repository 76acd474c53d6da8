import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeHandlers } from '@/lib/realtime';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { workOrderHref } from '@/config/paths';
import { MyWorkOrdersList } from '@/features/maintenance/components/my-work-orders-list';
import {
  LINE_ID,
  TECH_ID,
  page,
  summary,
} from '@/features/maintenance/testing/work-order-fixtures';

const realtime = vi.hoisted(() => ({ handlers: undefined as RealtimeHandlers | undefined }));
vi.mock('@/lib/realtime', () => ({
  useRealtime: (handlers: RealtimeHandlers) => {
    realtime.handlers = handlers;
    return 'live';
  },
}));

afterEach(() => {
  realtime.handlers = undefined;
});

const TECH = sessionUser('maintenance', { id: TECH_ID, displayName: 'Max Maintenance' });

const CRITICAL = summary({
  id: '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7c01',
  number: 'WO-2026-00007',
  priority: 'critical',
  status: 'in_progress',
  title: 'Conveyor stopped',
  dueAt: '2020-01-01T00:00:00.000Z',
});
const LOW = summary({ priority: 'low', title: 'Squeaky door', dueAt: '2999-01-01T00:00:00.000Z' });
const UNCLAIMED = summary({
  id: '8b3e4d0a-6f9c-4e3a-9c75-2e4d5f6a7c02',
  number: 'WO-2026-00050',
  status: 'open',
  assignees: [],
  assignedAt: null,
  assignedBy: null,
  title: 'Label printer jams',
});

describe('MyWorkOrdersList', () => {
  it("asks for the technician's own work and for unassigned work, shows them in the server's order, overdue in red", async () => {
    const server = createFakeFetch((request) =>
      jsonResponse(
        200,
        page(request.url.searchParams.get('mine') === 'true' ? [CRITICAL, LOW] : [UNCLAIMED]),
      ),
    );
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<MyWorkOrdersList />, { user: TECH });

    const mine = await screen.findByRole('list', { name: 'Assigned to me' });
    const queries = server.requests.map((request) => request.url.searchParams);
    expect(server.requests.every((r) => r.url.pathname === '/api/work-orders')).toBe(true);
    expect(queries.find((q) => q.get('mine') === 'true')?.get('status')).toBe(
      'assigned,in_progress,on_hold',
    );
    expect(queries.find((q) => q.get('mine') === null)?.get('status')).toBe('open');

    const cards = within(mine).getAllByRole('listitem');
    expect(cards.map((card) => within(card).getByRole('link').textContent)).toEqual([
      'Conveyor stopped',
      'Squeaky door',
    ]);
    expect(within(cards[0]!).getByRole('link')).toHaveAttribute('href', workOrderHref(CRITICAL.id));
    expect(cards[0]).toHaveClass('wo-card--overdue');
    expect(cards[0]).toHaveTextContent('Overdue');
    expect(cards[0]).toHaveTextContent('Critical');
    expect(cards[0]).toHaveTextContent('In progress');
    expect(cards[1]).not.toHaveClass('wo-card--overdue');
    expect(cards[1]).toHaveTextContent('Due');

    const unassigned = screen.getByRole('list', { name: 'Unassigned on my lines' });
    expect(unassigned).toHaveTextContent('Label printer jams');
    expect(unassigned).toHaveTextContent('WO-2026-00050');
  });

  it('refetches both lists when a work order changes, without a reload', async () => {
    const server = createFakeFetch(() => jsonResponse(200, page([])));
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<MyWorkOrdersList />, { user: TECH });
    expect(await screen.findByText('Nothing assigned to you right now.')).toBeInTheDocument();
    expect(screen.getByText('No unassigned work orders.')).toBeInTheDocument();
    const before = server.requests.length;

    await act(async () =>
      realtime.handlers!['maintenance.workorder.changed']!({
        id: CRITICAL.id,
        lineId: LINE_ID,
        equipmentId: CRITICAL.equipmentId,
        at: '2026-03-10T08:30:00.000Z',
        status: 'assigned',
        number: CRITICAL.number,
        assigneeIds: [TECH_ID],
      }),
    );
    await vi.waitFor(() => expect(server.requests.length).toBe(before + 2));
  });
});
