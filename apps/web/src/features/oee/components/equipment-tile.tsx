import { Link } from 'react-router';
import type { Overview } from '@ms5/contracts';
import { equipmentHref } from '@/config/paths';
import { formatPercent } from '@/lib/format';
import { STATE_STYLES, formatElapsed } from '@/features/oee/utils/format';

export type OverviewEquipment = Overview['lines'][number]['equipment'][number];

/** One machine on the board: its state colour, OEE, and while it stands, for how long and why. */
export function EquipmentTile({ equipment, now }: { equipment: OverviewEquipment; now: number }) {
  const style = STATE_STYLES[equipment.state];
  const standing = equipment.state === 'stopped' || equipment.state === 'idle';
  const since = equipment.stateSince === null ? null : Date.parse(equipment.stateSince);
  return (
    <li
      className={`equipment-tile equipment-tile--${equipment.state}`}
      style={{ background: style.background, color: style.text }}
      data-state={equipment.state}
    >
      <Link className="equipment-tile__link" to={equipmentHref(equipment.id)}>
        <span className="equipment-tile__name">{equipment.name}</span>
        <span className="equipment-tile__code">{equipment.code}</span>
      </Link>
      <span className="equipment-tile__state">{style.label}</span>
      <span className="equipment-tile__oee" aria-label={`OEE ${formatPercent(equipment.oee.oee)}`}>
        {formatPercent(equipment.oee.oee)}
      </span>
      {standing ? (
        <span className="equipment-tile__stop">
          <span className="equipment-tile__elapsed" aria-label="Stopped for">
            {since === null ? '—' : formatElapsed((now - since) / 1000)}
          </span>
          <span className="equipment-tile__reason">
            {equipment.reasonName ?? equipment.reasonCode ?? 'No reason given'}
          </span>
        </span>
      ) : null}
    </li>
  );
}
