import { type FormEvent, useState } from 'react';
import { type WorkOrder, completeWorkOrderSchema, holdWorkOrderSchema } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/form-field';
import { formText } from '@/lib/form-data';
import { refusalText } from '@/lib/refusals';
import { namedFields, useFormErrors } from '@/lib/use-form-errors';
import {
  type WorkOrderStepName,
  useWorkOrderStep,
} from '@/features/maintenance/api/work-order-step';
import { WORK_ORDER_STATUS_LABELS } from '@/features/maintenance/utils/work-order-labels';
import './maintenance.css';

const HOLD_FIELDS = namedFields(['reason']);
const COMPLETE_FIELDS = namedFields(['cause', 'remedy']);

const FAILED: Record<WorkOrderStepName, string> = {
  start: 'The work order could not be started.',
  hold: 'The work order could not be put on hold.',
  resume: 'The work order could not be resumed.',
  complete: 'The work order could not be completed.',
};

type Panel = 'none' | 'hold' | 'complete';

/**
 * The technician's steps for the work order's status: start (open or assigned); put on hold with a
 * reason or complete with cause and remedy (in progress); resume (on hold). Reasons and notes are
 * checked with the contract's schemas before sending; the server's refusals are shown in words.
 */
export function WorkOrderActions({ order }: { order: WorkOrder }) {
  const stepMutation = useWorkOrderStep();
  const hold = useFormErrors();
  const complete = useFormErrors();
  const [panel, setPanel] = useState<Panel>('none');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const pending = (step: WorkOrderStepName) =>
    stepMutation.isPending && stepMutation.variables.step === step;

  function after(step: WorkOrderStepName) {
    return {
      onSuccess: (saved: WorkOrder) => {
        setPanel('none');
        setDone(`Work order ${WORK_ORDER_STATUS_LABELS[saved.status].toLowerCase()}.`);
      },
      onError: (failure: unknown) => {
        if (step === 'hold') hold.showServerError(failure, HOLD_FIELDS, FAILED.hold);
        else if (step === 'complete') {
          complete.showServerError(failure, COMPLETE_FIELDS, FAILED.complete);
        } else setError(refusalText(failure, FAILED[step]));
      },
    };
  }

  function simple(step: 'start' | 'resume') {
    setError(null);
    setDone(null);
    stepMutation.mutate({ id: order.id, step }, after(step));
  }

  function submitHold(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = holdWorkOrderSchema.safeParse({
      reason: formText(new FormData(event.currentTarget), 'reason'),
    });
    if (!parsed.success) return hold.showIssues(parsed.error, HOLD_FIELDS);
    hold.clear();
    setDone(null);
    stepMutation.mutate({ id: order.id, step: 'hold', input: parsed.data }, after('hold'));
  }

  function submitComplete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = formText(data, name).trim();
      return value === '' ? undefined : value;
    };
    const parsed = completeWorkOrderSchema.safeParse({
      cause: text('cause'),
      remedy: text('remedy'),
    });
    if (!parsed.success) return complete.showIssues(parsed.error, COMPLETE_FIELDS);
    complete.clear();
    setDone(null);
    stepMutation.mutate({ id: order.id, step: 'complete', input: parsed.data }, after('complete'));
  }

  return (
    <div className="wo-actions">
      {error !== null ? <Alert tone="error">{error}</Alert> : null}
      {done !== null ? <Alert tone="success">{done}</Alert> : null}
      {order.status === 'open' || order.status === 'assigned' ? (
        <Button
          className="wo-actions__button"
          isLoading={pending('start')}
          onClick={() => simple('start')}
        >
          Start work
        </Button>
      ) : null}
      {order.status === 'on_hold' ? (
        <Button
          className="wo-actions__button"
          isLoading={pending('resume')}
          onClick={() => simple('resume')}
        >
          Resume work
        </Button>
      ) : null}
      {order.status === 'in_progress' && panel === 'none' ? (
        <div className="wo-actions__row">
          <Button
            variant="secondary"
            className="wo-actions__button"
            onClick={() => setPanel('hold')}
          >
            Put on hold
          </Button>
          <Button className="wo-actions__button" onClick={() => setPanel('complete')}>
            Complete…
          </Button>
        </div>
      ) : null}
      {order.status === 'in_progress' && panel === 'hold' ? (
        <form className="form" onSubmit={submitHold} noValidate aria-label="Put on hold">
          {hold.formError !== null ? <Alert tone="error">{hold.formError}</Alert> : null}
          <TextAreaField
            name="reason"
            label="Why is the work paused?"
            rows={2}
            hint="e.g. waiting for a spare part"
            error={hold.fieldErrors.reason}
          />
          <div className="wo-actions__row">
            <Button
              variant="secondary"
              className="wo-actions__button"
              onClick={() => {
                hold.clear();
                setPanel('none');
              }}
            >
              Back
            </Button>
            <Button type="submit" className="wo-actions__button" isLoading={pending('hold')}>
              Put on hold
            </Button>
          </div>
        </form>
      ) : null}
      {order.status === 'in_progress' && panel === 'complete' ? (
        <form className="form" onSubmit={submitComplete} noValidate aria-label="Complete">
          {complete.formError !== null ? <Alert tone="error">{complete.formError}</Alert> : null}
          <TextAreaField
            name="cause"
            label="Cause"
            rows={2}
            hint="What was wrong"
            defaultValue={order.cause ?? undefined}
            error={complete.fieldErrors.cause}
          />
          <TextAreaField
            name="remedy"
            label="Remedy"
            rows={2}
            hint="What you did about it"
            defaultValue={order.remedy ?? undefined}
            error={complete.fieldErrors.remedy}
          />
          <div className="wo-actions__row">
            <Button
              variant="secondary"
              className="wo-actions__button"
              onClick={() => {
                complete.clear();
                setPanel('none');
              }}
            >
              Back
            </Button>
            <Button type="submit" className="wo-actions__button" isLoading={pending('complete')}>
              Complete work order
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
