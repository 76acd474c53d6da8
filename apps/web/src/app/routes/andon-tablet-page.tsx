import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/form-field';
import { useAndonLines } from '@/features/andon/api/get-andon-lines';
import { AndonTablet } from '@/features/andon/components/andon-tablet';
import { LiveIndicator } from '@/features/andon/components/live-indicator';
import { useAndonSocket } from '@/features/andon/hooks/use-andon-socket';
import { RequirePermission } from '@/app/routes/require-permission';

/**
 * The operator's tablet. Fix it to a line with `?line=<id>` or to one equipment with
 * `?equipment=<id>` (bookmark the address on the tablet).
 */
export function AndonTabletPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const lineId = searchParams.get('line') ?? undefined;
  const equipmentId = searchParams.get('equipment') ?? undefined;
  const status = useAndonSocket();
  const lines = useAndonLines();

  return (
    <RequirePermission permission="andon:raise">
      <PageHeader
        title="Andon"
        description="Tap what you need, then how urgent it is."
        actions={<LiveIndicator status={status} />}
      />
      {equipmentId === undefined ? (
        <SelectField
          name="line"
          label="Line"
          value={lineId ?? ''}
          onChange={(event) => {
            const params = new URLSearchParams();
            if (event.target.value !== '') params.set('line', event.target.value);
            setSearchParams(params);
          }}
          options={[
            { value: '', label: 'Choose the line…' },
            ...(lines.data?.items ?? []).map((line) => ({
              value: line.id,
              label: `${line.code} · ${line.name}`,
            })),
          ]}
        />
      ) : null}
      {lineId !== undefined || equipmentId !== undefined ? (
        <AndonTablet
          key={`${lineId ?? ''}/${equipmentId ?? ''}`}
          lineId={lineId}
          equipmentId={equipmentId}
        />
      ) : null}
    </RequirePermission>
  );
}
