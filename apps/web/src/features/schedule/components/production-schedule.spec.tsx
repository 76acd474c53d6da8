import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { JobAssignment, ProductionOrder } from '@ms5/contracts';
import { type FakeRequest, createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { ProductionSchedule } from '@/features/schedule/components/production-schedule';
import { scheduleWindow } from '@/features/schedule/utils/schedule-window';

const LINES = [
  { id: '11111111-1111-4111-8111-111111111111', code: 'L1', name: 'Filling 1' },
  { id: '11111111-1111-4111-8111-111111111112', code: 'L2', name: 'Filling 2' },
];
const PRODUCTS = [{ id: '22222222-2222-4222-8222-222222222222', code: 'P-100', name: 'Cola' }];
const OPERATOR = { id: '44444444-4444-4444-8444-444444444444', displayName: 'Olga Operator' };

function order(overrides: Partial<ProductionOrder>): ProductionOrder {
  return {
    id: '33333333-3333-4333-8333-333333333331',
    lineId: LINES[0]!.id,
    lineCode: 'L1',
    productId: PRODUCTS[0]!.id,
    productCode: 'P-100',
    productName: 'Cola',
    quantity: 1200,
    plannedStart: new Date(2026, 2, 10, 6, 0).toISOString(),
    plannedEnd: new Date(2026, 2, 10, 14, 0).toISOString(),
    reference: 'PO-4711',
    status: 'planned',
    actualStart: null,
    actualEnd: null,
    cancelReason: null,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

const PLANNED = order({});
const RUNNING = order({
  id: '33333333-3333-4333-8333-333333333332',
  lineId: LINES[1]!.id,
  lineCode: 'L2',
  reference: null,
  quantity: 500,
  status: 'running',
  plannedStart: new Date(2026, 2, 11, 6, 0).toISOString(),
  plannedEnd: new Date(2026, 2, 11, 22, 0).toISOString(),
});

const EARLIER_JOB: JobAssignment = {
  id: '55555555-5555-4555-8555-555555555555',
  orderId: RUNNING.id,
  orderReference: null,
  orderStatus: 'running',
  lineId: RUNNING.lineId,
  lineCode: 'L2',
  productCode: 'P-100',
  operator: OPERATOR,
  shiftDate: null,
  note: null,
  status: 'started',
  assignedBy: null,
  assignedAt: '2026-03-09T06:00:00.000Z',
  acceptedAt: null,
  startedAt: null,
  completedAt: null,
  progress: { goodCount: 120, targetQuantity: 500, fraction: 0.24 },
};

function page<T>(items: T[]) {
  return { items, page: 1, pageSize: 25, total: items.length, totalPages: 1 };
}

type Handler = (request: FakeRequest) => Response | undefined;

function serve(extra: Handler = () => undefined) {
  return createFakeFetch((request) => {
    const answer = extra(request);
    if (answer !== undefined) return answer;
    const path = request.url.pathname;
    if (request.method === 'GET' && path === '/api/orders')
      return jsonResponse(200, page([PLANNED, RUNNING]));
    if (request.method === 'GET' && path === `/api/orders/${PLANNED.id}`)
      return jsonResponse(200, PLANNED);
    if (request.method === 'GET' && path === '/api/operators')
      return jsonResponse(200, page([{ ...OPERATOR, username: 'olga' }]));
    if (request.method === 'GET' && path === '/api/jobs') {
      return jsonResponse(
        200,
        page(request.url.searchParams.get('orderId') === null ? [EARLIER_JOB] : []),
      );
    }
    return jsonResponse(404, { statusCode: 404, message: `No route ${request.method} ${path}` });
  });
}

function renderSchedule(server: ReturnType<typeof createFakeFetch>) {
  vi.stubGlobal('fetch', server.fetch);
  return renderApp(
    <ProductionSchedule
      lines={LINES}
      products={PRODUCTS}
      startDay="2026-03-09"
      onStartDayChange={() => undefined}
      lineId={undefined}
      onLineChange={() => undefined}
    />,
    { user: sessionUser('shift_manager') },
  );
}

describe('ProductionSchedule', () => {
  it("asks for the window's orders and shows them as bars per line and as a table", async () => {
    const server = serve();
    renderSchedule(server);

    const timeline = await screen.findByRole('group', { name: 'Timeline of the orders by line' });
    const window = scheduleWindow('2026-03-09', new Date());
    const asked = server.requests.filter((request) => request.url.pathname === '/api/orders');
    expect(asked.map((request) => request.url.searchParams.get('pageSize')).sort()).toEqual([
      '200',
      '25',
    ]);
    for (const request of asked) {
      expect(Date.parse(request.url.searchParams.get('from')!)).toBe(window.fromMs);
      expect(Date.parse(request.url.searchParams.get('to')!)).toBe(window.toMs);
    }

    const line1 = within(timeline).getByRole('listitem', { name: 'Line L1' });
    const bar = within(line1).getByRole('button', {
      name: /^PO-4711 · P-100 Cola · 1,200 pcs · Planned/,
    });
    expect(bar).toHaveClass('schedule-bar--planned');
    expect(bar).toHaveTextContent('PO-4711');
    // 06:00–14:00 on the second of eight days: a third of a day in, a third of a day wide.
    expect(parseFloat(bar.style.left)).toBeCloseTo(((24 + 6) / (8 * 24)) * 100, 1);
    expect(parseFloat(bar.style.width)).toBeCloseTo((8 / (8 * 24)) * 100, 1);
    const line2 = within(timeline).getByRole('listitem', { name: 'Line L2' });
    expect(
      within(line2).getByRole('button', { name: /P-100 Cola · 500 pcs · Running/ }),
    ).toHaveClass('schedule-bar--running');

    const table = screen.getByRole('table', { name: 'Orders in the window' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('PO-4711L1P-100 Cola1,200');
    expect(rows[1]).toHaveTextContent('Planned');
    expect(rows[2]).toHaveTextContent('Running');
  }, 15_000);

  it('opens an order, shows a 409 from a lifecycle step, and cancels with a reason', async () => {
    let stored = PLANNED;
    const server = serve((request) => {
      if (request.url.pathname.endsWith('/release')) {
        return jsonResponse(409, {
          statusCode: 409,
          code: 'LINE_BUSY',
          message: 'Line L1 is running order PO-4700',
        });
      }
      if (request.url.pathname.endsWith('/cancel')) {
        stored = { ...PLANNED, status: 'cancelled', cancelReason: 'Material missing' };
        return jsonResponse(200, stored);
      }
      if (request.url.pathname === `/api/orders/${PLANNED.id}`) return jsonResponse(200, stored);
      return undefined;
    });
    const { user } = renderSchedule(server);

    await user.click(await screen.findByRole('button', { name: 'Open order PO-4711' }));
    const panel = screen.getByRole('region', { name: 'Order PO-4711' });
    await user.click(within(panel).getByRole('button', { name: 'Release' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Line L1 is running order PO-4700',
    );

    await user.click(within(panel).getByRole('button', { name: 'Cancel order' }));
    await user.type(within(panel).getByLabelText('Reason for cancelling'), 'Material missing');
    await user.click(within(panel).getByRole('button', { name: 'Confirm cancel' }));
    expect(await within(panel).findByText('Order PO-4711 cancelled.')).toBeInTheDocument();
    const cancel = server.requests.find((request) => request.url.pathname.endsWith('/cancel'));
    expect(cancel?.url.pathname).toBe(`/api/orders/${PLANNED.id}/cancel`);
    expect(cancel?.body).toEqual({ reason: 'Material missing' });
    expect(within(panel).getByText('Material missing')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Release' })).not.toBeInTheDocument();
  }, 15_000);

  it('assigns an operator chosen from the active operators (GET /api/operators)', async () => {
    const server = serve((request) =>
      request.method === 'POST' && request.url.pathname === '/api/jobs'
        ? jsonResponse(201, {
            ...EARLIER_JOB,
            id: '66666666-6666-4666-8666-666666666666',
            orderId: PLANNED.id,
            status: 'assigned',
          })
        : undefined,
    );
    const { user } = renderSchedule(server);

    await user.click(await screen.findByRole('button', { name: 'Open order PO-4711' }));
    const panel = screen.getByRole('region', { name: 'Order PO-4711' });
    expect(await within(panel).findByText('Nobody is assigned yet.')).toBeInTheDocument();
    const operator = within(panel).getByLabelText('Operator');
    await vi.waitFor(() =>
      expect(within(operator).getByRole('option', { name: 'Olga Operator' })).toBeInTheDocument(),
    );
    await user.selectOptions(operator, OPERATOR.id);
    fireEvent.change(within(panel).getByLabelText('Shift date'), {
      target: { value: '2026-03-10' },
    });
    await user.click(within(panel).getByRole('button', { name: 'Assign operator' }));

    expect(
      await within(panel).findByText('Olga Operator assigned to order PO-4711.'),
    ).toBeInTheDocument();
    expect(server.requests.some((request) => request.url.pathname === '/api/operators')).toBe(true);
    const assign = server.requests.find(
      (request) => request.method === 'POST' && request.url.pathname === '/api/jobs',
    );
    expect(assign?.body).toEqual({
      orderId: PLANNED.id,
      operatorId: OPERATOR.id,
      shiftDate: '2026-03-10',
    });
  }, 15_000);
});
