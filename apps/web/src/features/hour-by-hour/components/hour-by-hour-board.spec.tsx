import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { HourByHourBoard } from '@/features/hour-by-hour/components/hour-by-hour-board';
import { FILLER, LINE_ID, board, row } from '@/features/hour-by-hour/testing/hour-by-hour-fixtures';

function cellsOf(hour: string): string[] {
  const header = screen.getByRole('rowheader', { name: hour });
  const tr = header.closest('tr')!;
  return within(tr)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

function rowOf(hour: string): HTMLElement {
  return screen.getByRole('rowheader', { name: hour }).closest('tr')!;
}

function renderBoard(body: unknown, status = 200, props: { wall?: boolean } = {}) {
  const server = createFakeFetch(() => jsonResponse(status, body));
  vi.stubGlobal('fetch', server.fetch);
  const result = renderApp(
    <HourByHourBoard
      lineId={LINE_ID}
      occurrence={null}
      lineName="Bottling"
      equipmentName={(id) => (id === FILLER.id ? FILLER.name : undefined)}
      wall={props.wall ?? false}
      onExitWall={() => undefined}
    />,
    { user: sessionUser('viewer') },
  );
  return { server, ...result };
}

describe('HourByHourBoard', () => {
  it('shows each hour in the shift’s local time with target, actual, gaps and the top loss of short hours', async () => {
    const { server } = renderBoard(board());
    const table = await screen.findByRole('table', { name: /Hour by hour, Bottling \(L1\)/ });

    expect(server.requests[0]!.url.pathname).toBe(`/api/lines/${LINE_ID}/hour-by-hour`);
    expect(server.requests[0]!.url.search).toBe('');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual([
      'Hour',
      'Target',
      'Actual',
      'Gap (hour)',
      'Cumulative target',
      'Cumulative actual',
      'Cumulative gap',
      'Top loss',
    ]);
    // Berlin is UTC+1 in March: 05:00Z is 06:00 on the line's clock.
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((header) => header.textContent),
    ).toEqual(['06:00–07:00', '07:00–08:00', '08:00–09:00', '09:00–10:00', '10:00–11:00', 'Total']);

    // On target: made, gap 0.
    expect(cellsOf('06:00–07:00')).toEqual(['60', '60', '0', '60', '60', '0', '']);
    expect(rowOf('06:00–07:00')).toHaveAttribute('data-tone', 'made');
    // 45 of 60: short by 15, and the 12-minute jam is why.
    expect(cellsOf('07:00–08:00')).toEqual([
      '60',
      '45',
      '-15',
      '120',
      '105',
      '-15',
      'Jam · 12 min',
    ]);
    expect(rowOf('07:00–08:00')).toHaveClass('hbh-row--short');
    // 70 of 60: ahead by 10 this hour, still 5 behind over the shift.
    expect(cellsOf('08:00–09:00')).toEqual(['60', '70', '+10', '180', '175', '-5', '']);
    expect(rowOf('08:00–09:00')).toHaveClass('hbh-row--made');
    // The running hour is marked, its loss not judged yet.
    expect(rowOf('09:00–10:00')).toHaveAttribute('aria-current', 'time');
    expect(rowOf('09:00–10:00')).toHaveClass('hbh-row--current');
    expect(cellsOf('09:00–10:00')).toEqual(['60', '20', '-40', '240', '195', '-45', '']);
    // Not begun: the plan only.
    expect(rowOf('10:00–11:00')).toHaveClass('hbh-row--future');
    expect(cellsOf('10:00–11:00')).toEqual(['60', '—', '—', '300', '—', '—', '']);
    expect(cellsOf('Total')).toEqual(['300', '195', '-105', '', '', '', '']);
  });

  it('colours a gap by its sign: behind red, ahead green, the running hour neutral', async () => {
    renderBoard(board());
    await screen.findByRole('table');
    const gap = (hour: string, column: 2 | 5) =>
      within(rowOf(hour)).getAllByRole('cell')[column]!.querySelector('.hbh-gap')!;

    expect(gap('07:00–08:00', 2)).toHaveClass('hbh-gap--behind');
    expect(gap('07:00–08:00', 5)).toHaveClass('hbh-gap--behind');
    expect(gap('08:00–09:00', 2)).toHaveClass('hbh-gap--ahead');
    expect(gap('08:00–09:00', 2)).toHaveTextContent('+10');
    expect(gap('08:00–09:00', 5)).toHaveClass('hbh-gap--behind');
    expect(gap('06:00–07:00', 2)).toHaveClass('hbh-gap--even');
    expect(gap('09:00–10:00', 2)).toHaveClass('hbh-gap--pending');
    // The shift still runs: 195 of the shift's 300 is no verdict yet; after the ended hours it is -5.
    const total = within(rowOf('Total')).getAllByRole('cell')[2]!.querySelector('.hbh-gap')!;
    expect(total).toHaveTextContent('-105');
    expect(total).toHaveClass('hbh-gap--pending');
    expect(screen.getByText('Shift target').nextElementSibling).toHaveTextContent('300');
    expect(screen.getByText('Good so far').nextElementSibling).toHaveTextContent('195');
    const settled = screen.getByText('Gap after ended hours').nextElementSibling!;
    expect(settled).toHaveTextContent('-5');
    expect(settled).toHaveClass('hbh-gap--behind');
  });

  it('judges the total once every hour has ended', async () => {
    const ended = board();
    ended.hours = ended.hours.map((hour) => ({
      ...hour,
      phase: 'past' as const,
      short: hour.actualGood < hour.target,
    }));
    renderBoard(ended);
    await screen.findByRole('table');
    expect(rowOf('10:00–11:00')).toHaveClass('hbh-row--short');
    expect(cellsOf('10:00–11:00')[6]).toBe('No stop recorded');
    const total = within(rowOf('Total')).getAllByRole('cell')[2]!.querySelector('.hbh-gap')!;
    expect(total).toHaveClass('hbh-gap--behind');
    expect(screen.getByText('Gap after ended hours').nextElementSibling).toHaveTextContent('-105');
  });

  it('names the shift, the order running now and where output is counted', async () => {
    renderBoard(board());
    await screen.findByRole('table');
    expect(screen.getByRole('heading', { level: 2, name: 'Bottling (L1)' })).toBeInTheDocument();
    expect(screen.getByText('Early').closest('p')).toHaveTextContent(
      'Early · Tue, 10 Mar 2026 · 06:00–11:00 (Europe/Berlin)',
    );
    expect(screen.getByText('Running now').nextElementSibling).toHaveTextContent(
      'PO-7 · WIDGET (60 s/part)',
    );
    expect(screen.getByText('Output counted at').nextElementSibling).toHaveTextContent(
      'Filler one',
    );
    expect(screen.getByText('Rejected').nextElementSibling).toHaveTextContent('4');
  });

  it('says a short hour without stops lost speed, and that output is summed without an output equipment', async () => {
    renderBoard(
      board({
        outputEquipmentId: null,
        hours: [
          row({
            start: '2026-03-10T05:00:00.000Z',
            end: '2026-03-10T06:00:00.000Z',
            actualGood: 50,
            cumulativeTarget: 60,
            cumulativeActual: 50,
            cumulativeGap: -10,
            short: true,
          }),
        ],
      }),
    );
    await screen.findByRole('table');
    expect(cellsOf('06:00–07:00')).toEqual([
      '60',
      '50',
      '-10',
      '60',
      '50',
      '-10',
      'No stop recorded',
    ]);
    expect(screen.getByText('Orders in this shift').nextElementSibling).toHaveTextContent('PO-7');
    expect(screen.getByText('Output counted at').nextElementSibling).toHaveTextContent(
      "All of the line's equipment, summed (no output equipment set)",
    );
  });

  it('on the wall: the board alone in large type, a way back, no pickers', async () => {
    const toolbar = <button type="button">Toolbar here</button>;
    const server = createFakeFetch(() => jsonResponse(200, board()));
    vi.stubGlobal('fetch', server.fetch);
    const onExit = vi.fn();
    const { container, user } = renderApp(
      <HourByHourBoard
        lineId={LINE_ID}
        occurrence={null}
        lineName="Bottling"
        wall
        toolbar={toolbar}
        onExitWall={onExit}
      />,
      { user: sessionUser('viewer') },
    );
    await screen.findByRole('table');
    expect(container.querySelector('.hbh--wall')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Bottling (L1)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Toolbar here' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Exit wall screen' }));
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('explains a line without a shift (409) instead of an empty table', async () => {
    renderBoard({ statusCode: 409, message: 'Line L1 has no shifts.', code: 'NO_SHIFTS' }, 409);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No shift to show');
    expect(alert).toHaveTextContent('Line L1 has no shifts.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('explains an unknown line (404)', async () => {
    renderBoard({ statusCode: 404, message: 'Line not found' }, 404);
    expect(await screen.findByRole('alert')).toHaveTextContent('Line not found');
  });

  it('names the bad field when the server refuses the shift or date (400)', async () => {
    renderBoard(
      {
        statusCode: 400,
        message: 'Validation failed',
        fieldErrors: [{ path: 'shiftId', message: 'This shift belongs to another line' }],
      },
      400,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Check the shift and date');
    expect(alert).toHaveTextContent('This shift belongs to another line');
  });

  it('shows a clear message when the board has no shift at all', async () => {
    renderBoard(board({ shift: null, hours: [] }));
    expect(await screen.findByText('No shift to show')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
