import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { WorkOrderForm } from '@/features/maintenance/components/work-order-form';
import {
  ANDON_CALL_ID,
  EQUIPMENT_ID,
  LINE_ID,
  workOrder,
} from '@/features/maintenance/testing/work-order-fixtures';

const EQUIPMENT = [{ id: EQUIPMENT_ID, code: 'FIL-1', name: 'Filler 1', lineId: LINE_ID }];

describe('WorkOrderForm', () => {
  it('opens a corrective request from an andon call, carrying the call, and names what is missing first', async () => {
    const server = createFakeFetch(() => jsonResponse(201, workOrder({ status: 'open' })));
    vi.stubGlobal('fetch', server.fetch);
    const onCreated = vi.fn();
    const { user } = renderApp(
      <WorkOrderForm
        equipment={EQUIPMENT}
        defaults={{ equipmentId: EQUIPMENT_ID, andonCallId: ANDON_CALL_ID, priority: 'high' }}
        onCreated={onCreated}
      />,
      { user: sessionUser('operator') },
    );
    expect(screen.getByText(/From an andon call/)).toBeInTheDocument();
    // An operator requests corrective work only.
    expect(screen.getByLabelText('Type')).toHaveTextContent('Corrective');
    expect(screen.getByLabelText('Type').querySelectorAll('option')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Open work order' }));
    expect(screen.getByText('Required')).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);

    await user.type(screen.getByLabelText('What is wrong?'), 'Filler leaks oil');
    await user.click(screen.getByRole('button', { name: 'Open work order' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(server.requests[0]?.url.pathname).toBe('/api/work-orders');
    expect(server.requests[0]?.body).toEqual({
      equipmentId: EQUIPMENT_ID,
      type: 'corrective',
      priority: 'high',
      title: 'Filler leaks oil',
      andonCallId: ANDON_CALL_ID,
    });
  });

  it("lets a planner open planned work, and shows the server's field errors beside the fields", async () => {
    const server = createFakeFetch(() =>
      jsonResponse(400, {
        statusCode: 400,
        code: 'INVALID_REFERENCE',
        message: 'Invalid equipmentId',
        fieldErrors: [{ path: 'equipmentId', message: 'Does not exist' }],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<WorkOrderForm equipment={EQUIPMENT} />, {
      user: sessionUser('shift_manager'),
    });
    await user.selectOptions(screen.getByLabelText('Equipment'), EQUIPMENT_ID);
    await user.selectOptions(screen.getByLabelText('Type'), 'preventive');
    await user.type(screen.getByLabelText('What is wrong?'), 'Lubricate the chain');
    await user.click(screen.getByRole('button', { name: 'Open work order' }));
    expect(await screen.findByText('Does not exist')).toBeInTheDocument();
    expect(server.requests[0]?.body).toMatchObject({ type: 'preventive', priority: 'medium' });
  });

  it('opens one from a stop, carrying the machine event that began it', async () => {
    const server = createFakeFetch(() => jsonResponse(201, workOrder({ status: 'open' })));
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(
      <WorkOrderForm
        equipment={EQUIPMENT}
        defaults={{ equipmentId: EQUIPMENT_ID, downtimeEventId: '4711', title: 'Jam on FIL-1' }}
      />,
      { user: sessionUser('operator') },
    );
    expect(screen.getByText(/From a stop/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open work order' }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]?.body).toEqual({
      equipmentId: EQUIPMENT_ID,
      type: 'corrective',
      priority: 'medium',
      title: 'Jam on FIL-1',
      downtimeEventId: 4711,
    });
  });
});
