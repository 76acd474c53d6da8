import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Permission } from '@ms5/contracts';
import { PageHeader } from '@/components/ui/page-header';
import { configTabHref } from '@/config/paths';
import {
  AreasPanel,
  DowntimeReasonsPanel,
  EquipmentPanel,
  LinesPanel,
  PlannedStopsPanel,
  ProductsPanel,
  ShiftsPanel,
  SitesPanel,
} from '@/features/plant/components/config-panels';
import { NotFoundPage } from '@/app/routes/not-found-page';
import { RequirePermission } from '@/app/routes/require-permission';

interface ConfigTab {
  slug: string;
  label: string;
  /** Who may change it; the tab is shown to everyone who may read the plant. */
  permission: Permission;
  panel: () => ReactNode;
}

export const CONFIG_TABS: readonly ConfigTab[] = [
  { slug: 'sites', label: 'Sites', permission: 'plant:manage', panel: () => <SitesPanel /> },
  { slug: 'areas', label: 'Areas', permission: 'plant:manage', panel: () => <AreasPanel /> },
  { slug: 'lines', label: 'Lines', permission: 'plant:manage', panel: () => <LinesPanel /> },
  {
    slug: 'equipment',
    label: 'Equipment',
    permission: 'plant:manage',
    panel: () => <EquipmentPanel />,
  },
  { slug: 'shifts', label: 'Shifts', permission: 'shifts:manage', panel: () => <ShiftsPanel /> },
  {
    slug: 'products',
    label: 'Products',
    permission: 'products:manage',
    panel: () => <ProductsPanel />,
  },
  {
    slug: 'downtime-reasons',
    label: 'Downtime reasons',
    permission: 'reasons:manage',
    panel: () => <DowntimeReasonsPanel />,
  },
  {
    slug: 'planned-stops',
    label: 'Planned stops',
    permission: 'shifts:manage',
    panel: () => <PlannedStopsPanel />,
  },
];

/** `/config/:tab`: the plant's sites, areas, lines, machines, shifts, products, reasons, stops. */
export function PlantConfigPage() {
  // `/config` still opens on Lines, the tab used most (sites and areas rarely change).
  const { tab = 'lines' } = useParams();
  const current = CONFIG_TABS.find((item) => item.slug === tab);
  if (current === undefined) return <NotFoundPage />;
  return (
    <RequirePermission permission="plant:read">
      <PageHeader
        title="Plant configuration"
        description="Sites, areas, lines, equipment, shifts, products, downtime reasons and planned stops."
      />
      <nav className="tabs" aria-label="Configuration">
        {CONFIG_TABS.map((item) => (
          <Link
            key={item.slug}
            to={configTabHref(item.slug)}
            className={item === current ? 'tabs__tab tabs__tab--active' : 'tabs__tab'}
            aria-current={item === current ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      {current.panel()}
    </RequirePermission>
  );
}
