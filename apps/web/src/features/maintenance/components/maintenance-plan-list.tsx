import { useState } from 'react';
import { Link } from 'react-router';
import type { MaintenancePlan } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { Pagination } from '@/components/ui/pagination';
import { equipmentHistoryHref, workOrderHref } from '@/config/paths';
import { usePermission } from '@/lib/authorization';
import { refusalText } from '@/lib/refusals';
import { useDeleteMaintenancePlan } from '@/features/maintenance/api/delete-maintenance-plan';
import { useMaintenancePlans } from '@/features/maintenance/api/get-maintenance-plans';
import { MaintenancePlanEditor } from '@/features/maintenance/components/maintenance-plan-editor';
import type { BoardEquipment, BoardLine } from '@/features/maintenance/components/work-order-board';
import { useWorkOrdersRealtime } from '@/features/maintenance/hooks/use-work-orders-realtime';
import {
  formatHours,
  nextDueParts,
  triggerText,
} from '@/features/maintenance/utils/maintenance-plan-labels';
import './maintenance.css';

const PAGE_SIZE = 25;

/** Which plan the editor shows: a new one, an existing one, or none. */
type Editing = { mode: 'new' } | { mode: 'edit'; plan: MaintenancePlan } | null;

function PlanRow({
  plan,
  canPlan,
  onEdit,
}: {
  plan: MaintenancePlan;
  canPlan: boolean;
  onEdit: (plan: MaintenancePlan) => void;
}) {
  const remove = useDeleteMaintenancePlan();
  const due = nextDueParts(plan.nextDue);
  return (
    <li className="plan-card" data-plan={plan.title}>
      <div className="wo-card__header">
        <h3 className="wo-card__title">{plan.title}</h3>
        {plan.active ? null : <span className="badge">Paused</span>}
      </div>
      <p className="wo-card__meta">
        <Link to={equipmentHistoryHref(plan.equipmentId)}>
          {plan.equipmentName} <span className="mono">({plan.equipmentCode})</span>
        </Link>
        {' · '}
        {plan.floating ? 'Floating' : 'Fixed'}
        {plan.leadTimeHours > 0 ? ` · opens ${formatHours(plan.leadTimeHours)} ahead` : ''}
      </p>
      <p className="wo-card__meta">{plan.triggers.map(triggerText).join(' or ')}</p>
      <dl className="facts plan-card__facts">
        <div>
          <dt>Meters since {new Date(plan.meterOriginAt).toLocaleDateString()}</dt>
          <dd>
            {formatHours(plan.meters.runtimeHours)} running · {plan.meters.parts.toLocaleString()}{' '}
            parts
          </dd>
        </div>
        <div>
          <dt>Next due</dt>
          <dd data-next-due>{due.length > 0 ? due.join(' · ') : 'Not due yet'}</dd>
        </div>
        {plan.openWorkOrderId !== null ? (
          <div>
            <dt>Open work order</dt>
            <dd>
              <Link to={workOrderHref(plan.openWorkOrderId)}>Occurrence {plan.occurrences}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {remove.isError ? (
        <Alert tone="error">{refusalText(remove.error, 'The plan could not be deleted.')}</Alert>
      ) : null}
      {canPlan ? (
        <div className="form__actions">
          <Button variant="secondary" onClick={() => onEdit(plan)}>
            Edit {plan.title}
          </Button>
          <Button
            variant="danger"
            isLoading={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the plan "${plan.title}"? Its work orders stay.`)) {
                remove.mutate(plan.id);
              }
            }}
          >
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The preventive plans (`maintenance:read`), by equipment, with their meters since the meter origin
 * and their next due (date, running hours left, parts left, whichever triggers the plan has).
 * Filters by line and equipment; planners (`maintenance:plan`) create, edit and delete plans.
 */
export function MaintenancePlanList({
  lines,
  equipment,
}: {
  lines: readonly BoardLine[];
  equipment: readonly BoardEquipment[];
}) {
  useWorkOrdersRealtime();
  const canPlan = usePermission('maintenance:plan');
  const [lineId, setLineId] = useState<string | undefined>();
  const [equipmentId, setEquipmentId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>(null);
  const query = useMaintenancePlans({ page, pageSize: PAGE_SIZE, lineId, equipmentId });
  const lineEquipment =
    lineId === undefined ? equipment : equipment.filter((item) => item.lineId === lineId);
  const value = (text: string) => (text === '' ? undefined : text);
  const plans = query.data?.items ?? [];

  return (
    <div className="plans maintenance">
      <div className="toolbar wo-board__filters" role="group" aria-label="Filters">
        <SelectField
          name="lineId"
          label="Line"
          value={lineId ?? ''}
          options={[
            { value: '', label: 'All lines' },
            ...lines.map((line) => ({ value: line.id, label: `${line.code} · ${line.name}` })),
          ]}
          onChange={(event) => {
            setLineId(value(event.target.value));
            setEquipmentId(undefined);
            setPage(1);
          }}
        />
        <SelectField
          name="equipmentId"
          label="Equipment"
          value={equipmentId ?? ''}
          options={[
            { value: '', label: 'All equipment' },
            ...lineEquipment.map((item) => ({
              value: item.id,
              label: `${item.code} · ${item.name}`,
            })),
          ]}
          onChange={(event) => {
            setEquipmentId(value(event.target.value));
            setPage(1);
          }}
        />
        {canPlan ? <Button onClick={() => setEditing({ mode: 'new' })}>New plan</Button> : null}
      </div>
      {editing !== null ? (
        <MaintenancePlanEditor
          key={editing.mode === 'new' ? 'new' : editing.plan.id}
          equipment={equipment}
          plan={editing.mode === 'edit' ? editing.plan : undefined}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {query.isPending ? (
        <LoadingState label="Loading the plans…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load the plans"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : plans.length === 0 ? (
        <p className="empty">No preventive plans here yet.</p>
      ) : (
        <>
          <ul className="plan-list" aria-label="Preventive plans">
            {plans.map((plan) => (
              <PlanRow
                key={plan.id}
                plan={plan}
                canPlan={canPlan}
                onEdit={(chosen) => setEditing({ mode: 'edit', plan: chosen })}
              />
            ))}
          </ul>
          <Pagination
            page={query.data.page}
            totalPages={query.data.totalPages}
            total={query.data.total}
            onPageChange={setPage}
            itemLabel="plans"
          />
        </>
      )}
    </div>
  );
}
