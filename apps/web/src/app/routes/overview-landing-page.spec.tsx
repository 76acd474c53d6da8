import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths, safeRedirect } from '@/config/paths';
import { filterByPermission } from '@/lib/authorization';
import { renderApp, sessionUser } from '@/testing/test-utils';
import { NAV_ITEMS } from '@/app/navigation';
import { OverviewLandingPage } from '@/app/routes/overview-landing-page';

const routes = [
  { path: paths.landing, element: <OverviewLandingPage /> },
  { path: paths.overview, element: <p>Overview screen</p> },
  { path: paths.home, element: <p>Home screen</p> },
];

describe('landing after sign-in', () => {
  it('sends the login without a redirect to the landing route, which opens the overview for oee:read', async () => {
    expect(safeRedirect(null)).toBe(paths.landing);
    expect(safeRedirect('/users')).toBe('/users');
    renderApp(routes, { user: sessionUser('viewer'), path: paths.landing });
    expect(await screen.findByText('Overview screen')).toBeInTheDocument();
  });
});

describe('plant menu entries', () => {
  const labels = (role: Parameters<typeof sessionUser>[0]) =>
    filterByPermission(NAV_ITEMS, role).map((item) => item.label);

  it('shows Overview to every floor role, Stops to those who may give reasons, Configuration to engineers', () => {
    expect(labels('viewer')).toContain('Overview');
    expect(labels('viewer')).not.toContain('Stops');
    expect(labels('operator')).toEqual(expect.arrayContaining(['Overview', 'Stops']));
    expect(labels('operator')).not.toContain('Configuration');
    expect(labels('shift_manager')).not.toContain('Configuration');
    expect(labels('engineer')).toEqual(
      expect.arrayContaining(['Overview', 'Stops', 'Configuration']),
    );
  });
});
