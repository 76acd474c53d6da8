import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AndonCall } from '@ms5/contracts';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { newWorkOrderHref, workOrderHref } from '@/config/paths';
import { AndonBoard } from '@/features/andon/components/andon-board';

vi.mock('@/lib/realtime', () => ({ useRealtime: () => 'live' }));

function call(overrides: Partial<AndonCall>): AndonCall {
  return {
    id: '9c4f5e1b-7a0d-4f4b-8d86-3f5e6a7b8c01',
    equipmentId: '9c4f5e1b-7a0d-4f4b-8d86-3f5e6a7b8c11',
    equipmentCode: 'FIL-1',
    equipmentName: 'Filler 1',
    lineId: '9c4f5e1b-7a0d-4f4b-8d86-3f5e6a7b8c21',
    type: 'maintenance',
    priority: 'high',
    status: 'open',
    description: 'Oil under the drive',
    resolution: null,
    raisedAt: new Date().toISOString(),
    raisedBy: { id: 'op', displayName: 'Olga Operator' },
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    escalationLevel: 0,
    escalatedAt: null,
    responseSeconds: null,
    resolutionSeconds: null,
    downtimeEventId: null,
    workOrderId: null,
    ...overrides,
  };
}

const NEW_CALL = call({});
const LINKED = call({
  id: '9c4f5e1b-7a0d-4f4b-8d86-3f5e6a7b8c02',
  equipmentName: 'Capper 2',
  workOrderId: '9c4f5e1b-7a0d-4f4b-8d86-3f5e6a7b8c31',
});
const QUALITY = call({
  id: '9c4f5e1b-7a0d-4f4b-8d86-3f5e6a7b8c03',
  equipmentName: 'Labeller 3',
  type: 'quality',
});

function serve() {
  vi.stubGlobal(
    'fetch',
    createFakeFetch(() =>
      jsonResponse(200, {
        items: [NEW_CALL, LINKED, QUALITY],
        page: 1,
        pageSize: 200,
        total: 3,
        totalPages: 1,
      }),
    ).fetch,
  );
}

const row = (equipment: string) =>
  screen.getAllByRole('listitem').find((item) => item.textContent?.includes(equipment))!;

describe('AndonBoard work orders', () => {
  it('offers a work order for a maintenance call without one, and links to the one it has', async () => {
    serve();
    renderApp(<AndonBoard />, { user: sessionUser('shift_manager') });
    await screen.findByRole('list', { name: 'Open calls' });

    const open = within(row('Filler 1')).getByRole('link', {
      name: 'Open a work order for the call at Filler 1',
    });
    expect(open).toHaveAttribute(
      'href',
      newWorkOrderHref({
        equipmentId: NEW_CALL.equipmentId,
        andonCallId: NEW_CALL.id,
        priority: 'high',
        title: 'Oil under the drive',
      }),
    );
    expect(within(row('Capper 2')).getByRole('link', { name: 'Work order' })).toHaveAttribute(
      'href',
      workOrderHref(LINKED.workOrderId!),
    );
    // Only maintenance calls become work orders.
    expect(within(row('Labeller 3')).queryByRole('link')).toBeNull();
  });

  it('offers no request to a role without maintenance:request', async () => {
    serve();
    renderApp(<AndonBoard />, { user: sessionUser('viewer') });
    await screen.findByRole('list', { name: 'Open calls' });
    expect(within(row('Filler 1')).queryByRole('link')).toBeNull();
    // Reading is enough to follow the link to an existing one.
    expect(within(row('Capper 2')).getByRole('link', { name: 'Work order' })).toBeInTheDocument();
  });
});
