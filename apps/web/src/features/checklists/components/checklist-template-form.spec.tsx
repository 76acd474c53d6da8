import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ChecklistTemplate } from '@ms5/contracts';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { createTestQueryClient, renderApp, sessionUser } from '@/testing/test-utils';
import { checklistKeys } from '@/features/checklists/api/checklist-query-keys';
import { ChecklistTemplateForm } from '@/features/checklists/components/checklist-template-form';
import { ChecklistTemplatesPanel } from '@/features/checklists/components/checklist-templates-panel';

const LINES = [{ id: '11111111-1111-4111-8111-111111111111', code: 'L1', name: 'Filling 1' }];
const PRODUCTS = [{ id: '22222222-2222-4222-8222-222222222222', code: 'P-100', name: 'Cola' }];

const SAVED: ChecklistTemplate = {
  id: '99999999-9999-4999-8999-999999999999',
  name: 'Filler start-up',
  lineId: LINES[0]!.id,
  lineCode: 'L1',
  productId: null,
  productCode: null,
  version: 1,
  active: true,
  items: [
    {
      id: '88888888-8888-4888-8888-888888888881',
      label: 'Guard closed',
      kind: 'yes_no',
      critical: true,
      expected: true,
      min: null,
      max: null,
      unit: null,
    },
    {
      id: '88888888-8888-4888-8888-888888888882',
      label: 'Air pressure',
      kind: 'number',
      critical: false,
      expected: null,
      min: 5,
      max: 7,
      unit: 'bar',
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const item = (number: number) => screen.getByRole('group', { name: `Item ${number}` });

describe('ChecklistTemplateForm', () => {
  it('checks the template with the contract schema (a number whose max is below its min)', async () => {
    const server = createFakeFetch(() => jsonResponse(500, { statusCode: 500, message: 'no' }));
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<ChecklistTemplateForm lines={LINES} products={PRODUCTS} />, {
      user: sessionUser('production_manager'),
    });

    await user.click(screen.getByRole('button', { name: 'Create template' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Required');
    expect(within(item(1)).getByLabelText('Label')).toHaveAccessibleDescription('Required');

    await user.type(screen.getByLabelText('Name'), 'Filler start-up');
    await user.type(within(item(1)).getByLabelText('Label'), 'Air pressure');
    await user.selectOptions(within(item(1)).getByLabelText('Kind'), 'number');
    await user.type(within(item(1)).getByLabelText('Min'), '7');
    await user.type(within(item(1)).getByLabelText('Max'), '5');
    await user.click(screen.getByRole('button', { name: 'Create template' }));

    expect(within(item(1)).getByLabelText('Max')).toHaveAccessibleDescription(
      'Must be at least min',
    );
    expect(within(item(1)).getByLabelText('Min')).toHaveAttribute('aria-invalid', 'false');
    // Neither a line nor a product: the template would apply to nothing.
    expect(screen.getByLabelText('Line')).toHaveAccessibleDescription(
      'Give a line, a product or both',
    );
    expect(server.requests).toHaveLength(0);
  }, 15_000);

  it('sends the items in their order, each with only what its kind uses', async () => {
    const server = createFakeFetch(() => jsonResponse(201, SAVED));
    vi.stubGlobal('fetch', server.fetch);
    const queryClient = createTestQueryClient();
    const listKey = checklistKeys.templateList({ page: 1, pageSize: 20, active: 'true' });
    queryClient.setQueryData(listKey, {
      items: [],
      page: 1,
      pageSize: 20,
      total: 0,
      totalPages: 0,
    });
    const onSaved = vi.fn();
    const { user } = renderApp(
      <ChecklistTemplateForm lines={LINES} products={PRODUCTS} onSaved={onSaved} />,
      { user: sessionUser('production_manager'), queryClient },
    );

    await user.type(screen.getByLabelText('Name'), 'Filler start-up');
    await user.selectOptions(screen.getByLabelText('Line'), LINES[0]!.id);
    await user.type(within(item(1)).getByLabelText('Label'), 'Air pressure');
    await user.selectOptions(within(item(1)).getByLabelText('Kind'), 'number');
    await user.type(within(item(1)).getByLabelText('Min'), '5');
    await user.type(within(item(1)).getByLabelText('Max'), '7');
    await user.type(within(item(1)).getByLabelText('Unit'), 'bar');
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    await user.type(within(item(2)).getByLabelText('Label'), 'Guard closed');
    await user.click(within(item(2)).getByRole('checkbox', { name: /Critical/ }));
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    await user.type(within(item(3)).getByLabelText('Label'), 'Leaks found');
    await user.selectOptions(within(item(3)).getByLabelText('Expected answer'), 'no');
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    await user.type(within(item(4)).getByLabelText('Label'), 'Remarks');
    await user.selectOptions(within(item(4)).getByLabelText('Kind'), 'text');
    // Guard first: move it up; then drop the remarks again.
    await user.click(screen.getByRole('button', { name: 'Move item 2 up' }));
    expect(within(item(1)).getByLabelText('Label')).toHaveValue('Guard closed');
    await user.click(screen.getByRole('button', { name: 'Remove item 4' }));
    expect(screen.queryByRole('group', { name: 'Item 4' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move item 3 down' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move item 1 up' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Create template' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(SAVED));
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.url.pathname).toBe('/api/checklist-templates');
    expect(server.requests[0]?.body).toEqual({
      name: 'Filler start-up',
      lineId: LINES[0]!.id,
      productId: null,
      items: [
        { label: 'Guard closed', kind: 'yes_no', critical: true, expected: true },
        { label: 'Air pressure', kind: 'number', critical: false, min: 5, max: 7, unit: 'bar' },
        { label: 'Leaks found', kind: 'yes_no', critical: false, expected: false },
      ],
    });
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
  }, 15_000);

  it("shows the server's fieldErrors beside the item they name, and keeps item ids on edit", async () => {
    const server = createFakeFetch(() =>
      jsonResponse(400, {
        statusCode: 400,
        message: 'Validation failed',
        fieldErrors: [{ path: 'items.1.unit', message: 'At most 20 characters' }],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(
      <ChecklistTemplateForm lines={LINES} products={PRODUCTS} template={SAVED} />,
      { user: sessionUser('production_manager') },
    );

    expect(screen.getByText(/Changing the items makes version 2/)).toBeInTheDocument();
    await user.clear(within(item(2)).getByLabelText('Max'));
    await user.type(within(item(2)).getByLabelText('Max'), '8');
    await user.click(screen.getByRole('button', { name: 'Save template' }));

    await vi.waitFor(() =>
      expect(within(item(2)).getByLabelText('Unit')).toHaveAccessibleDescription(
        'At most 20 characters',
      ),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(server.requests[0]?.method).toBe('PATCH');
    expect(server.requests[0]?.url.pathname).toBe(`/api/checklist-templates/${SAVED.id}`);
    expect(server.requests[0]?.body).toEqual({
      name: 'Filler start-up',
      lineId: LINES[0]!.id,
      productId: null,
      items: [
        {
          id: SAVED.items[0]!.id,
          label: 'Guard closed',
          kind: 'yes_no',
          critical: true,
          expected: true,
        },
        {
          id: SAVED.items[1]!.id,
          label: 'Air pressure',
          kind: 'number',
          critical: false,
          min: 5,
          max: 8,
          unit: 'bar',
        },
      ],
    });
  });

  it('leaves the items out when only the name changes (no new version)', async () => {
    const server = createFakeFetch(() => jsonResponse(200, { ...SAVED, name: 'Filler start' }));
    vi.stubGlobal('fetch', server.fetch);
    const onSaved = vi.fn();
    const { user } = renderApp(
      <ChecklistTemplateForm
        lines={LINES}
        products={PRODUCTS}
        template={SAVED}
        onSaved={onSaved}
      />,
      { user: sessionUser('production_manager') },
    );
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Filler start');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(server.requests[0]?.body).toEqual({
      name: 'Filler start',
      lineId: LINES[0]!.id,
      productId: null,
    });
  });
});

describe('ChecklistTemplatesPanel', () => {
  it('lists templates with scope, version and status, and retires one', async () => {
    let active = true;
    const server = createFakeFetch((request) => {
      if (request.method === 'PATCH') {
        active = false;
        return jsonResponse(200, { ...SAVED, active: false });
      }
      const wanted = request.url.searchParams.get('active');
      const items =
        wanted === 'all' || (wanted === 'true') === active ? [{ ...SAVED, active }] : [];
      return jsonResponse(200, {
        items,
        page: 1,
        pageSize: 20,
        total: items.length,
        totalPages: 1,
      });
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<ChecklistTemplatesPanel lines={LINES} products={PRODUCTS} />, {
      user: sessionUser('production_manager'),
    });

    const table = await screen.findByRole('table', { name: 'Checklist templates' });
    expect(server.requests[0]?.url.searchParams.get('active')).toBe('true');
    expect(server.requests[0]?.url.searchParams.get('pageSize')).toBe('20');
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Filler start-upLine L112Active');

    await user.click(within(row).getByRole('button', { name: 'Retire Filler start-up' }));
    expect(await screen.findByText('Filler start-up retired.')).toBeInTheDocument();
    const patch = server.requests.find((request) => request.method === 'PATCH');
    expect(patch?.url.pathname).toBe(`/api/checklist-templates/${SAVED.id}`);
    expect(patch?.body).toEqual({ active: false });
    await vi.waitFor(() =>
      expect(within(table).getByText('No templates here yet.')).toBeInTheDocument(),
    );

    await user.selectOptions(screen.getByLabelText('Show'), 'all');
    const reactivate = await screen.findByRole('button', { name: 'Reactivate Filler start-up' });
    expect(reactivate).toBeEnabled();
  });
});
