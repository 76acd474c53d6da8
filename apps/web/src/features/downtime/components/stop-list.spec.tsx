import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DowntimeStop } from '@ms5/contracts';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { newWorkOrderHref } from '@/config/paths';
import { StopList } from '@/features/downtime/components/stop-list';

const LINE_ID = '0b6f0c43-65b3-4e0c-9f7e-0d8f33b0a101';
const PRESS_ID = '0b6f0c43-65b3-4e0c-9f7e-0d8f33b0a102';

const STOP: DowntimeStop = {
  downtimeEventId: '4711',
  equipmentId: PRESS_ID,
  equipmentCode: 'PRESS-1',
  lineId: LINE_ID,
  state: 'stopped',
  startedAt: '2026-03-10T08:00:00.000Z',
  endedAt: '2026-03-10T08:12:00.000Z',
  durationSeconds: 720,
  microStop: false,
  reasonCode: 'JAM',
  reasonName: 'Jam',
  reasonSource: 'operator',
  assignedBy: null,
  assignedAt: null,
  comment: null,
};

const SCOPE = { lineId: LINE_ID, from: '2026-03-10T06:00:00.000Z', to: '2026-03-10T14:00:00.000Z' };

function serve() {
  vi.stubGlobal(
    'fetch',
    createFakeFetch(() =>
      jsonResponse(200, { items: [STOP], page: 1, pageSize: 20, total: 1, totalPages: 1 }),
    ).fetch,
  );
}

describe('StopList work orders', () => {
  it('links each stop to a work order request carrying the stop', async () => {
    serve();
    renderApp(<StopList scope={SCOPE} reasons={[]} canAssign={false} canRequestWork />, {
      user: sessionUser('operator'),
    });
    const link = await screen.findByRole('link', {
      name: /Open a work order for the PRESS-1 stop/,
    });
    expect(link).toHaveAttribute(
      'href',
      newWorkOrderHref({
        equipmentId: PRESS_ID,
        downtimeEventId: '4711',
        title: 'Jam on PRESS-1',
      }),
    );
  });

  it('shows no link without maintenance:request', async () => {
    serve();
    renderApp(<StopList scope={SCOPE} reasons={[]} canAssign={false} />, {
      user: sessionUser('viewer'),
    });
    await screen.findByText('PRESS-1');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
