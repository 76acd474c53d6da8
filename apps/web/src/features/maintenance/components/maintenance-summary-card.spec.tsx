import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { MaintenanceSummaryCard } from '@/features/maintenance/components/maintenance-summary-card';
import { overview } from '@/features/maintenance/testing/maintenance-plan-fixtures';
import { EQUIPMENT_ID } from '@/features/maintenance/testing/work-order-fixtures';

describe('MaintenanceSummaryCard', () => {
  it('counts open, overdue (in red) and due in 7 days, and links the worst equipment to its history', async () => {
    const server = createFakeFetch(() => jsonResponse(200, overview()));
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<MaintenanceSummaryCard />, { user: sessionUser('viewer') });
    const card = screen.getByRole('region', { name: 'Maintenance' });
    const overdue = await within(card).findByText('Overdue');
    expect(overdue.parentElement).toHaveClass('maintenance-summary--late');
    expect(overdue.parentElement).toHaveTextContent('2');
    expect(within(card).getByText('Open').parentElement).toHaveTextContent('7');
    expect(within(card).getByText('Due in 7 days').parentElement).toHaveTextContent('3');
    const worst = within(card).getByRole('list', { name: 'Worst equipment' });
    expect(within(worst).getByRole('listitem')).toHaveTextContent(
      'Filler 1 (FIL-1) 1 h 30 min · 1 open work order',
    );
    expect(within(worst).getByRole('link')).toHaveAttribute(
      'href',
      `/maintenance/equipment/${EQUIPMENT_ID}`,
    );
    expect(server.requests[0]?.url.pathname).toBe('/api/maintenance/overview');
  });

  it('says so when nothing stopped unplanned, and nothing is overdue', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(200, overview({ overdueWorkOrders: 0, worstEquipment: [] })),
    );
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<MaintenanceSummaryCard />, { user: sessionUser('viewer') });
    expect(await screen.findByText('No unplanned stops.')).toBeInTheDocument();
    expect(screen.getByText('Overdue').parentElement).not.toHaveClass('maintenance-summary--late');
  });
});
