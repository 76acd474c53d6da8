import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Overview } from '@ms5/contracts';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { LineTile } from '@/features/oee/components/line-tile';
import { formatElapsed } from '@/features/oee/utils/format';

const NOW = Date.parse('2026-03-10T10:00:00.000Z');

const summary = (oee: number | null) => ({
  availability: 0.9,
  performance: 0.95,
  quality: 0.99,
  oee,
  performanceAboveOne: false,
  goodCount: 1234,
  rejectCount: 12,
  plannedProductionSeconds: 14_400,
});

function equipment(
  code: string,
  state: Overview['lines'][number]['equipment'][number]['state'],
  overrides: Partial<Overview['lines'][number]['equipment'][number]> = {},
) {
  return {
    id: `id-${code}`,
    code,
    name: `${code} machine`,
    state,
    stateSince: '2026-03-10T09:00:00.000Z',
    reasonCode: null,
    reasonName: null,
    oee: summary(0.5),
    ...overrides,
  };
}

const LINE: Overview['lines'][number] = {
  id: 'line-1',
  code: 'L1',
  name: 'Line 1',
  window: { from: '2026-03-10T06:00:00.000Z', to: '2026-03-10T10:00:00.000Z', label: 'Early' },
  oee: summary(0.8881),
  equipment: [
    equipment('RUN', 'running'),
    equipment('IDLE', 'idle', { stateSince: '2026-03-10T09:58:55.000Z' }),
    equipment('STOP', 'stopped', {
      stateSince: '2026-03-10T08:47:30.000Z',
      reasonCode: 'JAM',
      reasonName: 'Jam in the infeed',
    }),
    equipment('CHG', 'changeover'),
    equipment('PLN', 'planned_stop'),
    equipment('UNK', 'unknown', { stateSince: null, oee: summary(null) }),
  ],
};

function tile(code: string): HTMLElement {
  const link = screen.getByRole('link', { name: new RegExp(`^${code} machine`) });
  return link.closest('li')!;
}

describe('LineTile', () => {
  it('shows the line, its shift, OEE with A / P / Q and the counts', () => {
    renderApp(<LineTile line={LINE} now={NOW} />, { user: sessionUser('viewer') });
    const region = screen.getByRole('region', { name: 'Line 1' });
    expect(within(region).getByRole('link', { name: 'Line 1' })).toHaveAttribute(
      'href',
      '/lines/line-1',
    );
    expect(region).toHaveTextContent('Early');
    expect(region).toHaveTextContent('88.8 %');
    expect(region).toHaveTextContent('A90.0 %');
    expect(region).toHaveTextContent('P95.0 %');
    expect(region).toHaveTextContent('Q99.0 %');
    expect(region).toHaveTextContent(`Good${(1234).toLocaleString()}`);
    expect(region).toHaveTextContent('Reject12');
  });

  it('colours each machine by its state: running green, idle amber, stopped red, changeover blue, planned grey, unknown dark grey', () => {
    renderApp(<LineTile line={LINE} now={NOW} />, { user: sessionUser('viewer') });
    const colours = Object.fromEntries(
      ['RUN', 'IDLE', 'STOP', 'CHG', 'PLN', 'UNK'].map((code) => [
        code,
        tile(code).style.background,
      ]),
    );
    expect(colours).toEqual({
      RUN: 'rgb(21, 128, 61)',
      IDLE: 'rgb(245, 158, 11)',
      STOP: 'rgb(220, 38, 38)',
      CHG: 'rgb(37, 99, 235)',
      PLN: 'rgb(156, 163, 175)',
      UNK: 'rgb(55, 65, 81)',
    });
    expect(tile('RUN')).toHaveTextContent('Running');
    expect(tile('PLN')).toHaveTextContent('Planned stop');
    expect(tile('UNK')).toHaveTextContent('No data');
    expect(tile('UNK')).toHaveTextContent('—'); // no OEE without planned time
    expect(tile('STOP')).toHaveAttribute('data-state', 'stopped');
  });

  it('shows how long a stopped or idle machine has stood, and why (or that nobody said)', () => {
    renderApp(<LineTile line={LINE} now={NOW} />, { user: sessionUser('viewer') });
    expect(within(tile('STOP')).getByLabelText('Stopped for')).toHaveTextContent('1:12:30');
    expect(tile('STOP')).toHaveTextContent('Jam in the infeed');
    expect(within(tile('IDLE')).getByLabelText('Stopped for')).toHaveTextContent('1:05');
    expect(tile('IDLE')).toHaveTextContent('No reason given');
    // Running, changeover and planned stops show no stop clock.
    expect(within(tile('RUN')).queryByLabelText('Stopped for')).toBeNull();
    expect(within(tile('CHG')).queryByLabelText('Stopped for')).toBeNull();
  });
});

describe('formatElapsed', () => {
  it('reads like a stopwatch', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59.9)).toBe('0:59');
    expect(formatElapsed(65)).toBe('1:05');
    expect(formatElapsed(3600 + 2 * 60 + 5)).toBe('1:02:05');
    expect(formatElapsed(-3)).toBe('0:00');
  });
});
