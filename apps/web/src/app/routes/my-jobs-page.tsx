import { PageHeader } from '@/components/ui/page-header';
import { MyJobsList } from '@/features/jobs/components/my-jobs-list';
import { RequirePermission } from '@/app/routes/require-permission';

/** `/operator/jobs`: the operator's open jobs on the tablet. */
export function MyJobsPage() {
  return (
    <RequirePermission permission="jobs:execute">
      <div className="operator">
        <PageHeader
          title="My jobs"
          description="Tap a job to run its checklist, start it and follow its progress."
        />
        <MyJobsList />
      </div>
    </RequirePermission>
  );
}
