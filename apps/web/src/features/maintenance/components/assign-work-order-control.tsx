import { type FormEvent, useState } from 'react';
import { type WorkOrderSummary, assignWorkOrderSchema } from '@ms5/contracts';
import { Button } from '@/components/ui/button';
import { refusalText } from '@/lib/refusals';
import { useAssignWorkOrder } from '@/features/maintenance/api/assign-work-order';
import { useWorkOrderAssignees } from '@/features/maintenance/api/get-work-order-assignees';
import './maintenance.css';

/**
 * The planner's assignment on a board card: one of the people who may work the order's line
 * (`GET /api/work-orders/assignees?lineId`), replacing whoever had it.
 */
export function AssignWorkOrderControl({ order }: { order: WorkOrderSummary }) {
  const assignees = useWorkOrderAssignees(order.lineId);
  const mutation = useAssignWorkOrder();
  const current = order.assignees[0]?.id ?? '';
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('assigneeId');
    const parsed = assignWorkOrderSchema.safeParse({
      assigneeIds: typeof value === 'string' && value !== '' ? [value] : [],
    });
    if (!parsed.success) {
      setError('Choose a technician.');
      return;
    }
    setError(null);
    mutation.mutate(
      { id: order.id, input: parsed.data },
      {
        onError: (failure) =>
          setError(refusalText(failure, 'The work order could not be assigned.')),
      },
    );
  }

  const label = `Technician for ${order.number}`;
  return (
    <form
      className="wo-assign"
      onSubmit={handleSubmit}
      noValidate
      aria-label={`Assign ${order.number}`}
    >
      <label className="visually-hidden" htmlFor={`assign-${order.id}`}>
        {label}
      </label>
      <select
        id={`assign-${order.id}`}
        name="assigneeId"
        className="field__control"
        key={`${current}-${assignees.data?.items.length ?? 0}`}
        defaultValue={current}
        disabled={assignees.isPending}
      >
        <option value="">{assignees.isPending ? 'Loading…' : 'Choose a technician'}</option>
        {(assignees.data?.items ?? []).map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" isLoading={mutation.isPending}>
        {order.assignees.length === 0 ? 'Assign' : 'Reassign'}
      </Button>
      {error !== null ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
