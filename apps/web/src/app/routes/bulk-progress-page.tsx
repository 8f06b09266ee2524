import { getRouteApi, Link } from '@tanstack/react-router';
import { useCallback, useEffect } from 'react';
import { useBulkJob } from '../../features/bulk-invite/api/get-bulk-job.ts';
import { BulkJobView } from '../../features/bulk-invite/components/bulk-job-view.tsx';
import { kindWords } from '../../features/bulk-invite/utils/job-kind.ts';
import { useOrganizationRoles } from '../../features/invite/api/get-organization-roles.ts';
import { useOrganization } from '../../features/organizations/api/get-organization.ts';
import { roleLabel } from '../../lib/format.ts';
import type { BulkJobSearch, SearchPatch } from '../../lib/search-schemas.ts';
import { OrgBreadcrumbs } from '../layouts/org-page-parts.tsx';

const route = getRouteApi('/_app/orgs/$orgId/invitations/bulk/$jobId');
// Links to the pages above this one: never marked as the current page.
const EXACT = { exact: true } as const;

/** `/orgs/:orgId/invitations/bulk/:jobId`: a job's live progress; a reload comes back here. */
export function BulkProgressPage() {
  const { orgId, jobId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const org = useOrganization(orgId);
  // The api decides who may see a job; the URL's organization only frames it. A link whose
  // organization is not the job's is corrected, so the breadcrumbs and links name the right one.
  const job = useBulkJob(jobId).data;
  const jobOrgId = job?.organization_id;
  const words = kindWords(job?.kind);
  useEffect(() => {
    if (jobOrgId && jobOrgId !== orgId)
      navigate({
        to: '/orgs/$orgId/invitations/bulk/$jobId',
        params: { orgId: jobOrgId, jobId },
        search: true,
        replace: true,
      });
  }, [jobOrgId, orgId, jobId, navigate]);
  const roles = useOrganizationRoles();
  const orgName = org.data?.name;
  const roleList = roles.data?.data;
  const roleName = useCallback(
    (key: string) => roleList?.find((r) => r.key === key)?.name ?? roleLabel(key),
    [roleList],
  );
  const onSearchChange = useCallback(
    (patch: SearchPatch<BulkJobSearch>) =>
      navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true, resetScroll: false }),
    [navigate],
  );
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <OrgBreadcrumbs orgId={orgId} orgName={orgName} current="Progress">
            {job?.kind === 'invite' || job === undefined ? (
              <li>
                <Link to="/orgs/$orgId/invitations/bulk" params={{ orgId }} activeOptions={EXACT}>
                  Bulk invite
                </Link>
              </li>
            ) : null}
          </OrgBreadcrumbs>
          <h1>{words.name} progress</h1>
          <p className="page-description">{words.pacing} You can leave this page; the job keeps going.</p>
        </div>
        <div className="page-actions">
          <Link to="/orgs/$orgId/invitations" params={{ orgId }} className="btn" activeOptions={EXACT}>
            View invitations
          </Link>
          <Link to="/orgs/$orgId/invitations/bulk" params={{ orgId }} className="btn" activeOptions={EXACT}>
            New bulk invite
          </Link>
        </div>
      </header>
      <BulkJobView jobId={jobId} search={search} onSearchChange={onSearchChange} roleName={roleName} />
    </div>
  );
}
