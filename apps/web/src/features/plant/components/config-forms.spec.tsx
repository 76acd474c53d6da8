import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { createTestQueryClient, renderApp, sessionUser } from '@/testing/test-utils';
import { plantKeys } from '@/features/plant/api/plant-query-keys';
import { LinesPanel } from '@/features/plant/components/config-panels';
import { LineForm } from '@/features/plant/components/line-form';
import { ShiftForm } from '@/features/plant/components/shift-form';

const LINE_ID = '6f1c3c0e-3d1b-4a8e-9a59-0c1f8d7e2a11';
const LINE = {
  id: LINE_ID,
  code: 'L1',
  name: 'Line 1',
  areaId: null,
  microStopThresholdSeconds: 120,
  outputEquipmentId: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};
const lines = (items: unknown[]) => ({
  items,
  page: 1,
  pageSize: 25,
  total: items.length,
  totalPages: 1,
});

describe('LineForm', () => {
  it('checks the input with createLineSchema before sending anything', async () => {
    const server = createFakeFetch(() => jsonResponse(500, { statusCode: 500, message: 'no' }));
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<LineForm />, { user: sessionUser('engineer') });

    await user.type(screen.getByLabelText('Code'), 'bad code!');
    await user.clear(screen.getByLabelText('Micro-stop threshold (s)'));
    await user.type(screen.getByLabelText('Micro-stop threshold (s)'), '0');
    await user.click(screen.getByRole('button', { name: 'Create line' }));

    expect(screen.getByLabelText('Code')).toHaveAccessibleDescription(
      'Letters, digits, dot, dash and underscore only',
    );
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Required');
    expect(screen.getByLabelText('Micro-stop threshold (s)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(server.requests.filter((request) => request.method !== 'GET')).toHaveLength(0);
  });

  it("shows the server's 409 fieldErrors next to the field, and sends the parsed numbers", async () => {
    const server = createFakeFetch(() =>
      jsonResponse(409, {
        statusCode: 409,
        message: 'Line with this code already exists',
        code: 'CONFLICT',
        fieldErrors: [{ path: 'code', message: 'Already taken' }],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const onSaved = vi.fn();
    const { user } = renderApp(<LineForm onSaved={onSaved} />, { user: sessionUser('engineer') });

    await user.type(screen.getByLabelText('Code'), 'L1');
    await user.type(screen.getByLabelText('Name'), 'Line one');
    await user.click(screen.getByRole('button', { name: 'Create line' }));

    await vi.waitFor(() =>
      expect(screen.getByLabelText('Code')).toHaveAccessibleDescription('Already taken'),
    );
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument(); // every message found its field
    expect(onSaved).not.toHaveBeenCalled();
    const post = server.requests.find((request) => request.method === 'POST')!;
    expect(post.body).toMatchObject({
      code: 'L1',
      name: 'Line one',
      microStopThresholdSeconds: 120,
    });
    expect(post.url.pathname).toBe('/api/lines');
  });
});

describe('LineForm output equipment', () => {
  const EQUIPMENT = (id: string, code: string) => ({
    id,
    code,
    name: `Equipment ${code}`,
    lineId: LINE_ID,
    idealCycleTimeSeconds: 2,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });
  const FILLER = EQUIPMENT('1a2b3c4d-0000-4000-8000-000000000001', 'FILL');
  const PACKER = EQUIPMENT('1a2b3c4d-0000-4000-8000-000000000002', 'PACK');

  it('offers no output when creating: a new line has no equipment yet', () => {
    vi.stubGlobal('fetch', createFakeFetch(() => jsonResponse(200, lines([]))).fetch);
    renderApp(<LineForm />, { user: sessionUser('engineer') });
    expect(screen.queryByLabelText('Output equipment')).not.toBeInTheDocument();
  });

  it("lists the line's equipment, sends the chosen outputEquipmentId, and shows the server's error beside it", async () => {
    const server = createFakeFetch((request) => {
      if (request.method === 'GET' && request.url.pathname === '/api/equipment')
        return jsonResponse(200, lines([FILLER, PACKER]));
      if (request.method === 'GET') return jsonResponse(200, lines([]));
      return jsonResponse(400, {
        statusCode: 400,
        message: 'Invalid request: outputEquipmentId',
        fieldErrors: [{ path: 'outputEquipmentId', message: 'Must be equipment of this line' }],
      });
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<LineForm item={LINE} />, { user: sessionUser('engineer') });

    await screen.findByRole('option', { name: 'PACK · Equipment PACK' });
    const select = screen.getByLabelText('Output equipment');
    expect(select).toHaveValue('');
    expect(screen.getByRole('option', { name: 'All equipment, summed' })).toBeInTheDocument();
    await user.selectOptions(select, PACKER.id);
    await user.click(screen.getByRole('button', { name: 'Save line' }));

    await vi.waitFor(() =>
      expect(screen.getByLabelText('Output equipment')).toHaveAccessibleDescription(
        'Must be equipment of this line',
      ),
    );
    const equipmentList = server.requests.find((r) => r.url.pathname === '/api/equipment')!;
    expect(equipmentList.url.searchParams.get('lineId')).toBe(LINE_ID);
    const patch = server.requests.find((request) => request.method === 'PATCH')!;
    expect(patch.url.pathname).toBe(`/api/lines/${LINE_ID}`);
    expect(patch.body).toMatchObject({ outputEquipmentId: PACKER.id });
  });

  it('keeps the output while the equipment loads, and sends null for all equipment', async () => {
    const server = createFakeFetch((request) =>
      request.method === 'GET'
        ? new Promise<Response>(() => undefined)
        : jsonResponse(200, { ...LINE, ...(request.body as object) }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const withOutput = { ...LINE, outputEquipmentId: PACKER.id };
    const { user } = renderApp(<LineForm item={withOutput} />, { user: sessionUser('engineer') });

    expect(screen.getByLabelText('Output equipment')).toHaveValue(PACKER.id);
    await user.selectOptions(screen.getByLabelText('Output equipment'), '');
    await user.click(screen.getByRole('button', { name: 'Save line' }));
    await vi.waitFor(() =>
      expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1),
    );
    expect(server.requests.find((r) => r.method === 'PATCH')!.body).toMatchObject({
      outputEquipmentId: null,
    });
  });
});

describe('ShiftForm', () => {
  it('puts server errors on nested fields (breaks.0.durationMinutes) and the rest above the form', async () => {
    const server = createFakeFetch((request) => {
      if (request.url.pathname === '/api/lines') return jsonResponse(200, lines([LINE]));
      return jsonResponse(400, {
        statusCode: 400,
        message: 'Validation failed',
        fieldErrors: [
          { path: 'breaks.0.durationMinutes', message: 'Break runs past the end of the shift' },
          { path: 'overlap', message: 'Overlaps the shift Early' },
        ],
      });
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<ShiftForm />, { user: sessionUser('engineer') });

    await screen.findByRole('option', { name: 'L1 · Line 1' });
    await user.selectOptions(screen.getByLabelText('Line'), LINE_ID);
    await user.type(screen.getByLabelText('Name'), 'Late');
    await user.clear(screen.getByLabelText('Time zone'));
    await user.type(screen.getByLabelText('Time zone'), 'Europe/Berlin');
    await user.click(screen.getByRole('button', { name: 'Add a break' }));
    await user.type(screen.getByLabelText('Break 1 starts at'), '13:30');
    await user.click(screen.getByRole('button', { name: 'Create shift' }));

    await vi.waitFor(() =>
      expect(screen.getByLabelText('Break 1 minutes')).toHaveAccessibleDescription(
        'Break runs past the end of the shift',
      ),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Validation failed overlap: Overlaps the shift Early',
    );
    const post = server.requests.find((request) => request.method === 'POST')!;
    expect(post.body).toEqual({
      lineId: LINE_ID,
      name: 'Late',
      startTime: '06:00',
      endTime: '14:00',
      timezone: 'Europe/Berlin',
      breaks: [{ startTime: '13:30', durationMinutes: 15 }],
    });
  });
});

describe('LinesPanel delete', () => {
  it('asks to confirm, sends DELETE, and explains a 409 IN_USE', async () => {
    const server = createFakeFetch((request) =>
      request.method === 'DELETE'
        ? jsonResponse(409, {
            statusCode: 409,
            message: 'Line is still in use and cannot be deleted',
            code: 'IN_USE',
          })
        : jsonResponse(200, lines([LINE])),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<LinesPanel />, { user: sessionUser('engineer') });

    const row = (await screen.findByRole('cell', { name: 'L1' })).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Delete L1' }));
    expect(server.requests.filter((request) => request.method === 'DELETE')).toHaveLength(0);
    await user.click(within(row).getByRole('button', { name: 'Confirm delete L1' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Line is still in use and cannot be deleted. Remove or move what uses it first.',
    );
    const del = server.requests.find((request) => request.method === 'DELETE')!;
    expect(del.url.pathname).toBe(`/api/lines/${LINE_ID}`);
    expect(del.headers.get('Authorization')).toBe('Bearer test-access');
  });

  it('deletes and refreshes the list when nothing uses the line', async () => {
    let deleted = false;
    const server = createFakeFetch((request) => {
      if (request.method === 'DELETE') {
        deleted = true;
        return jsonResponse(204, null);
      }
      return jsonResponse(200, lines(deleted ? [] : [LINE]));
    });
    vi.stubGlobal('fetch', server.fetch);
    const queryClient = createTestQueryClient();
    const { user } = renderApp(<LinesPanel />, { user: sessionUser('engineer'), queryClient });

    const row = (await screen.findByRole('cell', { name: 'L1' })).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Delete L1' }));
    await user.click(within(row).getByRole('button', { name: 'Confirm delete L1' }));

    expect(await screen.findByText('Line L1 deleted.')).toBeInTheDocument();
    expect(await screen.findByText('No lines yet.')).toBeInTheDocument();
    expect(queryClient.getQueryData(plantKeys.list('lines', { page: 1, pageSize: 25 }))).toEqual(
      lines([]),
    );
  });

  it('shows no create, edit or delete to a role without plant:manage', async () => {
    vi.stubGlobal('fetch', createFakeFetch(() => jsonResponse(200, lines([LINE]))).fetch);
    renderApp(<LinesPanel />, { user: sessionUser('shift_manager') });
    await screen.findByRole('cell', { name: 'L1' });
    expect(screen.queryByRole('button', { name: /Delete|Edit|New line/ })).not.toBeInTheDocument();
  });
});
