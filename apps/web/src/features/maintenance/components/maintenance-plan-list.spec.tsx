import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { MaintenancePlanList } from '@/features/maintenance/components/maintenance-plan-list';
import { PLAN_ID, plan } from '@/features/maintenance/testing/maintenance-plan-fixtures';
import { EQUIPMENT_ID, LINE_ID, page } from '@/features/maintenance/testing/work-order-fixtures';

const LINES = [{ id: LINE_ID, code: 'L1', name: 'Line 1' }];
const EQUIPMENT = [{ id: EQUIPMENT_ID, code: 'FIL-1', name: 'Filler 1', lineId: LINE_ID }];

describe('MaintenancePlanList', () => {
  it('lists the plans with their triggers, meters and next due, read-only without maintenance:plan', async () => {
    const server = createFakeFetch(() => jsonResponse(200, page([plan()])));
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<MaintenancePlanList lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('maintenance'),
    });
    const card = await screen.findByRole('listitem');
    expect(card).toHaveTextContent('Lubricate the chain');
    expect(card).toHaveTextContent('Every 2 weeks or Every 8 running hours');
    expect(card).toHaveTextContent('5.5 h running');
    expect(card).toHaveTextContent('2.5 h running left');
    expect(within(card).getByRole('link', { name: /Filler 1/ })).toHaveAttribute(
      'href',
      `/maintenance/equipment/${EQUIPMENT_ID}`,
    );
    expect(screen.queryByRole('button', { name: 'New plan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(server.requests[0]?.url.pathname).toBe('/api/maintenance-plans');
  });

  it('filters by line, sending lineId', async () => {
    const server = createFakeFetch(() => jsonResponse(200, page([plan()])));
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<MaintenancePlanList lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('maintenance'),
    });
    await screen.findByRole('listitem');
    await user.selectOptions(screen.getByLabelText('Line'), LINE_ID);
    await vi.waitFor(() =>
      expect(server.requests.at(-1)?.url.searchParams.get('lineId')).toBe(LINE_ID),
    );
  });

  it('creates a plan with two triggers, refusing a trigger of 0 first, and shows the saved next due', async () => {
    const created = plan({
      triggers: [
        { kind: 'calendar', every: 1, unit: 'month' },
        { kind: 'parts', everyParts: 5000 },
      ],
      nextDue: { at: '2026-04-01T06:00:00.000Z', partsLeft: 5000 },
      meters: { runtimeHours: 0, parts: 0 },
    });
    const server = createFakeFetch((request) =>
      request.method === 'POST' ? jsonResponse(201, created) : jsonResponse(200, page([])),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<MaintenancePlanList lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('shift_manager'),
    });
    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('form', { name: 'New plan' });
    expect(within(form).getByText(/Shown once the plan is saved/)).toBeInTheDocument();

    await user.selectOptions(within(form).getByLabelText('Equipment'), EQUIPMENT_ID);
    await user.type(within(form).getByLabelText('Title'), 'Lubricate the chain');
    await user.click(within(form).getByRole('button', { name: 'Add a trigger' }));
    await user.selectOptions(within(form).getByLabelText('Trigger 2'), 'parts');
    await user.type(within(form).getByLabelText('Every (parts)'), '0');
    await user.click(within(form).getByRole('button', { name: 'Create plan' }));
    expect(within(form).getByText('Must be at least 1 part')).toBeInTheDocument();
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.clear(within(form).getByLabelText('Every (parts)'));
    await user.type(within(form).getByLabelText('Every (parts)'), '5000');
    await user.click(within(form).getByRole('button', { name: 'Create plan' }));
    await vi.waitFor(() =>
      expect(within(form).getByText(/parts left/)).toHaveTextContent('5,000 parts left'),
    );
    const post = server.requests.find((request) => request.method === 'POST');
    expect(post?.url.pathname).toBe('/api/maintenance-plans');
    expect(post?.body).toEqual({
      equipmentId: EQUIPMENT_ID,
      title: 'Lubricate the chain',
      priority: 'medium',
      floating: false,
      leadTimeHours: 0,
      triggers: [
        { kind: 'calendar', every: 1, unit: 'month' },
        { kind: 'parts', everyParts: 5000 },
      ],
    });
    expect(within(form).getByText(/As saved, from the server/)).toBeInTheDocument();
  });

  it('edits a plan: removes a trigger, makes it floating, and PATCHes only what the update schema takes', async () => {
    const server = createFakeFetch((request) =>
      request.method === 'PATCH'
        ? jsonResponse(
            200,
            plan({ floating: true, triggers: [{ kind: 'runtime', everyHours: 8 }] }),
          )
        : jsonResponse(200, page([plan()])),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<MaintenancePlanList lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('shift_manager'),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit Lubricate the chain' }));
    const form = screen.getByRole('form', { name: 'Edit plan' });
    expect(within(form).getByLabelText('Equipment')).toBeDisabled();
    expect(within(form).getByText(/As saved, from the server/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Remove trigger 1' }));
    await user.selectOptions(within(form).getByLabelText('Schedule'), 'floating');
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));
    await vi.waitFor(() =>
      expect(server.requests.some((request) => request.method === 'PATCH')).toBe(true),
    );
    const patch = server.requests.find((request) => request.method === 'PATCH');
    expect(patch?.url.pathname).toBe(`/api/maintenance-plans/${PLAN_ID}`);
    expect(patch?.body).toEqual({
      title: 'Lubricate the chain',
      description: null,
      priority: 'medium',
      floating: true,
      leadTimeHours: 0,
      triggers: [{ kind: 'runtime', everyHours: 8 }],
    });
  });

  it('names a plan without triggers before sending, and the server refusal in words', async () => {
    const server = createFakeFetch((request) =>
      request.method === 'POST'
        ? jsonResponse(403, {
            statusCode: 403,
            code: 'LINE_NOT_ASSIGNED',
            message: 'Not your line',
          })
        : jsonResponse(200, page([])),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<MaintenancePlanList lines={LINES} equipment={EQUIPMENT} />, {
      user: sessionUser('shift_manager'),
    });
    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('form', { name: 'New plan' });
    await user.selectOptions(within(form).getByLabelText('Equipment'), EQUIPMENT_ID);
    await user.type(within(form).getByLabelText('Title'), 'Check belts');
    await user.click(within(form).getByRole('button', { name: 'Remove trigger 1' }));
    await user.click(within(form).getByRole('button', { name: 'Create plan' }));
    expect(within(form).getByText('Give at least one trigger')).toBeInTheDocument();
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: 'Add a trigger' }));
    await user.type(within(form).getByLabelText('Every'), '3');
    await user.click(within(form).getByRole('button', { name: 'Create plan' }));
    expect(await within(form).findByText(/Not your line/)).toBeInTheDocument();
  });
});
