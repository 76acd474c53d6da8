import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { HandoverDraftPanel } from '@/features/handover/components/handover-draft-panel';
import {
  EARLY_ID,
  HANDOVER_ID,
  LINE_ID,
  draft,
  handover,
  summary,
} from '@/features/handover/testing/handover-fixtures';

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function figure(container: HTMLElement, label: string): string {
  return (
    within(container).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? ''
  );
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('HandoverDraftPanel', () => {
  it('shows every part of the summary, and says work orders are not tracked yet', async () => {
    const server = createFakeFetch(() => jsonResponse(200, draft()));
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<HandoverDraftPanel lineId={LINE_ID} occurrence={null} canWrite />, {
      user: sessionUser('shift_manager'),
    });

    expect(
      await screen.findByRole('heading', {
        name: 'Line L1: Early · Tue, 10 Mar 2026 · 06:00–14:00',
      }),
    ).toBeInTheDocument();
    expect(server.requests[0]!.url.pathname).toBe(`/api/lines/${LINE_ID}/handover-draft`);
    expect(server.requests[0]!.url.search).toBe('');

    const output = section('Output against target');
    expect(figure(output, 'Target')).toBe('480');
    expect(figure(output, 'Good')).toBe('455');
    expect(figure(output, 'Rejected')).toBe('7');
    expect(figure(output, 'Gap')).toBe('-25');
    expect(within(output).getByText('-25')).toHaveClass('handover-gap--behind');

    const oee = section('OEE');
    expect(['Availability', 'Performance', 'Quality', 'OEE'].map((k) => figure(oee, k))).toEqual([
      '90.0 %',
      '95.0 %',
      '98.5 %',
      '84.2 %',
    ]);

    expect(rowsOf(within(section('Top losses')).getByRole('table'))).toEqual([
      ['Jam', '21 min', '3'],
      ['No reason given', '5 min', '2'],
    ]);
    const [call] = rowsOf(within(section('Open andon calls')).getByRole('table'));
    expect(call).toEqual([
      'FILL-1',
      'Maintenance',
      'High',
      'Acknowledged',
      expect.any(String) as string,
      'Valve leaking',
    ]);
    const [order] = rowsOf(within(section('Open orders')).getByRole('table'));
    expect(order!.slice(0, 4)).toEqual(['PO-8', 'WIDGET', 'Released', '500']);
    expect(section('Open work orders')).toHaveTextContent(
      'Open work orders: not tracked yet (no maintenance module)',
    );
    expect(within(section('Open work orders')).queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists work orders once there is a source for them, and says when nothing is open', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(
        200,
        draft({
          summary: summary({
            openWorkOrders: [
              {
                id: 'wo-1',
                title: 'Replace FILL-1 valve',
                number: 'WO-2026-00001',
                equipmentCode: 'FILL-1',
                type: 'corrective',
                priority: 'high',
                status: 'open',
                createdAt: '2026-03-04T12:00:00.000Z',
              },
            ],
            openAndonCalls: [],
            openOrders: [],
            topLosses: [],
            oee: { availability: null, performance: null, quality: null, oee: null },
          }),
        }),
      ),
    );
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<HandoverDraftPanel lineId={LINE_ID} occurrence={null} canWrite />, {
      user: sessionUser('shift_manager'),
    });
    await screen.findByRole('region', { name: 'Open work orders' });
    expect(section('Open work orders')).toHaveTextContent('Replace FILL-1 valve');
    expect(section('Open andon calls')).toHaveTextContent('No open andon calls.');
    expect(section('Open orders')).toHaveTextContent('No open orders.');
    expect(section('Top losses')).toHaveTextContent('No unplanned stops in this shift.');
    expect(figure(section('OEE'), 'OEE')).toBe('—');
    expect(section('OEE')).toHaveTextContent('Nothing was planned in this shift.');
  });

  it('sends the notes with the occurrence it showed, and hands the stored handover back', async () => {
    const server = createFakeFetch((request) =>
      request.method === 'POST'
        ? jsonResponse(201, handover({ notes: 'Valve leaks.' }))
        : jsonResponse(200, draft()),
    );
    vi.stubGlobal('fetch', server.fetch);
    const onCreated = vi.fn();
    const { user } = renderApp(
      <HandoverDraftPanel lineId={LINE_ID} occurrence={null} canWrite onCreated={onCreated} />,
      { user: sessionUser('shift_manager') },
    );
    await user.type(await screen.findByLabelText('Notes for the incoming shift'), 'Valve leaks.');
    await user.click(screen.getByRole('button', { name: 'Hand over' }));

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledOnce());
    const post = server.requests.find((request) => request.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/handovers');
    expect(post.body).toEqual({
      lineId: LINE_ID,
      shiftId: EARLY_ID,
      date: '2026-03-10',
      notes: 'Valve leaks.',
    });
    expect((onCreated.mock.calls[0]![0] as { id: string }).id).toBe(HANDOVER_ID);
  });

  it('links to the handover already written for the shift instead of offering another', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch(() => jsonResponse(200, draft({ existingHandoverId: HANDOVER_ID }))).fetch,
    );
    renderApp(<HandoverDraftPanel lineId={LINE_ID} occurrence={null} canWrite />, {
      user: sessionUser('shift_manager'),
    });
    expect(await screen.findByRole('link', { name: 'Open its handover' })).toHaveAttribute(
      'href',
      `/handover/${HANDOVER_ID}`,
    );
    expect(screen.getByText('This shift is already handed over')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hand over' })).not.toBeInTheDocument();
  });

  it('shows the summary without the form to readers', async () => {
    vi.stubGlobal('fetch', createFakeFetch(() => jsonResponse(200, draft())).fetch);
    renderApp(<HandoverDraftPanel lineId={LINE_ID} occurrence={null} canWrite={false} />, {
      user: sessionUser('viewer'),
    });
    expect(await screen.findByRole('region', { name: 'OEE' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Notes for the incoming shift')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hand over' })).not.toBeInTheDocument();
  });

  it('on 409 says the shift is handed over already, and then links to that handover', async () => {
    let written = false;
    const server = createFakeFetch((request) => {
      if (request.method === 'POST') {
        written = true;
        return jsonResponse(409, {
          statusCode: 409,
          message: 'This shift of line L1 already has a handover.',
          code: 'HANDOVER_EXISTS',
        });
      }
      return jsonResponse(200, draft({ existingHandoverId: written ? HANDOVER_ID : null }));
    });
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(
      <HandoverDraftPanel
        lineId={LINE_ID}
        occurrence={{ shiftId: EARLY_ID, date: '2026-03-10' }}
        canWrite
      />,
      { user: sessionUser('shift_manager') },
    );
    await user.click(await screen.findByRole('button', { name: 'Hand over' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Already done');
    expect(alert).toHaveTextContent('This shift of line L1 already has a handover.');
    expect(await screen.findByRole('link', { name: 'Open its handover' })).toBeInTheDocument();
    const drafts = server.requests.filter((request) => request.method === 'GET');
    expect(drafts).toHaveLength(2);
    expect(drafts[0]!.url.searchParams.get('shiftId')).toBe(EARLY_ID);
    expect(drafts[0]!.url.searchParams.get('date')).toBe('2026-03-10');
  });

  it('puts the server’s message about the notes under the notes', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch((request) =>
        request.method === 'POST'
          ? jsonResponse(400, {
              statusCode: 400,
              message: 'Validation failed',
              fieldErrors: [{ path: 'notes', message: 'At most 4000 characters' }],
            })
          : jsonResponse(200, draft()),
      ).fetch,
    );
    const { user } = renderApp(<HandoverDraftPanel lineId={LINE_ID} occurrence={null} canWrite />, {
      user: sessionUser('shift_manager'),
    });
    await user.click(await screen.findByRole('button', { name: 'Hand over' }));
    const notes = screen.getByLabelText('Notes for the incoming shift');
    await vi.waitFor(() => expect(notes).toHaveAttribute('aria-invalid', 'true'));
    expect(notes).toHaveAccessibleDescription('At most 4000 characters');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the server’s message about another field above the form', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch((request) =>
        request.method === 'POST'
          ? jsonResponse(400, {
              statusCode: 400,
              message: 'Validation failed',
              fieldErrors: [
                { path: 'date', message: 'Shift Early on 2026-03-10 has not begun yet' },
              ],
            })
          : jsonResponse(200, draft()),
      ).fetch,
    );
    const { user } = renderApp(<HandoverDraftPanel lineId={LINE_ID} occurrence={null} canWrite />, {
      user: sessionUser('shift_manager'),
    });
    await user.click(await screen.findByRole('button', { name: 'Hand over' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not hand over');
    expect(alert).toHaveTextContent('Shift Early on 2026-03-10 has not begun yet');
    expect(screen.getByLabelText('Notes for the incoming shift')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it('says so when the line has no shift to hand over (409)', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch(() =>
        jsonResponse(409, {
          statusCode: 409,
          message: 'Line L1 has no shifts.',
          code: 'NO_SHIFTS',
        }),
      ).fetch,
    );
    renderApp(<HandoverDraftPanel lineId={LINE_ID} occurrence={null} canWrite />, {
      user: sessionUser('shift_manager'),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No shift to hand over');
    expect(alert).toHaveTextContent('Line L1 has no shifts.');
  });
});
