import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '@/config/paths';
import { type FakeRequest, createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import {
  EARLY_ID,
  HANDOVER_ID,
  LINE,
  LINE_ID,
  SHIFTS,
  draft,
  handover,
  page,
} from '@/features/handover/testing/handover-fixtures';
import { HANDOVER_LINE_KEY, HandoverDetailPage, HandoverPage } from '@/app/routes/handover-page';

const routes = [
  { path: paths.handover, element: <HandoverPage /> },
  { path: paths.handoverDetail, element: <HandoverDetailPage /> },
];

function serve() {
  const server = createFakeFetch((request: FakeRequest) => {
    const path = request.url.pathname;
    if (path === '/api/lines') return jsonResponse(200, page([LINE]));
    if (path === '/api/shifts') return jsonResponse(200, page(SHIFTS));
    if (path === `/api/lines/${LINE_ID}/handover-draft`) return jsonResponse(200, draft());
    if (path === '/api/handovers' && request.method === 'POST')
      return jsonResponse(201, handover({ notes: (request.body as { notes: string }).notes }));
    if (path === '/api/handovers') return jsonResponse(200, page([handover()]));
    if (path === `/api/handovers/${HANDOVER_ID}`) return jsonResponse(200, handover());
    return jsonResponse(404, { statusCode: 404, message: 'Not found' });
  });
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

const drafts = (server: ReturnType<typeof serve>) =>
  server.requests.filter((request) => request.url.pathname.endsWith('/handover-draft'));

describe('HandoverPage', () => {
  it('picks a line, sums up its latest shift, hands it over and opens the written handover', async () => {
    const server = serve();
    const { user, router } = renderApp(routes, {
      user: sessionUser('shift_manager'),
      path: paths.handover,
    });
    expect(await screen.findByRole('table', { name: 'Past handovers' })).toBeInTheDocument();
    expect(drafts(server)).toHaveLength(0);

    await user.selectOptions(await screen.findByLabelText('Line'), 'Bottling (L1)');
    expect(localStorage.getItem(HANDOVER_LINE_KEY)).toBe(LINE_ID);
    expect(screen.getByRole('combobox', { name: 'Shift' })).toHaveDisplayValue('Shift ending now');
    await user.type(
      await screen.findByLabelText('Notes for the incoming shift'),
      'Start PO-8 first.',
    );
    expect(drafts(server)[0]!.url.search).toBe('');

    await user.click(screen.getByRole('button', { name: 'Hand over' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/handover/${HANDOVER_ID}`));
    const post = server.requests.find((request) => request.method === 'POST')!;
    expect(post.body).toEqual({
      lineId: LINE_ID,
      shiftId: EARLY_ID,
      date: '2026-03-10',
      notes: 'Start PO-8 first.',
    });
    expect(await screen.findByRole('region', { name: 'Acknowledgement' })).toBeInTheDocument();
  });

  it('sums up a chosen shift occurrence of the remembered line', async () => {
    localStorage.setItem(HANDOVER_LINE_KEY, LINE_ID);
    const server = serve();
    const { user, router } = renderApp(routes, {
      user: sessionUser('shift_manager'),
      path: paths.handover,
    });
    await screen.findByRole('region', { name: 'OEE' });
    expect(router.state.location.search).toBe(`?lineId=${LINE_ID}`);

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Shift' }),
      'Early (06:00–14:00)',
    );
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '2026-03-09' } });
    await vi.waitFor(() =>
      expect(drafts(server).at(-1)!.url.searchParams.get('date')).toBe('2026-03-09'),
    );
    expect(drafts(server).at(-1)!.url.searchParams.get('shiftId')).toBe(EARLY_ID);
  });

  it('shows readers the summary and the past handovers, without writing', async () => {
    serve();
    renderApp(routes, { user: sessionUser('viewer'), path: `${paths.handover}?lineId=${LINE_ID}` });
    expect(await screen.findByRole('region', { name: 'Open work orders' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hand over' })).not.toBeInTheDocument();
    const list = await screen.findByRole('table', { name: 'Past handovers' });
    expect(within(list).getByRole('link')).toHaveAttribute('href', `/handover/${HANDOVER_ID}`);
  });

  it('opens a handover from its address', async () => {
    serve();
    renderApp(routes, { user: sessionUser('viewer'), path: `/handover/${HANDOVER_ID}` });
    expect(await screen.findByRole('region', { name: /Line L1: Early/ })).toHaveTextContent(
      'Sam Early',
    );
    expect(screen.getByRole('link', { name: 'All handovers' })).toHaveAttribute(
      'href',
      '/handover',
    );
  });
});
