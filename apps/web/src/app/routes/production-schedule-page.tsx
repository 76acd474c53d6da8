import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { ALL_ITEMS, useLines, usePlantList } from '@/features/plant/api/get-plant-list';
import { ProductionSchedule } from '@/features/schedule/components/production-schedule';
import { RequirePermission } from '@/app/routes/require-permission';

/**
 * `/production/schedule?from=YYYY-MM-DD&line=<id>`: the orders of every line over eight days.
 * Everyone with `orders:read` may look; planning and the lifecycle need `orders:manage`.
 */
export function ProductionSchedulePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const startDay = searchParams.get('from');
  const lineId = searchParams.get('line') ?? undefined;
  const linesQuery = useLines();
  const productsQuery = usePlantList('products', ALL_ITEMS);

  function update(changes: { from?: string | null; line?: string | undefined }) {
    const params = new URLSearchParams(searchParams);
    if ('from' in changes) {
      if (changes.from === null || changes.from === undefined) params.delete('from');
      else params.set('from', changes.from);
    }
    if ('line' in changes) {
      if (changes.line === undefined) params.delete('line');
      else params.set('line', changes.line);
    }
    setSearchParams(params);
  }

  return (
    <RequirePermission permission="orders:read">
      <PageHeader
        title="Production schedule"
        description="Orders per line over the coming week: plan, release, start and assign operators."
      />
      {linesQuery.isPending || productsQuery.isPending ? (
        <LoadingState label="Loading lines and products…" />
      ) : linesQuery.isError || productsQuery.isError ? (
        <ErrorState
          title="Could not load the lines and products"
          error={linesQuery.error ?? productsQuery.error}
          onRetry={() => {
            void linesQuery.refetch();
            void productsQuery.refetch();
          }}
        />
      ) : (
        <ProductionSchedule
          lines={linesQuery.data.items}
          products={productsQuery.data.items}
          startDay={startDay}
          onStartDayChange={(from) => update({ from })}
          lineId={lineId}
          onLineChange={(line) => update({ line })}
        />
      )}
    </RequirePermission>
  );
}
