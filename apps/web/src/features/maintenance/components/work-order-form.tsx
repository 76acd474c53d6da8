import type { FormEvent } from 'react';
import {
  WORK_ORDER_PRIORITIES,
  WORK_ORDER_TYPES,
  type WorkOrder,
  type WorkOrderPriority,
  createWorkOrderSchema,
} from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/form-field';
import { usePermission } from '@/lib/authorization';
import { formText } from '@/lib/form-data';
import { localInputToIso } from '@/lib/local-time';
import { namedFields, useFormErrors } from '@/lib/use-form-errors';
import { useCreateWorkOrder } from '@/features/maintenance/api/create-work-order';
import type { BoardEquipment } from '@/features/maintenance/components/work-order-board';
import {
  WORK_ORDER_PRIORITY_LABELS,
  WORK_ORDER_TYPE_LABELS,
} from '@/features/maintenance/utils/work-order-labels';
import './maintenance.css';

const FIELDS = namedFields([
  'equipmentId',
  'type',
  'priority',
  'title',
  'description',
  'dueAt',
  'andonCallId',
  'downtimeEventId',
]);

/** What the form starts with when opened from an andon call (its equipment, priority, words). */
export interface WorkOrderFormDefaults {
  equipmentId?: string | undefined;
  andonCallId?: string | undefined;
  /** The machine event that began a stop (the downtime list's `downtimeEventId`). */
  downtimeEventId?: string | undefined;
  priority?: string | undefined;
  title?: string | undefined;
}

interface WorkOrderFormProps {
  equipment: readonly BoardEquipment[];
  defaults?: WorkOrderFormDefaults;
  onCreated?: (order: WorkOrder) => void;
}

const isPriority = (value: string | undefined): value is WorkOrderPriority =>
  (WORK_ORDER_PRIORITIES as readonly string[]).includes(value ?? '');

/**
 * Open a work order. Anyone holding `maintenance:request` asks for a corrective one (an operator's
 * request); planners may also open preventive and inspection work. From an andon call it carries
 * the call (`andonCallId`): the call then shows its work order; from a stop, the stop
 * (`downtimeEventId`) with its reason and duration. Checked with the contract schema.
 */
export function WorkOrderForm({ equipment, defaults = {}, onCreated }: WorkOrderFormProps) {
  const canPlan = usePermission('maintenance:plan');
  const mutation = useCreateWorkOrder();
  const { fieldErrors, formError, clear, showIssues, showServerError } = useFormErrors();
  const fromCall = defaults.andonCallId !== undefined && defaults.andonCallId !== '';
  const fromStop = defaults.downtimeEventId !== undefined && defaults.downtimeEventId !== '';
  const types = canPlan ? WORK_ORDER_TYPES : (['corrective'] as const);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const optional = (name: string) => {
      const text = formText(data, name).trim();
      return text === '' ? undefined : text;
    };
    const due = optional('dueAt');
    const parsed = createWorkOrderSchema.safeParse({
      equipmentId: formText(data, 'equipmentId'),
      type: formText(data, 'type'),
      priority: formText(data, 'priority'),
      title: formText(data, 'title'),
      description: optional('description'),
      dueAt: due === undefined ? undefined : localInputToIso(due),
      andonCallId: fromCall ? defaults.andonCallId : undefined,
      downtimeEventId: fromStop ? Number(defaults.downtimeEventId) : undefined,
    });
    if (!parsed.success) {
      return showIssues(parsed.error, FIELDS, (field, message) =>
        field === 'equipmentId' && formText(data, 'equipmentId') === '' ? 'Required' : message,
      );
    }
    clear();
    mutation.mutate(parsed.data, {
      onSuccess: (order) => onCreated?.(order),
      onError: (error) => showServerError(error, FIELDS, 'The work order could not be opened.'),
    });
  }

  return (
    <form className="form wo-form" onSubmit={handleSubmit} noValidate aria-label="New work order">
      {formError !== null ? <Alert tone="error">{formError}</Alert> : null}
      {fromCall ? (
        <Alert tone="info">
          From an andon call: the call will show this work order.
          {fieldErrors.andonCallId !== undefined ? ` ${fieldErrors.andonCallId}` : ''}
        </Alert>
      ) : null}
      {fromStop ? (
        <Alert tone="info">
          From a stop: its reason and its duration go with the work order.
          {fieldErrors.downtimeEventId !== undefined ? ` ${fieldErrors.downtimeEventId}` : ''}
        </Alert>
      ) : null}
      <SelectField
        key={`equipment-${equipment.length}`}
        name="equipmentId"
        label="Equipment"
        defaultValue={defaults.equipmentId ?? ''}
        options={[
          { value: '', label: 'Choose the equipment' },
          ...equipment.map((item) => ({ value: item.id, label: `${item.code} · ${item.name}` })),
        ]}
        error={fieldErrors.equipmentId}
      />
      <TextField
        name="title"
        label="What is wrong?"
        autoComplete="off"
        defaultValue={defaults.title}
        error={fieldErrors.title}
      />
      <SelectField
        name="priority"
        label="Priority"
        defaultValue={isPriority(defaults.priority) ? defaults.priority : 'medium'}
        options={WORK_ORDER_PRIORITIES.map((priority) => ({
          value: priority,
          label: WORK_ORDER_PRIORITY_LABELS[priority],
        }))}
        error={fieldErrors.priority}
      />
      <SelectField
        name="type"
        label="Type"
        defaultValue="corrective"
        options={types.map((type) => ({ value: type, label: WORK_ORDER_TYPE_LABELS[type] }))}
        error={fieldErrors.type}
      />
      <TextAreaField
        name="description"
        label="Details"
        rows={3}
        hint="Optional"
        error={fieldErrors.description}
      />
      <TextField
        name="dueAt"
        label="Due"
        type="datetime-local"
        hint="Optional"
        error={fieldErrors.dueAt}
      />
      <div className="form__actions">
        <Button type="submit" className="wo-actions__button" isLoading={mutation.isPending}>
          Open work order
        </Button>
      </div>
    </form>
  );
}
