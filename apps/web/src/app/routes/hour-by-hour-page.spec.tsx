import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '@/config/paths';
import { type FakeRequest, createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import {
  FILLER,
  LATE_ID,
  LINE,
  LINE_ID,
  SHIFTS,
  board,
  page,
} from '@/features/hour-by-hour/testing/hour-by-hour-fixtures';
import { todayIn } from '@/features/hour-by-hour/utils/format';
import { HOUR_BY_HOUR_LINE_KEY, HourByHourPage } from '@/app/routes/hour-by-hour-page';

const routes = [
  { path: paths.hourByHour, element: <HourByHourPage /> },
  { path: paths.lineHourByHour, element: <HourByHourPage /> },
];

function serve() {
  const server = createFakeFetch((request: FakeRequest) => {
    switch (request.url.pathname) {
      case '/api/lines':
        return jsonResponse(200, page([LINE]));
      case '/api/shifts':
        return jsonResponse(200, page(SHIFTS));
      case '/api/equipment':
        return jsonResponse(200, page([FILLER]));
      case `/api/lines/${LINE_ID}/hour-by-hour`:
        return jsonResponse(200, board());
      default:
        return jsonResponse(404, { statusCode: 404, message: 'Not found' });
    }
  });
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

const boardRequests = (server: ReturnType<typeof serve>) =>
  server.requests.filter((request) => request.url.pathname.endsWith('/hour-by-hour'));

describe('HourByHourPage', () => {
  it('lets the user pick a line once, then remembers it', async () => {
    serve();
    const { user, router } = renderApp(routes, {
      user: sessionUser('viewer'),
      path: paths.hourByHour,
    });
    await user.click(await screen.findByRole('button', { name: /Bottling/ }));

    expect(router.state.location.pathname).toBe(`/hour-by-hour/${LINE_ID}`);
    expect(localStorage.getItem(HOUR_BY_HOUR_LINE_KEY)).toBe(LINE_ID);
    expect(await screen.findByRole('table', { name: /Bottling \(L1\)/ })).toBeInTheDocument();
    // The output equipment is named from the line's equipment.
    expect(screen.getByText('Output counted at').nextElementSibling).toHaveTextContent(
      'Filler one',
    );
  });

  it('opens the remembered line straight away, and forgets it on "Change line"', async () => {
    localStorage.setItem(HOUR_BY_HOUR_LINE_KEY, LINE_ID);
    serve();
    const { user, router } = renderApp(routes, {
      user: sessionUser('viewer'),
      path: `${paths.hourByHour}?wall=1`,
    });
    await screen.findByRole('table');
    expect(router.state.location.pathname).toBe(`/hour-by-hour/${LINE_ID}`);
    expect(router.state.location.search).toBe('?wall=1');

    await user.click(screen.getByRole('button', { name: 'Exit wall screen' }));
    await user.click(screen.getByRole('button', { name: 'Change line' }));
    expect(router.state.location.pathname).toBe(paths.hourByHour);
    expect(localStorage.getItem(HOUR_BY_HOUR_LINE_KEY)).toBeNull();
    expect(await screen.findByRole('group', { name: 'Lines' })).toBeInTheDocument();
  });

  it('shows another shift of the line: the shift and its local start date go to the server', async () => {
    const server = serve();
    const { user, router } = renderApp(routes, {
      user: sessionUser('shift_manager'),
      path: `/hour-by-hour/${LINE_ID}`,
    });
    await screen.findByRole('table');
    expect(boardRequests(server)[0]!.url.search).toBe('');

    const shift = screen.getByRole('combobox', { name: 'Shift' });
    expect(
      within(shift)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Current shift', 'Early (06:00–11:00)', 'Late (14:00–22:00)']);
    await user.selectOptions(shift, 'Late (14:00–22:00)');

    // Today where the Late shift runs (Kolkata), not where the browser is.
    const today = todayIn('Asia/Kolkata');
    await vi.waitFor(() => expect(boardRequests(server)).toHaveLength(2));
    let last = boardRequests(server).at(-1)!.url.searchParams;
    expect([last.get('shiftId'), last.get('date')]).toEqual([LATE_ID, today]);

    const date = screen.getByLabelText('Starts on');
    expect(date).toHaveValue(today);
    fireEvent.change(date, { target: { value: '2026-03-09' } });
    await vi.waitFor(() =>
      expect(boardRequests(server).at(-1)!.url.searchParams.get('date')).toBe('2026-03-09'),
    );
    last = boardRequests(server).at(-1)!.url.searchParams;
    expect(last.get('shiftId')).toBe(LATE_ID);
    expect(router.state.location.search).toBe(`?shiftId=${LATE_ID}&date=2026-03-09`);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Shift' }), 'Current shift');
    expect(router.state.location.search).toBe('');
  });

  it('switches to the wall screen and back with the "Wall screen" toggle', async () => {
    serve();
    const { user, router, container } = renderApp(routes, {
      user: sessionUser('viewer'),
      path: `/hour-by-hour/${LINE_ID}`,
    });
    await screen.findByRole('table');
    expect(screen.getByRole('heading', { level: 1, name: 'Hour by hour' })).toBeInTheDocument();
    expect(container.querySelector('.hbh--wall')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Wall screen' }));
    expect(router.state.location.search).toBe('?wall=1');
    expect(container.querySelector('.hbh--wall')).not.toBeNull();
    // Only the board: its line as the title, no page header, no pickers.
    expect(screen.getByRole('heading', { level: 1, name: 'Bottling (L1)' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Hour by hour' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Shift' })).not.toBeInTheDocument();
    expect(screen.getByRole('table')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Exit wall screen' }));
    expect(router.state.location.search).toBe('');
    expect(container.querySelector('.hbh--wall')).toBeNull();
  });
});
