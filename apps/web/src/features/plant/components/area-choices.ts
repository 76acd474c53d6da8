import type { SelectOption } from '@/components/ui/form-field';
import { useAreas, useSites } from '@/features/plant/api/get-plant-list';

/** Every area as `SITE / AREA` (value: its id), sorted, for the line picker and the lines table. */
export function useAreaChoices(): SelectOption[] {
  const sites = useSites().data?.items ?? [];
  const areas = useAreas().data?.items ?? [];
  const siteCode = new Map(sites.map((site) => [site.id, site.code]));
  return areas
    .map((area) => ({
      value: area.id,
      label: `${siteCode.get(area.siteId) ?? '…'} / ${area.code}`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
