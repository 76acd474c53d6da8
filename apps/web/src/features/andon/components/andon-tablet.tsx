import { useState } from 'react';
import {
  ANDON_PRIORITIES,
  ANDON_TYPES,
  type AndonCall,
  type AndonType,
  type Equipment,
} from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { useAndonCalls } from '@/features/andon/api/get-andon-calls';
import { useAndonEquipment } from '@/features/andon/api/get-andon-equipment';
import { useRaiseAndonCall } from '@/features/andon/api/raise-andon-call';
import { ageTone, formatAge } from '@/features/andon/components/andon-labels';
import { ANDON_PRIORITY_LABELS, ANDON_STATUS_LABELS, ANDON_TYPE_LABELS } from '@/lib/domain-labels';
import { useNow } from '@/hooks/use-now';
import './andon.css';

export interface AndonTabletProps {
  /** The line the tablet is fixed to (choose the equipment on the tablet), or… */
  lineId?: string | undefined;
  /** …the one equipment it is fixed to. */
  equipmentId?: string | undefined;
}

/**
 * The operator's tablet: tap the kind of help, then how urgent: the call is raised. Below, the
 * live status of this equipment's (or line's) open calls.
 */
export function AndonTablet({ lineId, equipmentId }: AndonTabletProps) {
  const equipmentQuery = useAndonEquipment(lineId);
  const [chosenEquipment, setChosenEquipment] = useState<string | undefined>(equipmentId);
  const [type, setType] = useState<AndonType | null>(null);
  const [lastRaised, setLastRaised] = useState<AndonCall | null>(null);
  const raise = useRaiseAndonCall({
    mutationConfig: {
      onSuccess: (call) => {
        setLastRaised(call);
        setType(null);
      },
    },
  });

  if (equipmentQuery.isPending) return <LoadingState />;
  if (equipmentQuery.isError) {
    return (
      <ErrorState error={equipmentQuery.error} onRetry={() => void equipmentQuery.refetch()} />
    );
  }
  const equipment: Equipment[] = equipmentQuery.data.items;
  const target =
    equipment.find((item) => item.id === (equipmentId ?? chosenEquipment)) ??
    (equipment.length === 1 ? equipment[0] : undefined);

  return (
    <div className="andon-tablet">
      {equipmentId === undefined ? (
        <SelectField
          name="equipment"
          label="Equipment"
          value={target?.id ?? ''}
          onChange={(event) => setChosenEquipment(event.target.value || undefined)}
          options={[
            { value: '', label: 'Choose the equipment…' },
            ...equipment.map((item) => ({ value: item.id, label: `${item.code} · ${item.name}` })),
          ]}
        />
      ) : null}
      {target === undefined ? (
        <Alert tone="info">Choose the equipment this tablet calls for.</Alert>
      ) : (
        <section aria-labelledby="andon-raise-title">
          <h2 id="andon-raise-title">
            {type === null
              ? `Call for help at ${target.name}`
              : `${ANDON_TYPE_LABELS[type]}: how urgent?`}
          </h2>
          {raise.isError ? (
            <Alert tone="error" title="The call was not raised">
              {raise.error.message}
            </Alert>
          ) : null}
          {lastRaised !== null && type === null ? (
            <Alert tone="success">
              {ANDON_TYPE_LABELS[lastRaised.type]} call raised (
              {ANDON_PRIORITY_LABELS[lastRaised.priority]}).
            </Alert>
          ) : null}
          <div
            className="andon-tablet__grid"
            role="group"
            aria-label={type === null ? 'Kind of help' : 'Priority'}
          >
            {type === null
              ? ANDON_TYPES.map((option) => (
                  <button
                    key={option}
                    type="button"
                    className={`andon-tablet__target andon-tablet__target--${option}`}
                    onClick={() => {
                      setLastRaised(null);
                      setType(option);
                    }}
                  >
                    {ANDON_TYPE_LABELS[option]}
                  </button>
                ))
              : ANDON_PRIORITIES.map((priority) => (
                  <button
                    key={priority}
                    type="button"
                    className={`andon-tablet__target andon-tablet__target--${priority}`}
                    disabled={raise.isPending}
                    onClick={() => raise.mutate({ equipmentId: target.id, type, priority })}
                  >
                    {ANDON_PRIORITY_LABELS[priority]}
                  </button>
                ))}
          </div>
          {type !== null ? (
            <Button variant="secondary" onClick={() => setType(null)}>
              Back
            </Button>
          ) : null}
        </section>
      )}
      {target !== undefined ? <TabletCalls equipmentId={target.id} /> : null}
    </div>
  );
}

function TabletCalls({ equipmentId }: { equipmentId: string }) {
  const now = useNow();
  const calls = useAndonCalls({
    page: 1,
    pageSize: 20,
    equipmentId,
    status: ['open', 'acknowledged'],
    sort: 'urgency',
  });
  if (calls.isPending) return <LoadingState label="Loading calls…" />;
  if (calls.isError) return <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />;
  return (
    <section aria-labelledby="andon-tablet-calls">
      <h2 id="andon-tablet-calls">Calls at this equipment</h2>
      {calls.data.items.length === 0 ? (
        <p>No open calls.</p>
      ) : (
        <ul className="andon-tablet__calls">
          {calls.data.items.map((call) => {
            const age = (now - Date.parse(call.raisedAt)) / 1000;
            const tone = call.status === 'acknowledged' ? 'acknowledged' : ageTone(age);
            return (
              <li key={call.id} className={`andon-call andon-call--${tone}`} data-call-id={call.id}>
                <div className="andon-call__main">
                  <span className="andon-call__title">
                    {ANDON_TYPE_LABELS[call.type]} · {ANDON_PRIORITY_LABELS[call.priority]}
                  </span>
                  <span className="andon-call__meta">
                    {ANDON_STATUS_LABELS[call.status]}
                    {call.acknowledgedBy ? ` by ${call.acknowledgedBy.displayName}` : ''} ·{' '}
                    {formatAge(age)}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
