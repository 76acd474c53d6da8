import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { EquipmentHistory } from '@/features/maintenance/components/equipment-history';
import { andonCall, kpis, stop } from '@/features/maintenance/testing/maintenance-plan-fixtures';
import {
  EQUIPMENT_ID,
  WORK_ORDER_ID,
  page,
  summary,
} from '@/features/maintenance/testing/work-order-fixtures';

const NOW = new Date('2026-03-10T12:00:00.000Z');

function server() {
  return createFakeFetch((request) => {
    switch (request.url.pathname) {
      case '/api/maintenance/kpis':
        return jsonResponse(200, kpis());
      case '/api/downtime':
        return jsonResponse(200, page([stop()]));
      case '/api/andon':
        return jsonResponse(200, page([andonCall()]));
      case '/api/work-orders':
        return jsonResponse(200, page([summary()]));
      default:
        return jsonResponse(404, { statusCode: 404, message: 'Not found' });
    }
  });
}

describe('EquipmentHistory', () => {
  it("shows the equipment's KPIs for 30 days and one timeline, newest first, asking each list for the equipment", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const fake = server();
    vi.stubGlobal('fetch', fake.fetch);
    renderApp(<EquipmentHistory equipmentId={EQUIPMENT_ID} />, {
      user: sessionUser('maintenance'),
    });
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => item.dataset.kind)).toEqual(['work-order', 'andon', 'stop']);
    expect(
      within(items[0] as HTMLElement).getByRole('link', { name: /WO-2026-00042/ }),
    ).toHaveAttribute('href', `/maintenance/work-orders/${WORK_ORDER_ID}`);
    expect(items[2]).toHaveTextContent('12 min');
    expect(items[2]).toHaveTextContent('Jam');

    const mtbf = await screen.findByText('MTBF');
    const tile = mtbf.closest('[data-kpi]') as HTMLElement;
    expect(tile).toHaveTextContent('2 h');
    expect(tile).toHaveTextContent('Run time ÷ failures');
    expect(screen.getByText('PM compliance').closest('[data-kpi]')).toHaveTextContent('75.0 %');
    expect(screen.getByText('Backlog').closest('[data-kpi]')).toHaveTextContent('3.5 h');

    const kpiRequest = fake.requests.find((r) => r.url.pathname === '/api/maintenance/kpis');
    expect(kpiRequest?.url.searchParams.get('equipmentId')).toBe(EQUIPMENT_ID);
    const from = Date.parse(kpiRequest?.url.searchParams.get('from') ?? '');
    const to = Date.parse(kpiRequest?.url.searchParams.get('to') ?? '');
    expect(to - from).toBe(30 * 86_400_000);
    for (const path of ['/api/downtime', '/api/andon', '/api/work-orders']) {
      const request = fake.requests.find((r) => r.url.pathname === path);
      expect(request?.url.searchParams.get('equipmentId')).toBe(EQUIPMENT_ID);
      // Stops and calls are asked for the period; work orders take none (filtered on the page).
      expect(request?.url.searchParams.get('from') ?? null).toBe(
        path === '/api/work-orders' ? null : kpiRequest?.url.searchParams.get('from'),
      );
    }
    vi.useRealTimers();
  });

  it('asks again for a chosen period', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const fake = server();
    vi.stubGlobal('fetch', fake.fetch);
    const { user } = renderApp(<EquipmentHistory equipmentId={EQUIPMENT_ID} />, {
      user: sessionUser('maintenance'),
    });
    await screen.findByText('MTBF');
    await user.selectOptions(screen.getByLabelText('Period'), '7');
    expect(await screen.findByText('KPIs, last 7 days')).toBeInTheDocument();
    await vi.waitFor(() => {
      const last = fake.requests.filter((r) => r.url.pathname === '/api/maintenance/kpis').at(-1);
      const span =
        Date.parse(last?.url.searchParams.get('to') ?? '') -
        Date.parse(last?.url.searchParams.get('from') ?? '');
      expect(span).toBe(7 * 86_400_000);
    });
    vi.useRealTimers();
  });
});
