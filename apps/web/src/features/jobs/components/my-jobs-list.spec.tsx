import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { JobAssignment } from '@ms5/contracts';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { jobHref } from '@/config/paths';
import { MyJobsList } from '@/features/jobs/components/my-jobs-list';

const OPERATOR = sessionUser('operator');

function job(overrides: Partial<JobAssignment>): JobAssignment {
  return {
    id: '55555555-5555-4555-8555-555555555551',
    orderId: '33333333-3333-4333-8333-333333333331',
    orderReference: 'PO-4711',
    orderStatus: 'running',
    lineId: '11111111-1111-4111-8111-111111111111',
    lineCode: 'L1',
    productCode: 'P-100',
    operator: { id: OPERATOR.id, displayName: OPERATOR.displayName },
    shiftDate: '2026-03-10',
    note: null,
    status: 'started',
    assignedBy: null,
    assignedAt: '2026-03-10T05:00:00.000Z',
    acceptedAt: '2026-03-10T05:10:00.000Z',
    startedAt: '2026-03-10T05:30:00.000Z',
    completedAt: null,
    progress: { goodCount: 120, targetQuantity: 500, fraction: 0.24 },
    ...overrides,
  };
}

const STARTED = job({});
const ASSIGNED = job({
  id: '55555555-5555-4555-8555-555555555552',
  orderReference: null,
  productCode: 'P-200',
  lineCode: 'L2',
  status: 'assigned',
  acceptedAt: null,
  startedAt: null,
  progress: { goodCount: 0, targetQuantity: 800, fraction: 0 },
});

function page(items: JobAssignment[]) {
  return { items, page: 1, pageSize: 50, total: items.length, totalPages: 1 };
}

describe('MyJobsList', () => {
  it("asks for the operator's open jobs and shows each as a card with its progress", async () => {
    const server = createFakeFetch(() => jsonResponse(200, page([STARTED, ASSIGNED])));
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<MyJobsList />, { user: OPERATOR });

    const list = await screen.findByRole('list', { name: 'My jobs' });
    const query = server.requests[0]!.url.searchParams;
    expect(server.requests[0]!.url.pathname).toBe('/api/jobs');
    expect(query.get('mine')).toBe('true');
    expect(query.get('status')).toBe('assigned,accepted,started');

    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    const started = cards[0]!;
    expect(within(started).getByRole('link', { name: 'PO-4711' })).toHaveAttribute(
      'href',
      jobHref(STARTED.id),
    );
    expect(started).toHaveTextContent('LineL1');
    expect(started).toHaveTextContent('ProductP-100');
    expect(started).toHaveTextContent('started');
    expect(started).toHaveTextContent('120 / 500 good · 24 %');
    const bar = within(started).getByRole('progressbar', { name: '120 / 500 good · 24 %' });
    expect(bar).toHaveAttribute('value', '120');
    expect(bar).toHaveAttribute('max', '500');
    expect(within(started).queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();

    const assigned = cards[1]!;
    expect(within(assigned).getByRole('link', { name: 'P-200' })).toHaveAttribute(
      'href',
      jobHref(ASSIGNED.id),
    );
    expect(assigned).toHaveTextContent('0 / 800 good · 0 %');
    expect(assigned).toHaveTextContent('Order—');
  });

  it('accepts an assigned job on its card, and shows a refusal in words', async () => {
    let accepted = false;
    const server = createFakeFetch((request) => {
      if (request.method === 'POST') {
        if (accepted) {
          return jsonResponse(409, {
            statusCode: 409,
            code: 'INVALID_TRANSITION',
            message: 'Cannot accept a job that is accepted',
          });
        }
        accepted = true;
        return jsonResponse(200, { ...ASSIGNED, status: 'accepted' });
      }
      return jsonResponse(200, page([accepted ? { ...ASSIGNED, status: 'accepted' } : ASSIGNED]));
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<MyJobsList />, { user: OPERATOR });

    await user.click(await screen.findByRole('button', { name: 'Accept job P-200' }));
    await vi.waitFor(() => expect(screen.getByRole('listitem')).toHaveTextContent('accepted'));
    const post = server.requests.find((request) => request.method === 'POST');
    expect(post?.url.pathname).toBe(`/api/jobs/${ASSIGNED.id}/accept`);
    expect(post?.body).toEqual({});
    expect(screen.queryByRole('button', { name: 'Accept job P-200' })).not.toBeInTheDocument();
    // The list was asked again after the step.
    expect(
      server.requests.filter((request) => request.method === 'GET').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('says so when there is nothing to do', async () => {
    vi.stubGlobal('fetch', createFakeFetch(() => jsonResponse(200, page([]))).fetch);
    renderApp(<MyJobsList />, { user: OPERATOR });
    expect(await screen.findByText('No jobs for you right now.')).toBeInTheDocument();
  });
});
