import { formatDateTime } from '@/lib/format';
import { useAllEquipment, useLines, useSites } from '@/features/plant/api/get-plant-list';
import { useAreaChoices } from '@/features/plant/components/area-choices';
import { AreaForm } from '@/features/plant/components/area-form';
import { ConfigResourcePanel } from '@/features/plant/components/config-resource-panel';
import {
  DowntimeReasonForm,
  LOSS_CLASS_LABELS,
} from '@/features/plant/components/downtime-reason-form';
import { EquipmentForm } from '@/features/plant/components/equipment-form';
import { LineForm } from '@/features/plant/components/line-form';
import { PlannedStopForm } from '@/features/plant/components/planned-stop-form';
import { ProductForm } from '@/features/plant/components/product-form';
import { ShiftForm } from '@/features/plant/components/shift-form';
import { SiteForm } from '@/features/plant/components/site-form';

const code = (item: { code: string }) => <span className="mono">{item.code}</span>;

/** Names by id, for tables that show what a row belongs to: '—' for nothing, '…' until loaded. */
function lookup(names: Iterable<readonly [string, string]>): (id: string | null) => string {
  const byId = new Map(names);
  return (id) => (id === null ? '—' : (byId.get(id) ?? '…'));
}

function useLineCodes() {
  return lookup((useLines().data?.items ?? []).map((line) => [line.id, line.code]));
}

export function SitesPanel() {
  return (
    <ConfigResourcePanel
      resource="sites"
      title="Sites"
      searchable
      itemName={(site) => site.code}
      columns={[
        { key: 'code', header: 'Code', cell: code },
        { key: 'name', header: 'Name', cell: (site) => site.name },
        { key: 'timezone', header: 'Time zone', cell: (site) => site.timezone },
      ]}
      renderForm={(props) => <SiteForm {...props} />}
    />
  );
}

export function AreasPanel() {
  const siteCode = lookup((useSites().data?.items ?? []).map((site) => [site.id, site.code]));
  return (
    <ConfigResourcePanel
      resource="areas"
      title="Areas"
      searchable
      itemName={(area) => area.code}
      columns={[
        { key: 'code', header: 'Code', cell: code },
        { key: 'name', header: 'Name', cell: (area) => area.name },
        { key: 'site', header: 'Site', cell: (area) => siteCode(area.siteId) },
      ]}
      renderForm={(props) => <AreaForm {...props} />}
    />
  );
}

export function LinesPanel() {
  const areaLabel = lookup(useAreaChoices().map((area) => [area.value, area.label]));
  return (
    <ConfigResourcePanel
      resource="lines"
      title="Lines"
      searchable
      itemName={(line) => line.code}
      columns={[
        { key: 'code', header: 'Code', cell: code },
        { key: 'name', header: 'Name', cell: (line) => line.name },
        { key: 'area', header: 'Area', cell: (line) => areaLabel(line.areaId) },
        {
          key: 'micro',
          header: 'Micro-stop threshold',
          className: 'num',
          cell: (line) => `${line.microStopThresholdSeconds} s`,
        },
      ]}
      renderForm={(props) => <LineForm {...props} />}
    />
  );
}

export function EquipmentPanel() {
  const lineCode = useLineCodes();
  return (
    <ConfigResourcePanel
      resource="equipment"
      title="Equipment"
      searchable
      itemName={(item) => item.code}
      columns={[
        { key: 'code', header: 'Code', cell: code },
        { key: 'name', header: 'Name', cell: (item) => item.name },
        { key: 'line', header: 'Line', cell: (item) => lineCode(item.lineId) },
        {
          key: 'cycle',
          header: 'Ideal cycle time',
          className: 'num',
          cell: (item) => `${item.idealCycleTimeSeconds} s`,
        },
      ]}
      renderForm={(props) => <EquipmentForm {...props} />}
    />
  );
}

export function ShiftsPanel() {
  const lineCode = useLineCodes();
  return (
    <ConfigResourcePanel
      resource="shifts"
      title="Shifts"
      itemName={(shift) => shift.name}
      columns={[
        { key: 'name', header: 'Name', cell: (shift) => shift.name },
        { key: 'line', header: 'Line', cell: (shift) => lineCode(shift.lineId) },
        {
          key: 'time',
          header: 'Time',
          cell: (shift) => `${shift.startTime}–${shift.endTime} (${shift.timezone})`,
        },
        {
          key: 'breaks',
          header: 'Breaks',
          cell: (shift) =>
            shift.breaks.length === 0
              ? '—'
              : shift.breaks.map((b) => `${b.startTime} ${b.durationMinutes} min`).join(', '),
        },
      ]}
      renderForm={(props) => <ShiftForm {...props} />}
    />
  );
}

export function ProductsPanel() {
  return (
    <ConfigResourcePanel
      resource="products"
      title="Products"
      searchable
      itemName={(product) => product.code}
      columns={[
        { key: 'code', header: 'Code', cell: code },
        { key: 'name', header: 'Name', cell: (product) => product.name },
        {
          key: 'cycle',
          header: 'Ideal cycle time',
          className: 'num',
          cell: (product) => `${product.idealCycleTimeSeconds} s`,
        },
        {
          key: 'overrides',
          header: 'Per line / equipment',
          className: 'num',
          cell: (product) => product.cycleTimes.length,
        },
      ]}
      renderForm={(props) => <ProductForm {...props} />}
    />
  );
}

export function DowntimeReasonsPanel() {
  return (
    <ConfigResourcePanel
      resource="downtime-reasons"
      title="Downtime reasons"
      searchable
      itemName={(reason) => reason.code}
      columns={[
        { key: 'code', header: 'Code', cell: code },
        { key: 'name', header: 'Name', cell: (reason) => reason.name },
        { key: 'category', header: 'Category', cell: (reason) => reason.category },
        { key: 'loss', header: 'Counts as', cell: (reason) => LOSS_CLASS_LABELS[reason.lossClass] },
        { key: 'planned', header: 'Planned', cell: (reason) => (reason.planned ? 'Yes' : 'No') },
      ]}
      renderForm={(props) => <DowntimeReasonForm {...props} />}
    />
  );
}

export function PlannedStopsPanel() {
  const lineCode = useLineCodes();
  const equipment = useAllEquipment().data?.items ?? [];
  const equipmentCode = new Map(equipment.map((item) => [item.id, item.code]));
  return (
    <ConfigResourcePanel
      resource="planned-stops"
      title="Planned stops"
      itemName={(stop) => stop.reason}
      columns={[
        {
          key: 'target',
          header: 'Line or equipment',
          cell: (stop) =>
            stop.lineId !== null
              ? `Line ${lineCode(stop.lineId)}`
              : `Equipment ${equipmentCode.get(stop.equipmentId ?? '') ?? '…'}`,
        },
        { key: 'reason', header: 'Reason', cell: (stop) => stop.reason },
        { key: 'starts', header: 'Starts', cell: (stop) => formatDateTime(stop.startsAt) },
        { key: 'ends', header: 'Ends', cell: (stop) => formatDateTime(stop.endsAt) },
      ]}
      renderForm={(props) => <PlannedStopForm {...props} />}
    />
  );
}
