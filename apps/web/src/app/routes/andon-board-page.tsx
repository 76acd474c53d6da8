import { PageHeader } from '@/components/ui/page-header';
import { AndonBoard } from '@/features/andon/components/andon-board';
import { RequirePermission } from '@/app/routes/require-permission';

export function AndonBoardPage() {
  return (
    <RequirePermission permission="andon:read">
      <PageHeader
        title="Andon board"
        description="Open calls, most urgent first. New critical calls flash and beep."
      />
      <AndonBoard />
    </RequirePermission>
  );
}
