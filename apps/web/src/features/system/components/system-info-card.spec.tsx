import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { SystemInfoCard } from '@/features/system/components/system-info-card';

describe('SystemInfoCard', () => {
  it("sends the user's token and shows everything the server then tells", async () => {
    const server = createFakeFetch(() =>
      jsonResponse(200, {
        name: 'ms5-floor-dashboard',
        version: '1.4.2',
        uptimeSeconds: 3720,
        startedAt: '2024-05-01T06:00:00.000Z',
        nodeVersion: 'v24.1.0',
        build: { commit: '0123456789abcdef', builtAt: null },
        database: 'embedded',
        redis: true,
        demo: false,
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<SystemInfoCard />, { user: sessionUser('viewer') });

    expect(await screen.findByText('Embedded PostgreSQL')).toBeInTheDocument();
    expect(screen.getByText('1.4.2')).toBeInTheDocument();
    expect(screen.getByText('v24.1.0')).toBeInTheDocument();
    expect(screen.getByText('0123456789ab')).toBeInTheDocument();
    expect(server.requests[0]?.url.pathname).toBe('/health/info');
    expect(server.requests[0]?.headers.get('Authorization')).toBe('Bearer test-access');
  });

  it('shows version and uptime alone when that is all the server tells', async () => {
    const server = createFakeFetch(() =>
      jsonResponse(200, { version: '1.4.2', uptimeSeconds: 60 }),
    );
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<SystemInfoCard />, { user: sessionUser('viewer') });

    expect(await screen.findByText('1.4.2')).toBeInTheDocument();
    expect(screen.getByText('Uptime')).toBeInTheDocument();
    expect(screen.queryByText('Database')).not.toBeInTheDocument();
    expect(screen.queryByText('Node.js')).not.toBeInTheDocument();
  });
});
