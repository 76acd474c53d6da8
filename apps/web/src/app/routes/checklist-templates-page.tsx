import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { ChecklistTemplatesPanel } from '@/features/checklists/components/checklist-templates-panel';
import { ALL_ITEMS, useLines, usePlantList } from '@/features/plant/api/get-plant-list';
import { RequirePermission } from '@/app/routes/require-permission';

/** `/checklists`: the pre-start checklist templates of lines and products. */
export function ChecklistTemplatesPage() {
  const linesQuery = useLines();
  const productsQuery = usePlantList('products', ALL_ITEMS);
  return (
    <RequirePermission permission="checklists:manage">
      <PageHeader
        title="Pre-start checklists"
        description="What operators check before a job starts, per line or product. A failed critical item blocks the start."
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
        <ChecklistTemplatesPanel
          lines={linesQuery.data.items}
          products={productsQuery.data.items}
        />
      )}
    </RequirePermission>
  );
}
