import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { WorkOrderBoard } from '@/features/maintenance/components/work-order-board';
import {
  EQUIPMENT_ID,
  LINE_ID,
  OTHER_EQUIPMENT_ID,
  OTHER_LINE_ID,
  TECH_ID,
  WORK_ORDER_ID,
  page,
  summary,
} from '@/features/maintenance/testing/work-order-fixtures';

vi.mock('@/lib/realtime', () => ({ useRealtime: () => 'live' }));

const LINES = [
  { id: LINE_ID, code: 'L1', name: 'Filling' },
  { id: OTHER_LINE_ID, code: 'L2', name: 'Packing' },
];
const EQUIPMENT = [
  { id: EQUIPMENT_ID, code: 'FIL-1', name: 'Filler 1', lineId: LINE_ID },
  { id: OTHER_EQUIPMENT_ID, code: 'PAK-1', name: 'Packer 1', lineId: OTHER_LINE_ID },
];
const OPEN = summary({
  status: 'open',
  assignees: [],
  assignedAt: null,
  assignedBy: null,
  dueAt: '2020-01-01T00:00:00.000Z',
});
const TECH = { id: TECH_ID, username: 'max', displayName: 'Max Maintenance', role: 'maintenance' };

function boardServer() {
  let assigned = false;
  return createFakeFetch((request) => {
    const path = request.url.pathname;
    if (path === '/api/work-orders/assignees') return jsonResponse(200, page([TECH]));
    if (request.method === 'POST') {
      assigned = true;
      return jsonResponse(200, {
        ...OPEN,
        status: 'assigned',
        assignees: [{ ...TECH, assignedAt: '2026-03-10T08:00:00.000Z' }],
        history: [],
        labour: [],
        labourMinutes: 0,
        parts: [],
        andonCall: null,
        stops: [],
        downtimeSeconds: 0,
      });
    }
    const status = request.url.searchParams.get('status');
    if (status === 'open' && !assigned) return jsonResponse(200, page([OPEN]));
    if (status === 'assigned' && assigned) {
      return jsonResponse(
        200,
        page([summary({ assignees: [{ ...TECH, assignedAt: '2026-03-10T08:00:00.000Z' }] })]),
      );
    }
    return jsonResponse(200, page([]));
  });
}

describe('WorkOrderBoard', () => {
  it('shows a column per status with its count, overdue cards in red', async () => {
    const server = boardServer();
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<WorkOrderBoard lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('shift_manager'),
    });
    const open = await screen.findByRole('list', { name: 'Open work orders' });
    const statuses = server.requests
      .filter((request) => request.url.pathname === '/api/work-orders')
      .map((request) => request.url.searchParams.get('status'));
    expect(statuses.sort()).toEqual(['assigned', 'completed', 'in_progress', 'on_hold', 'open']);
    const card = within(open).getByRole('listitem');
    expect(card).toHaveClass('wo-card--overdue');
    expect(card).toHaveTextContent('Overdue');
    expect(card).toHaveTextContent('Unassigned');
    // The card's equipment opens its maintenance history.
    expect(
      within(card)
        .getByRole('link', { name: /history$/ })
        .getAttribute('href'),
    ).toMatch(/^\/maintenance\/equipment\//);
    expect(screen.getByRole('region', { name: 'Open' })).toHaveTextContent('Open 1');
    expect(screen.getByRole('region', { name: 'On hold' })).toHaveTextContent('None');
  });

  it('filters by line, equipment and assignee', async () => {
    const server = boardServer();
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<WorkOrderBoard lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('shift_manager'),
    });
    await screen.findByRole('list', { name: 'Open work orders' });
    const filters = screen.getByRole('group', { name: 'Filters' });

    await user.selectOptions(within(filters).getByLabelText('Line'), LINE_ID);
    // Only the line's equipment is offered.
    const equipment = within(filters).getByLabelText('Equipment');
    expect(
      within(equipment)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All equipment', 'FIL-1 · Filler 1']);
    await user.selectOptions(equipment, EQUIPMENT_ID);
    await vi.waitFor(() =>
      expect(within(filters).getByLabelText('Assignee')).toHaveTextContent('Max Maintenance'),
    );
    await user.selectOptions(within(filters).getByLabelText('Assignee'), TECH_ID);

    await vi.waitFor(() => {
      const last = server.requests
        .filter((request) => request.url.pathname === '/api/work-orders')
        .slice(-5)
        .map((request) => request.url.searchParams);
      expect(last.every((query) => query.get('lineId') === LINE_ID)).toBe(true);
      expect(last.every((query) => query.get('equipmentId') === EQUIPMENT_ID)).toBe(true);
      expect(last.every((query) => query.get('assigneeId') === TECH_ID)).toBe(true);
    });
    const assignees = server.requests.filter(
      (request) => request.url.pathname === '/api/work-orders/assignees',
    );
    expect(assignees.some((request) => request.url.searchParams.get('lineId') === LINE_ID)).toBe(
      true,
    );
  });

  it('assigns a technician on the card, and the card moves to Assigned', async () => {
    const server = boardServer();
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<WorkOrderBoard lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('shift_manager'),
    });
    const open = await screen.findByRole('list', { name: 'Open work orders' });
    const select = within(open).getByLabelText(`Technician for ${OPEN.number}`);
    await vi.waitFor(() => expect(select).toHaveTextContent('Max Maintenance'));
    await user.click(within(open).getByRole('button', { name: 'Assign' }));
    expect(within(open).getByRole('alert')).toHaveTextContent('Choose a technician.');
    await user.selectOptions(select, TECH_ID);
    await user.click(within(open).getByRole('button', { name: 'Assign' }));

    const assigned = await screen.findByRole('list', { name: 'Assigned work orders' });
    expect(assigned).toHaveTextContent('Max Maintenance');
    const post = server.requests.find((request) => request.method === 'POST');
    expect(post?.url.pathname).toBe(`/api/work-orders/${WORK_ORDER_ID}/assign`);
    expect(post?.body).toEqual({ assigneeIds: [TECH_ID] });
  });

  it('shows the board read-only to a role that does not plan', async () => {
    const server = boardServer();
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<WorkOrderBoard lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('viewer'),
    });
    await screen.findByRole('list', { name: 'Open work orders' });
    expect(screen.queryByRole('button', { name: 'Assign' })).toBeNull();
    expect(screen.queryByLabelText('Assignee')).toBeNull();
    expect(server.requests.some((r) => r.url.pathname === '/api/work-orders/assignees')).toBe(
      false,
    );
  });
});
