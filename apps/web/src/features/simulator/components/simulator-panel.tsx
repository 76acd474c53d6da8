import { type FormEvent, useState } from 'react';
import type { SimulatorState, StartSimulatorInput } from '@ms5/contracts';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { TextField } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/loading-state';
import { isApiError } from '@/lib/api-client';
import { usePermission } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import {
  type SimulatorStatusAction,
  useChangeSimulatorStatus,
} from '@/features/simulator/api/change-simulator-status';
import { useSimulator } from '@/features/simulator/api/get-simulator';
import { useStartSimulator } from '@/features/simulator/api/start-simulator';
import './simulator.css';

const STATUS_LABELS: Record<SimulatorState['status'], string> = {
  running: 'Running',
  paused: 'Paused',
  stopped: 'Stopped',
};

/** Parses the optional number inputs; undefined when empty, NaN when not a number. */
function optionalNumber(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    const fields = error.fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return fields === '' ? error.message : fields;
  }
  return error instanceof Error ? error.message : 'Something went wrong';
}

/** The simulator's status with its controls: start (with speed and seed), pause, resume, stop. */
export function SimulatorPanel() {
  const canControl = usePermission('simulator:control');
  const stateQuery = useSimulator();
  const start = useStartSimulator();
  const change = useChangeSimulatorStatus();
  const [speed, setSpeed] = useState('1');
  const [seed, setSeed] = useState('');

  if (stateQuery.isPending) return <LoadingState label="Loading the simulator…" />;
  if (stateQuery.isError) {
    return (
      <ErrorState
        title="Could not load the simulator"
        error={stateQuery.error}
        onRetry={() => void stateQuery.refetch()}
      />
    );
  }
  const { status, run, driving } = stateQuery.data;
  const busy = start.isPending || change.isPending;
  const failure = start.error ?? change.error;

  const onStart = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: StartSimulatorInput = {};
    const speedValue = optionalNumber(speed);
    const seedValue = optionalNumber(seed);
    if (speedValue !== undefined) input.speed = speedValue;
    if (seedValue !== undefined) input.seed = seedValue;
    change.reset();
    start.mutate(input);
  };
  const act = (action: SimulatorStatusAction) => {
    start.reset();
    change.mutate(action);
  };

  return (
    <section className="card simulator-panel" aria-label="Simulator">
      <div className="simulator-panel__status">
        <span className={`badge badge--${status}`} data-testid="simulator-status">
          {STATUS_LABELS[status]}
        </span>
        {run !== null ? (
          <dl className="simulator-panel__facts">
            <div>
              <dt>Since</dt>
              <dd>{formatDateTime(run.startedAt)}</dd>
            </div>
            <div>
              <dt>Seed</dt>
              <dd className="mono">{run.seed}</dd>
            </div>
            <div>
              <dt>Speed</dt>
              <dd>{run.speed}×</dd>
            </div>
            <div>
              <dt>Events sent</dt>
              <dd>{run.eventsSent.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Andon calls</dt>
              <dd>{run.andonCalls.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Driven here</dt>
              <dd>{driving ? 'yes' : 'by another instance'}</dd>
            </div>
          </dl>
        ) : (
          <p>No simulation is running.</p>
        )}
      </div>

      {canControl ? (
        <div className="simulator-panel__controls">
          {status === 'stopped' ? (
            <form className="simulator-panel__controls" onSubmit={onStart}>
              <TextField
                name="speed"
                label="Speed (simulated seconds per second)"
                inputMode="decimal"
                value={speed}
                onChange={(event) => setSpeed(event.target.value)}
                error={isApiError(start.error) ? start.error.fieldError('speed') : undefined}
              />
              <TextField
                name="seed"
                label="Seed (empty: random)"
                inputMode="numeric"
                value={seed}
                onChange={(event) => setSeed(event.target.value)}
                error={isApiError(start.error) ? start.error.fieldError('seed') : undefined}
              />
              <Button type="submit" isLoading={start.isPending} disabled={busy}>
                Start
              </Button>
            </form>
          ) : null}
          {status === 'running' ? (
            <Button variant="secondary" onClick={() => act('pause')} disabled={busy}>
              Pause
            </Button>
          ) : null}
          {status === 'paused' ? (
            <Button onClick={() => act('resume')} disabled={busy}>
              Resume
            </Button>
          ) : null}
          {status !== 'stopped' ? (
            <Button variant="danger" onClick={() => act('stop')} disabled={busy}>
              Stop
            </Button>
          ) : null}
        </div>
      ) : (
        <p>Only engineers and administrators can control the simulator.</p>
      )}
      {failure !== null ? (
        <Alert tone="error" title="The simulator did not change">
          {errorMessage(failure)}
        </Alert>
      ) : null}
    </section>
  );
}
