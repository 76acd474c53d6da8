import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type FakeRequest, createFakeFetch, jsonResponse } from '@/testing/fake-fetch';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { AreaForm } from '@/features/plant/components/area-form';
import { AreasPanel, LinesPanel } from '@/features/plant/components/config-panels';
import { LineForm } from '@/features/plant/components/line-form';
import { SiteForm } from '@/features/plant/components/site-form';

const SITE = {
  id: '0b8a1f4e-5c2d-4e6f-8a1b-2c3d4e5f6a7b',
  code: 'HAM',
  name: 'Hamburg',
  timezone: 'Europe/Berlin',
};
const AREA = {
  id: '1c9b2a5f-6d3e-4f7a-9b2c-3d4e5f6a7b8c',
  siteId: SITE.id,
  code: 'ASM',
  name: 'Assembly',
};
const LINE = {
  id: '6f1c3c0e-3d1b-4a8e-9a59-0c1f8d7e2a11',
  code: 'L1',
  name: 'Line 1',
  areaId: AREA.id,
  microStopThresholdSeconds: 120,
  outputEquipmentId: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};
const page = (items: unknown[]) => ({
  items,
  page: 1,
  pageSize: 200,
  total: items.length,
  totalPages: 1,
});

/** Answers the site and area lists; anything else (the save) from `save`. */
function plantServer(save: (request: FakeRequest) => Response = (r) => jsonResponse(201, r.body)) {
  return createFakeFetch((request) => {
    if (request.method === 'GET' && request.url.pathname === '/api/sites')
      return jsonResponse(200, page([SITE]));
    if (request.method === 'GET' && request.url.pathname === '/api/lines')
      return jsonResponse(200, page([LINE]));
    if (request.method === 'GET' && request.url.pathname === '/api/areas')
      return jsonResponse(200, page([AREA]));
    return save(request);
  });
}
const saves = (requests: FakeRequest[]) => requests.filter((request) => request.method !== 'GET');

