import { ROLE_LABELS, ROLE_PERMISSIONS } from '@ms5/contracts';
import { PageHeader } from '@/components/ui/page-header';
import { useCurrentUser } from '@/lib/auth';
import { SystemInfoCard } from '@/features/system/components/system-info-card';

export function HomePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title={`Hello, ${user.displayName}`}
        description="Who is signed in on this device, and how the server is doing."
      />
      <div className="grid grid--two">
        <section className="card" aria-labelledby="session-title">
          <h2 id="session-title">Signed in</h2>
          <dl className="facts">
            <div>
              <dt>Name</dt>
              <dd>{user.displayName}</dd>
            </div>
            <div>
              <dt>Username</dt>
              <dd className="mono">{user.username}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>{ROLE_LABELS[user.role]}</dd>
            </div>
            <div>
              <dt>Permissions</dt>
              <dd>{ROLE_PERMISSIONS[user.role].length}</dd>
            </div>
          </dl>
        </section>
        <SystemInfoCard />
      </div>
    </>
  );
}
