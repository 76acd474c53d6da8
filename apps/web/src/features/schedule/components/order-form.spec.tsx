import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ProductionOrder } from '@ms5/contracts';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { createTestQueryClient, renderApp, sessionUser } from '@/testing/test-utils';
import { scheduleKeys } from '@/features/schedule/api/schedule-query-keys';
import { OrderForm } from '@/features/schedule/components/order-form';

const LINE = { id: '11111111-1111-4111-8111-111111111111', code: 'L1', name: 'Filling 1' };
const PRODUCT = { id: '22222222-2222-4222-8222-222222222222', code: 'P-100', name: 'Cola 0.5 l' };

const ORDER: ProductionOrder = {
  id: '33333333-3333-4333-8333-333333333333',
  lineId: LINE.id,
  lineCode: 'L1',
  productId: PRODUCT.id,
  productCode: 'P-100',
  productName: 'Cola 0.5 l',
  quantity: 1200,
  plannedStart: '2026-03-10T05:00:00.000Z',
  plannedEnd: '2026-03-10T13:00:00.000Z',
  reference: 'PO-4711',
  status: 'planned',
  actualStart: null,
  actualEnd: null,
  cancelReason: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
};

/** `datetime-local` inputs take a whole value at once (typing runs through invalid values). */
function setTime(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function fillForm(user: ReturnType<typeof renderApp>['user']) {
  await user.selectOptions(screen.getByLabelText('Line'), LINE.id);
  await user.selectOptions(screen.getByLabelText('Product'), PRODUCT.id);
  await user.type(screen.getByLabelText('Quantity'), '1200');
  await user.type(screen.getByLabelText('Reference'), 'PO-4711');
  setTime('Planned start', '2026-03-10T06:00');
  setTime('Planned end', '2026-03-10T14:00');
}

describe('OrderForm', () => {
  it('sends the order with the local planned times as ISO 8601 with their offset', async () => {
    const server = createFakeFetch(() => jsonResponse(201, ORDER));
    vi.stubGlobal('fetch', server.fetch);
    const queryClient = createTestQueryClient();
    const listKey = scheduleKeys.orderList({ page: 1, pageSize: 25 });
    queryClient.setQueryData(listKey, {
      items: [],
      page: 1,
      pageSize: 25,
      total: 0,
      totalPages: 0,
    });
    const onSaved = vi.fn();
    const { user } = renderApp(
      <OrderForm lines={[LINE]} products={[PRODUCT]} onSaved={onSaved} />,
      { user: sessionUser('shift_manager'), queryClient },
    );

    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Create order' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(ORDER));
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url.pathname).toBe('/api/orders');
    const body = request.body as Record<string, unknown>;
    expect(body).toEqual({
      lineId: LINE.id,
      productId: PRODUCT.id,
      quantity: 1200,
      reference: 'PO-4711',
      plannedStart: expect.stringMatching(/^2026-03-10T06:00:00[+-]\d{2}:\d{2}$/),
      plannedEnd: expect.stringMatching(/^2026-03-10T14:00:00[+-]\d{2}:\d{2}$/),
    });
    // The same instants as the browser's local 06:00 and 14:00 on that day.
    expect(Date.parse(body.plannedStart as string)).toBe(new Date(2026, 2, 10, 6, 0).getTime());
    expect(Date.parse(body.plannedEnd as string)).toBe(new Date(2026, 2, 10, 14, 0).getTime());
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryData(scheduleKeys.orderDetail(ORDER.id))).toEqual(ORDER);
  }, 15_000);

  it("shows the server's 409 SCHEDULE_CONFLICT beside the planned start and end", async () => {
    const server = createFakeFetch(() =>
      jsonResponse(409, {
        statusCode: 409,
        code: 'SCHEDULE_CONFLICT',
        message: 'The line already has an order in this window',
        fieldErrors: [
          { path: 'plannedStart', message: 'Overlaps order PO-4700 (06:00–10:00)' },
          { path: 'plannedEnd', message: 'Overlaps order PO-4700 (06:00–10:00)' },
        ],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const onSaved = vi.fn();
    const { user } = renderApp(
      <OrderForm lines={[LINE]} products={[PRODUCT]} onSaved={onSaved} />,
      { user: sessionUser('shift_manager') },
    );

    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Create order' }));

    await vi.waitFor(() =>
      expect(screen.getByLabelText('Planned start')).toHaveAccessibleDescription(
        'Overlaps order PO-4700 (06:00–10:00)',
      ),
    );
    expect(screen.getByLabelText('Planned start')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Planned end')).toHaveAccessibleDescription(
      'Overlaps order PO-4700 (06:00–10:00)',
    );
    expect(screen.getByLabelText('Quantity')).toHaveAttribute('aria-invalid', 'false');
    // Every message named a field: no banner repeating it.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
    expect(server.requests).toHaveLength(1);
  }, 15_000);

  it('checks the input with createProductionOrderSchema before sending', async () => {
    const server = createFakeFetch(() => jsonResponse(500, { statusCode: 500, message: 'no' }));
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<OrderForm lines={[LINE]} products={[PRODUCT]} />, {
      user: sessionUser('shift_manager'),
    });

    await user.click(screen.getByRole('button', { name: 'Create order' }));
    expect(screen.getByLabelText('Line')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Product')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Planned start')).toHaveAccessibleDescription('Required');

    await fillForm(user);
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '2.5');
    await user.click(screen.getByRole('button', { name: 'Create order' }));
    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription('Must be a whole number');
    expect(screen.getByLabelText('Line')).toHaveAttribute('aria-invalid', 'false');

    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '3');
    setTime('Planned end', '2026-03-10T05:00');
    await user.click(screen.getByRole('button', { name: 'Create order' }));
    expect(screen.getByLabelText('Quantity')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByLabelText('Planned end')).toHaveAccessibleDescription(
      'Must be after plannedStart',
    );
    expect(screen.getByLabelText('Planned start')).toHaveAttribute('aria-invalid', 'false');
    expect(server.requests).toHaveLength(0);
  }, 15_000);

  it('changes a planned order with PATCH (an emptied reference is sent as null)', async () => {
    const server = createFakeFetch(() => jsonResponse(200, { ...ORDER, reference: null }));
    vi.stubGlobal('fetch', server.fetch);
    const onSaved = vi.fn();
    const { user } = renderApp(
      <OrderForm lines={[LINE]} products={[PRODUCT]} order={ORDER} onSaved={onSaved} />,
      { user: sessionUser('shift_manager') },
    );

    expect(screen.getByLabelText('Line')).toHaveValue('L1 · Filling 1');
    expect(screen.getByLabelText('Quantity')).toHaveValue(1200);
    await user.clear(screen.getByLabelText('Reference'));
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '900');
    await user.click(screen.getByRole('button', { name: 'Save order' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const request = server.requests[0]!;
    expect(request.method).toBe('PATCH');
    expect(request.url.pathname).toBe(`/api/orders/${ORDER.id}`);
    const body = request.body as Record<string, unknown>;
    expect(body).toMatchObject({ productId: PRODUCT.id, quantity: 900, reference: null });
    expect(Date.parse(body.plannedStart as string)).toBe(Date.parse(ORDER.plannedStart));
    expect(Date.parse(body.plannedEnd as string)).toBe(Date.parse(ORDER.plannedEnd));
    expect(body).not.toHaveProperty('lineId');
  }, 15_000);
});
