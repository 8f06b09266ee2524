import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { BulkInviteForm } from '../../features/bulk-invite/components/bulk-invite-form.tsx';
import { useOrganizationRoles } from '../../features/invite/api/get-organization-roles.ts';
import { useOrganization } from '../../features/organizations/api/get-organization.ts';
import { OrgBreadcrumbs, OrgNotAllowedPage } from '../layouts/org-page-parts.tsx';

const route = getRouteApi('/_app/orgs/$orgId/invitations/bulk');
// Below the form, with the table library: loaded after the paste box is on screen.
const RecentBulkJobs = lazy(() =>
  import('../../features/bulk-invite/components/recent-bulk-jobs.tsx').then((m) => ({
    default: m.RecentBulkJobs,
  })),
);

/** `/orgs/:orgId/invitations/bulk`: paste or upload addresses, preview, start a job; recent jobs. */
export function BulkInvitePage() {
  const { orgId } = route.useParams();
  const navigate = route.useNavigate();
  const org = useOrganization(orgId);
  const roles = useOrganizationRoles();
  const orgName = org.data?.name;
  if (org.error?.status === 403 || org.error?.status === 404) {
    return <OrgNotAllowedPage heading="Bulk invite" notFound={org.error.status === 404} />;
  }
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <OrgBreadcrumbs orgId={orgId} orgName={orgName} current="Bulk invite" />
          <h1>Bulk invite</h1>
          <p className="page-description">
            Invite many people to {orgName ?? 'this organization'} at once: up to 20,000 addresses per job.
          </p>
        </div>
      </header>
      <BulkInviteForm
        key={orgId}
        orgId={orgId}
        roles={roles.data?.data}
        rolesError={roles.isError ? roles.error.longMessage : null}
        onStarted={(job) =>
          navigate({ to: '/orgs/$orgId/invitations/bulk/$jobId', params: { orgId, jobId: job.id } })
        }
      />
      <section className="recent-jobs" aria-labelledby="recent-bulk-invites">
        <h2 id="recent-bulk-invites">Recent bulk invites</h2>
        <Suspense fallback={null}>
          <RecentBulkJobs orgId={orgId} />
        </Suspense>
      </section>
    </div>
  );
}
