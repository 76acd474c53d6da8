import { type FormEvent, useRef, useState } from 'react';
import {
  CALENDAR_UNITS,
  type CalendarUnit,
  type MaintenancePlan,
  PLAN_TRIGGER_KINDS,
  type PlanTriggerKind,
  WORK_ORDER_PRIORITIES,
  createMaintenancePlanSchema,
  updateMaintenancePlanSchema,
} from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { isoToLocalInput, localInputToIso } from '@/lib/local-time';
import { controlsOf, useFormErrors } from '@/lib/use-form-errors';
import { useCreateMaintenancePlan } from '@/features/maintenance/api/create-maintenance-plan';
import { useUpdateMaintenancePlan } from '@/features/maintenance/api/update-maintenance-plan';
import type { BoardEquipment } from '@/features/maintenance/components/work-order-board';
import { nextDueParts } from '@/features/maintenance/utils/maintenance-plan-labels';
import { WORK_ORDER_PRIORITY_LABELS } from '@/features/maintenance/utils/work-order-labels';
import './maintenance.css';

const KIND_LABELS: Record<PlanTriggerKind, string> = {
  calendar: 'Calendar',
  runtime: 'Running hours',
  parts: 'Parts made',
};
const UNIT_LABELS: Record<CalendarUnit, string> = { day: 'days', week: 'weeks', month: 'months' };

/** One trigger row of the form, as typed (the contract schema checks it on saving). */
interface TriggerRow {
  key: number;
  kind: PlanTriggerKind;
  value: string;
  unit: CalendarUnit;
}

function rowsOf(plan: MaintenancePlan | undefined): TriggerRow[] {
  if (plan === undefined) return [{ key: 0, kind: 'calendar', value: '1', unit: 'month' }];
  return plan.triggers.map((trigger, key) => {
    switch (trigger.kind) {
      case 'calendar':
        return { key, kind: 'calendar', value: String(trigger.every), unit: trigger.unit };
      case 'runtime':
        return { key, kind: 'runtime', value: String(trigger.everyHours), unit: 'month' };
      case 'parts':
        return { key, kind: 'parts', value: String(trigger.everyParts), unit: 'month' };
    }
  });
}

/** The field a trigger's number is sent as: the schema's error path names it. */
const VALUE_FIELD: Record<PlanTriggerKind, string> = {
  calendar: 'every',
  runtime: 'everyHours',
  parts: 'everyParts',
};

/** An empty box stays a string, for the schema to name it; anything else becomes a number. */
const numberOf = (text: string): number | string => (text.trim() === '' ? text : Number(text));

function triggerOf(row: TriggerRow) {
  const value = numberOf(row.value);
  switch (row.kind) {
    case 'calendar':
      return { kind: row.kind, every: value, unit: row.unit };
    case 'runtime':
      return { kind: row.kind, everyHours: value };
    case 'parts':
      return { kind: row.kind, everyParts: value };
  }
}

interface MaintenancePlanEditorProps {
  equipment: readonly BoardEquipment[];
  /** The plan being edited; without one, a new plan. */
  plan?: MaintenancePlan | undefined;
  onSaved?: (plan: MaintenancePlan) => void;
  onCancel?: () => void;
}

/**
 * Create or edit a preventive plan (`maintenance:plan`): equipment, title, start, fixed or floating,
 * lead time and its triggers (one of each kind at most; the first reached wins), checked with the
 * contract's `createMaintenancePlanSchema` / `updateMaintenancePlanSchema` before sending. The
 * equipment and the start cannot change once the plan exists (the meters count from them).
 *
 * Next due: the contracts export no pure function for it (the API computes it from the meters and
 * the last occurrence), so the editor shows the saved plan's `nextDue` from the API and says so.
 */
