import { useEffect } from 'react';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { hourByHourHref, paths } from '@/config/paths';
import type { ShiftOccurrence } from '@/features/hour-by-hour/api/hour-by-hour-query-keys';
import { HourByHourBoard } from '@/features/hour-by-hour/components/hour-by-hour-board';
import { ShiftOccurrencePicker } from '@/features/hour-by-hour/components/shift-occurrence-picker';
import { useLines, usePlantList } from '@/features/plant/api/get-plant-list';
import { rememberValue, storedValue } from '@/lib/remembered-value';
import { RequirePermission } from '@/app/routes/require-permission';

/** The screen (a desk, or a wall screen by the line) remembers its line. */
export const HOUR_BY_HOUR_LINE_KEY = 'ms5.hourByHour.lineId';

function storedLine(): string | null {
  return storedValue(HOUR_BY_HOUR_LINE_KEY);
}

function rememberLine(lineId: string | null) {
  rememberValue(HOUR_BY_HOUR_LINE_KEY, lineId);
}

/** Best effort: a wall screen fills the monitor when the browser allows it. */
function enterFullscreen() {
  const root = document.documentElement;
  if (typeof root.requestFullscreen !== 'function' || document.fullscreenElement) return;
  root.requestFullscreen().catch(() => undefined);
}

function leaveFullscreen() {
  if (typeof document.exitFullscreen !== 'function' || !document.fullscreenElement) return;
  document.exitFullscreen().catch(() => undefined);
}

/** `/hour-by-hour`: go to the remembered line, or pick one. */
function ChooseLine() {
  const location = useLocation();
  const navigate = useNavigate();
  const linesQuery = useLines();
  const stored = storedLine();
  if (stored !== null)
    return <Navigate to={`${hourByHourHref(stored)}${location.search}`} replace />;
  return (
    <>
      <PageHeader title="Hour by hour" description="Choose the line to follow." />
      {linesQuery.isPending ? (
        <LoadingState label="Loading lines…" />
      ) : linesQuery.isError ? (
        <ErrorState
          title="Could not load the lines"
          error={linesQuery.error}
          onRetry={() => void linesQuery.refetch()}
        />
      ) : (
        <div className="line-picker" role="group" aria-label="Lines">
          {linesQuery.data.items.length === 0 ? <p>No lines are set up yet.</p> : null}
          {linesQuery.data.items.map((line) => (
            <button
              key={line.id}
              type="button"
              className="line-picker__option"
              onClick={() => {
                rememberLine(line.id);
                void navigate(`${hourByHourHref(line.id)}${location.search}`);
              }}
            >
              <span className="line-picker__name">{line.name}</span>
              <span className="mono">{line.code}</span>
            </button>
          ))}
        </div>
      )}
    </>
  );
}

/** `/hour-by-hour/:lineId?shiftId&date&wall=1`: one line's board. */
function LineBoard({ lineId }: { lineId: string }) {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const shiftId = searchParams.get('shiftId');
  const date = searchParams.get('date');
  const occurrence: ShiftOccurrence | null =
    shiftId !== null && date !== null ? { shiftId, date } : null;
  const wall = searchParams.get('wall') === '1';

  const line = useLines().data?.items.find((item) => item.id === lineId);
  const shiftsQuery = usePlantList('shifts', { page: 1, pageSize: 200, lineId });
  const equipmentQuery = usePlantList('equipment', { page: 1, pageSize: 200, lineId });

  useEffect(() => {
    rememberLine(lineId);
  }, [lineId]);

  function update(changes: Record<string, string | null>) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  function chooseOccurrence(next: ShiftOccurrence | null) {
    update({ shiftId: next?.shiftId ?? null, date: next?.date ?? null });
  }

  function setWall(on: boolean) {
    if (on) enterFullscreen();
    else leaveFullscreen();
    update({ wall: on ? '1' : null });
  }

  const board = (
    <HourByHourBoard
      lineId={lineId}
      occurrence={occurrence}
      lineName={line?.name}
      equipmentName={(id) => equipmentQuery.data?.items.find((item) => item.id === id)?.name}
      wall={wall}
      onExitWall={() => setWall(false)}
      toolbar={
        <>
          <ShiftOccurrencePicker
            shifts={shiftsQuery.data?.items ?? []}
            value={occurrence}
            onChange={chooseOccurrence}
            defaultLabel="Current shift"
          />
          <Button variant="secondary" onClick={() => setWall(true)}>
            Wall screen
          </Button>
        </>
      }
    />
  );
  if (wall) return board;
  return (
    <>
      <PageHeader
        title="Hour by hour"
        description="Target from cycle time, schedule and breaks against good parts, hour by hour, live."
        actions={
          <Button
            variant="secondary"
            onClick={() => {
              rememberLine(null);
              void navigate(paths.hourByHour);
            }}
          >
            Change line
          </Button>
        }
      />
      {board}
    </>
  );
}

/** `/hour-by-hour` and `/hour-by-hour/:lineId`: the hour-by-hour board of a line. */
export function HourByHourPage() {
  const { lineId } = useParams();
  return (
    <RequirePermission permission="production:read">
      {lineId === undefined ? <ChooseLine /> : <LineBoard key={lineId} lineId={lineId} />}
    </RequirePermission>
  );
}