describe('SiteForm', () => {
  it('rejects an unknown time zone with createSiteSchema before sending anything', async () => {
    const server = plantServer();
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<SiteForm />, { user: sessionUser('engineer') });

    await user.type(screen.getByLabelText('Code'), 'HAM');
    await user.type(screen.getByLabelText('Name'), 'Hamburg');
    await user.clear(screen.getByLabelText('Time zone'));
    await user.type(screen.getByLabelText('Time zone'), 'Mars/Olympus_Mons');
    await user.click(screen.getByRole('button', { name: 'Create site' }));

    expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription(
      'Unknown time zone (use an IANA name such as Europe/Berlin or UTC)',
    );
    expect(saves(server.requests)).toHaveLength(0);
  });

  it('suggests zones, and shows a 409 "Already taken" beside Code', async () => {
    const server = plantServer(() =>
      jsonResponse(409, {
        statusCode: 409,
        message: 'Site with this code already exists',
        code: 'CONFLICT',
        fieldErrors: [{ path: 'code', message: 'Already taken' }],
      }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const onSaved = vi.fn();
    const { user } = renderApp(<SiteForm onSaved={onSaved} />, { user: sessionUser('engineer') });

    const zone = screen.getByLabelText('Time zone');
    const suggestions = document.getElementById(zone.getAttribute('list')!)!;
    expect(suggestions.querySelector('option[value="Europe/Berlin"]')).not.toBeNull();
    await user.type(screen.getByLabelText('Code'), 'HAM');
    await user.type(screen.getByLabelText('Name'), 'Hamburg');
    await user.clear(zone);
    await user.type(zone, 'Europe/Berlin');
    await user.click(screen.getByRole('button', { name: 'Create site' }));

    await vi.waitFor(() =>
      expect(screen.getByLabelText('Code')).toHaveAccessibleDescription('Already taken'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
    expect(saves(server.requests)).toEqual([
      expect.objectContaining({
        method: 'POST',
        body: { code: 'HAM', name: 'Hamburg', timezone: 'Europe/Berlin' },
      }),
    ]);
    expect(saves(server.requests)[0]!.url.pathname).toBe('/api/sites');
  });
});

describe('AreaForm', () => {
  it('sends the chosen siteId with the code and name', async () => {
    const server = plantServer((request) =>
      jsonResponse(201, { id: AREA.id, ...(request.body as object) }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const onSaved = vi.fn();
    const { user } = renderApp(<AreaForm onSaved={onSaved} />, { user: sessionUser('engineer') });

    await screen.findByRole('option', { name: 'HAM · Hamburg' });
    await user.click(screen.getByRole('button', { name: 'Create area' }));
    expect(screen.getByLabelText('Site')).toHaveAccessibleDescription('Must be an id (UUID)');

    await user.selectOptions(screen.getByLabelText('Site'), SITE.id);
    await user.type(screen.getByLabelText('Code'), 'ASM');
    await user.type(screen.getByLabelText('Name'), 'Assembly');
    await user.click(screen.getByRole('button', { name: 'Create area' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [post] = saves(server.requests);
    expect(post!.url.pathname).toBe('/api/areas');
    expect(post!.body).toEqual({ siteId: SITE.id, code: 'ASM', name: 'Assembly' });
  });
});

describe('LineForm area', () => {
  it('lists areas as SITE / AREA and sends the chosen areaId', async () => {
    const server = plantServer();
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<LineForm />, { user: sessionUser('engineer') });

    await screen.findByRole('option', { name: 'HAM / ASM' });
    await user.type(screen.getByLabelText('Code'), 'L2');
    await user.type(screen.getByLabelText('Name'), 'Line 2');
    await user.selectOptions(screen.getByLabelText('Area'), AREA.id);
    await user.click(screen.getByRole('button', { name: 'Create line' }));

    await vi.waitFor(() => expect(saves(server.requests)).toHaveLength(1));
    expect(saves(server.requests)[0]!.body).toEqual({
      code: 'L2',
      name: 'Line 2',
      areaId: AREA.id,
      microStopThresholdSeconds: 120,
    });
  });

  it('sends areaId null without an area, which also takes a line out of its area', async () => {
    const server = plantServer((request) =>
      jsonResponse(200, { ...LINE, ...(request.body as object) }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<LineForm item={LINE} />, { user: sessionUser('engineer') });

    await screen.findByRole('option', { name: 'HAM / ASM' });
    expect(screen.getByLabelText('Area')).toHaveValue(AREA.id);
    await user.selectOptions(screen.getByLabelText('Area'), '');
    await user.click(screen.getByRole('button', { name: 'Save line' }));

    await vi.waitFor(() => expect(saves(server.requests)).toHaveLength(1));
    const [patch] = saves(server.requests);
    expect(patch).toMatchObject({ method: 'PATCH', body: { areaId: null } });
    expect(patch!.url.pathname).toBe(`/api/lines/${LINE.id}`);
  });

  it("keeps a line's area while the areas are still loading", async () => {
    const server = createFakeFetch((request) =>
      request.method === 'GET' ? new Promise<Response>(() => undefined) : jsonResponse(200, LINE),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { user } = renderApp(<LineForm item={LINE} />, { user: sessionUser('engineer') });

    expect(screen.getByLabelText('Area')).toHaveValue(AREA.id);
    await user.click(screen.getByRole('button', { name: 'Save line' }));
    await vi.waitFor(() => expect(saves(server.requests)).toHaveLength(1));
    expect(saves(server.requests)[0]!.body).toMatchObject({ areaId: AREA.id });
  });
});

describe('tables', () => {
  it("shows an area's site code, and a line's area as SITE / AREA", async () => {
    vi.stubGlobal('fetch', plantServer().fetch);
    renderApp(
      <>
        <AreasPanel />
        <LinesPanel />
      </>,
      { user: sessionUser('engineer') },
    );

    const areaRow = (await screen.findByRole('cell', { name: 'ASM' })).closest('tr')!;
    await vi.waitFor(() => expect(areaRow).toHaveTextContent('ASMAssemblyHAM'));
    expect(await screen.findByRole('cell', { name: 'HAM / ASM' })).toBeInTheDocument();
  });
});
