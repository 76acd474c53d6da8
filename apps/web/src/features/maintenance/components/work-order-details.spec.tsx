import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WorkOrder } from '@ms5/contracts';
import { type FakeRequest, createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { useWorkOrder } from '@/features/maintenance/api/get-work-order';
import { WorkOrderDetails } from '@/features/maintenance/components/work-order-details';
import {
  OTHER_TECH_ID,
  TECH_ID,
  WORK_ORDER_ID,
  workOrder,
} from '@/features/maintenance/testing/work-order-fixtures';

vi.mock('@/lib/realtime', () => ({ useRealtime: () => 'live' }));

const TECH = sessionUser('maintenance', { id: TECH_ID, displayName: 'Max Maintenance' });
const ME = { id: TECH_ID, displayName: 'Max Maintenance' };

/**
 * A server that takes the technician's steps on one work order as the API would (status, hold
 * reason, cause and remedy, labour and parts) and answers the order after each.
 */
function workOrderServer(initial: WorkOrder) {
  let order = initial;
  const server = createFakeFetch((request: FakeRequest) => {
    const step = request.url.pathname.split('/').pop() ?? '';
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (request.method === 'POST') {
      const at = '2026-03-10T09:00:00.000Z';
      switch (step) {
        case 'start':
          order = { ...order, status: 'in_progress', startedAt: at, startedBy: ME };
          break;
        case 'hold':
          order = { ...order, status: 'on_hold', holdReason: String(body.reason) };
          break;
        case 'resume':
          order = { ...order, status: 'in_progress', holdReason: null };
          break;
        case 'complete':
          order = {
            ...order,
            status: 'completed',
            cause: (body.cause as string | undefined) ?? null,
            remedy: (body.remedy as string | undefined) ?? null,
          };
          break;
        case 'labour':
          order = {
            ...order,
            labourMinutes: order.labourMinutes + Number(body.minutes),
            labour: [
              ...order.labour,
              {
                id: `l${order.labour.length}`,
                user: ME,
                startedAt: String(body.startedAt),
                minutes: Number(body.minutes),
                recordedAt: at,
                recordedBy: ME,
              },
            ],
          };
          return jsonResponse(201, order);
        case 'parts':
          order = {
            ...order,
            parts: [
              ...order.parts,
              {
                id: `p${order.parts.length}`,
                partNumber: String(body.partNumber),
                description: (body.description as string | undefined) ?? null,
                quantity: Number(body.quantity),
                recordedAt: at,
                recordedBy: ME,
              },
            ],
          };
          return jsonResponse(201, order);
        default:
          throw new Error(`unexpected step ${step}`);
      }
      return jsonResponse(200, order);
    }
    return jsonResponse(200, order);
  });
  return server;
}

/** The details of the cached work order, as the page shows them: each step's answer updates it. */
function Screen() {
  const query = useWorkOrder(WORK_ORDER_ID);
  return query.data === undefined ? null : <WorkOrderDetails order={query.data} />;
}

const posts = (server: ReturnType<typeof createFakeFetch>) =>
  server.requests
    .filter((request) => request.method === 'POST')
    .map((request) => ({ path: request.url.pathname, body: request.body }));

describe('WorkOrderDetails', () => {
  it('takes the technician through start, hold with a reason, resume, labour, a part and completion', async () => {
    const server = workOrderServer(workOrder());
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<Screen />, { user: TECH });

    await user.click(await screen.findByRole('button', { name: 'Start work' }));
    await screen.findByText('Work order in progress.');

    // Hold: a reason is required before anything is sent.
    await user.click(screen.getByRole('button', { name: 'Put on hold' }));
    const holdForm = screen.getByRole('form', { name: 'Put on hold' });
    await user.click(within(holdForm).getByRole('button', { name: 'Put on hold' }));
    expect(within(holdForm).getByText('Required')).toBeInTheDocument();
    expect(posts(server)).toHaveLength(1);
    await user.type(
      within(holdForm).getByLabelText('Why is the work paused?'),
      'Waiting for a seal',
    );
    await user.click(within(holdForm).getByRole('button', { name: 'Put on hold' }));
    await screen.findByText('Work order on hold.');
    expect(screen.getByText('On hold: Waiting for a seal')).toBeInTheDocument();

    // Labour and parts while on hold.
    await user.type(screen.getByLabelText('Minutes worked'), '0');
    await user.click(screen.getByRole('button', { name: 'Add labour' }));
    expect(screen.getByText('Must be more than 0 minutes')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Minutes worked'));
    await user.type(screen.getByLabelText('Minutes worked'), '45');
    await user.click(screen.getByRole('button', { name: 'Add labour' }));
    await screen.findByText('45 min logged.');
    await user.type(screen.getByLabelText('Part number'), 'SEAL-40');
    await user.type(screen.getByLabelText('Description'), 'Shaft seal');
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '2');
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    await screen.findByText('2 × SEAL-40 recorded.');

    await user.click(screen.getByRole('button', { name: 'Resume work' }));
    await screen.findByText('Work order in progress.');

    await user.click(screen.getByRole('button', { name: 'Complete…' }));
    const completeForm = screen.getByRole('form', { name: 'Complete' });
    await user.type(within(completeForm).getByLabelText('Cause'), 'Worn seal');
    await user.type(within(completeForm).getByLabelText('Remedy'), 'Replaced the seal');
    await user.click(within(completeForm).getByRole('button', { name: 'Complete work order' }));
    await vi.waitFor(() =>
      expect(screen.getByRole('region', { name: 'Work order' })).toHaveTextContent('Completed'),
    );

    const base = `/api/work-orders/${WORK_ORDER_ID}`;
    const sent = posts(server);
    expect(sent.map((post) => post.path)).toEqual([
      `${base}/start`,
      `${base}/hold`,
      `${base}/labour`,
      `${base}/parts`,
      `${base}/resume`,
      `${base}/complete`,
    ]);
    expect(sent[0]!.body).toEqual({});
    expect(sent[1]!.body).toEqual({ reason: 'Waiting for a seal' });
    const labour = sent[2]!.body as { minutes: number; startedAt: string };
    expect(labour.minutes).toBe(45);
    // "Just now": the work began 45 minutes before it was logged.
    expect(Date.now() - Date.parse(labour.startedAt)).toBeGreaterThanOrEqual(45 * 60_000 - 1000);
    expect(Date.now() - Date.parse(labour.startedAt)).toBeLessThan(46 * 60_000);
    expect(sent[3]!.body).toEqual({
      partNumber: 'SEAL-40',
      description: 'Shaft seal',
      quantity: 2,
    });
    expect(sent[5]!.body).toEqual({ cause: 'Worn seal', remedy: 'Replaced the seal' });

    // Completed: nothing left to do, and what was recorded is shown.
    expect(screen.queryByRole('button', { name: /Start|Resume|Complete/ })).toBeNull();
    expect(screen.getByRole('region', { name: 'Labour' })).toHaveTextContent('45 min');
    expect(screen.getByRole('region', { name: 'Parts' })).toHaveTextContent(
      '2 × SEAL-40 Shaft seal',
    );
    expect(screen.getByRole('region', { name: 'Work order' })).toHaveTextContent('Worn seal');
  }, 30_000); // many steps typed one key at a time: slow on a loaded machine

  it("shows the server's refusal in words", async () => {
    const server = createFakeFetch(() =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'INVALID_TRANSITION',
        message: 'Cannot start a work order that is in_progress',
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<WorkOrderDetails order={workOrder()} />, { user: TECH });
    await user.click(screen.getByRole('button', { name: 'Start work' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot start a work order that is in_progress',
    );
  });

  it("offers no steps on someone else's work order, nor to roles that do not execute", () => {
    const theirs = workOrder({
      assignees: [
        {
          id: OTHER_TECH_ID,
          username: 'ann',
          displayName: 'Ann',
          assignedAt: '2026-03-10T08:00:00Z',
        },
      ],
    });
    const { unmount } = renderApp(<WorkOrderDetails order={theirs} />, { user: TECH });
    expect(screen.queryByRole('button', { name: 'Start work' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Work order' })).toHaveTextContent('Ann');
    expect(screen.getByRole('link', { name: 'Its history' })).toHaveAttribute(
      'href',
      `/maintenance/equipment/${theirs.equipmentId}`,
    );
    unmount();
    renderApp(<WorkOrderDetails order={workOrder({ assignees: [] })} />, {
      user: sessionUser('operator'),
    });
    expect(screen.queryByRole('button', { name: 'Start work' })).toBeNull();
  });
});