export function MaintenancePlanEditor({
  equipment,
  plan,
  onSaved,
  onCancel,
}: MaintenancePlanEditorProps) {
  const creating = useCreateMaintenancePlan();
  const updating = useUpdateMaintenancePlan();
  const [saved, setSaved] = useState<MaintenancePlan | undefined>(plan);
  const [rows, setRows] = useState<TriggerRow[]>(() => rowsOf(plan));
  const nextKey = useRef(rows.length);
  const { fieldErrors, formError, clear, showIssues, showServerError } = useFormErrors();
  const editing = saved !== undefined;
  const usedKinds = new Set(rows.map((row) => row.kind));
  const freeKind = PLAN_TRIGGER_KINDS.find((kind) => !usedKinds.has(kind));

  function change(key: number, patch: Partial<TriggerRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function addTrigger() {
    if (freeKind === undefined) return;
    const key = nextKey.current++;
    setRows((current) => [...current, { key, kind: freeKind, value: '', unit: 'week' }]);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => formText(data, name).trim();
    const fieldOf = controlsOf(form, { triggers: 'addTrigger' });
    const common = {
      title: text('title'),
      priority: text('priority'),
      floating: text('floating') === 'floating',
      leadTimeHours: text('leadTimeHours') === '' ? undefined : numberOf(text('leadTimeHours')),
      triggers: rows.map(triggerOf),
    };
    const onError = (error: unknown) =>
      showServerError(error, fieldOf, 'The plan could not be saved.');
    const onSuccess = (result: MaintenancePlan) => {
      setSaved(result);
      onSaved?.(result);
    };
    if (saved !== undefined) {
      const parsed = updateMaintenancePlanSchema.safeParse({
        ...common,
        description: text('description') === '' ? null : text('description'),
      });
      if (!parsed.success) return showIssues(parsed.error, fieldOf);
      clear();
      updating.mutate({ id: saved.id, input: parsed.data }, { onSuccess, onError });
      return;
    }
    const start = text('startAt');
    const parsed = createMaintenancePlanSchema.safeParse({
      ...common,
      equipmentId: text('equipmentId'),
      description: text('description') === '' ? undefined : text('description'),
      startAt: start === '' ? undefined : localInputToIso(start),
    });
    if (!parsed.success) {
      return showIssues(parsed.error, fieldOf, (field, message) =>
        field === 'equipmentId' && text('equipmentId') === '' ? 'Required' : message,
      );
    }
    clear();
    creating.mutate(parsed.data, { onSuccess, onError });
  }

  const due = saved === undefined ? [] : nextDueParts(saved.nextDue);
  return (
    <form
      className="form plan-editor maintenance"
      onSubmit={handleSubmit}
      noValidate
      aria-label={editing ? 'Edit plan' : 'New plan'}
    >
      {formError !== null ? <Alert tone="error">{formError}</Alert> : null}
      <SelectField
        key={`equipment-${equipment.length}`}
        name="equipmentId"
        label="Equipment"
        defaultValue={saved?.equipmentId ?? ''}
        disabled={editing}
        options={[
          { value: '', label: 'Choose the equipment' },
          ...equipment.map((item) => ({ value: item.id, label: `${item.code} · ${item.name}` })),
        ]}
        error={fieldErrors.equipmentId}
      />
      <TextField
        name="title"
        label="Title"
        autoComplete="off"
        defaultValue={saved?.title}
        error={fieldErrors.title}
      />
      <TextAreaField
        name="description"
        label="Instructions"
        rows={2}
        hint="Optional"
        defaultValue={saved?.description ?? undefined}
        error={fieldErrors.description}
      />
      <SelectField
        name="priority"
        label="Priority"
        defaultValue={saved?.priority ?? 'medium'}
        options={WORK_ORDER_PRIORITIES.map((priority) => ({
          value: priority,
          label: WORK_ORDER_PRIORITY_LABELS[priority],
        }))}
        error={fieldErrors.priority}
      />
      <TextField
        name="startAt"
        label="Start"
        type="datetime-local"
        hint={editing ? 'The meters count from here' : 'Optional: now when left empty'}
        disabled={editing}
        defaultValue={saved === undefined ? undefined : isoToLocalInput(saved.startAt)}
        error={fieldErrors.startAt}
      />
      <SelectField
        name="floating"
        label="Schedule"
        defaultValue={saved?.floating === true ? 'floating' : 'fixed'}
        options={[
          { value: 'fixed', label: 'Fixed: on the schedule from the start' },
          { value: 'floating', label: 'Floating: from the last completion' },
        ]}
        error={fieldErrors.floating}
      />
      <TextField
        name="leadTimeHours"
        label="Lead time (hours)"
        type="number"
        inputMode="decimal"
        min={0}
        hint="The work order opens this long before the due"
        defaultValue={saved === undefined ? '0' : String(saved.leadTimeHours)}
        error={fieldErrors.leadTimeHours}
      />
      <fieldset className="plan-editor__triggers">
        <legend>Triggers (the first reached wins)</legend>
        {rows.map((row, index) => {
          const valueName = `triggers.${index}.${VALUE_FIELD[row.kind]}`;
          return (
            <div className="plan-editor__trigger" key={row.key} data-trigger={row.kind}>
              <SelectField
                name={`triggers.${index}.kind`}
                label={`Trigger ${index + 1}`}
                value={row.kind}
                options={PLAN_TRIGGER_KINDS.filter(
                  (kind) => kind === row.kind || !usedKinds.has(kind),
                ).map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
                onChange={(event) =>
                  change(row.key, { kind: event.target.value as PlanTriggerKind })
                }
                error={fieldErrors[`triggers.${index}.kind`]}
              />
              <TextField
                name={valueName}
                label={
                  row.kind === 'calendar'
                    ? 'Every'
                    : row.kind === 'runtime'
                      ? 'Every (running hours)'
                      : 'Every (parts)'
                }
                type="number"
                inputMode="decimal"
                value={row.value}
                onChange={(event) => change(row.key, { value: event.target.value })}
                error={fieldErrors[valueName]}
              />
              {row.kind === 'calendar' ? (
                <SelectField
                  name={`triggers.${index}.unit`}
                  label="Unit"
                  value={row.unit}
                  options={CALENDAR_UNITS.map((unit) => ({
                    value: unit,
                    label: UNIT_LABELS[unit],
                  }))}
                  onChange={(event) =>
                    change(row.key, { unit: event.target.value as CalendarUnit })
                  }
                  error={fieldErrors[`triggers.${index}.unit`]}
                />
              ) : null}
              <Button
                type="button"
                variant="ghost"
                onClick={() => setRows((current) => current.filter((item) => item.key !== row.key))}
              >
                Remove trigger {index + 1}
              </Button>
            </div>
          );
        })}
        <Button
          type="button"
          name="addTrigger"
          variant="secondary"
          onClick={addTrigger}
          disabled={freeKind === undefined}
        >
          Add a trigger
        </Button>
        {fieldErrors.addTrigger !== undefined ? (
          <p className="field__error" role="alert">
            {fieldErrors.addTrigger}
          </p>
        ) : null}
      </fieldset>
      <section className="plan-editor__preview" aria-label="Next due">
        <h3>Next due</h3>
        {saved === undefined ? (
          <p>
            Shown once the plan is saved: the server works the next due out from the meters and the
            last occurrence (no preview is computed here).
          </p>
        ) : (
          <>
            <p>
              {due.length > 0 ? due.join(' · ') : 'Not due yet'}
              {saved.openWorkOrderId !== null ? ' (a work order is open)' : ''}
            </p>
            <p className="plan-editor__note">
              As saved, from the server. Changes you make here show after saving.
            </p>
          </>
        )}
      </section>
      <div className="form__actions">
        <Button
          type="submit"
          className="wo-actions__button"
          isLoading={creating.isPending || updating.isPending}
        >
          {editing ? 'Save plan' : 'Create plan'}
        </Button>
        {onCancel !== undefined ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Close
          </Button>
        ) : null}
      </div>
    </form>
  );
}
