import { useCallback, useEffect } from 'react';
import { useBulkJob } from '../../features/bulk-invite/api/get-bulk-job.ts';
import { BulkJobView } from '../../features/bulk-invite/components/bulk-job-view.tsx';
import type { JobSearchPatch } from '../../features/bulk-invite/components/job-rows-table.tsx';
import { validateBulkJobSearch } from '../../features/bulk-invite/utils/job-search.ts';
import { useOrganizationRoles } from '../../features/invite/api/get-organization-roles.ts';
import { useOrganization } from '../../features/organizations/api/get-organization.ts';
import { roleLabel } from '../../lib/format.ts';
import { useNavigate, useParams, useSearch } from '../../lib/router/hooks.ts';
import { Link } from '../../lib/router/link.tsx';
import { OrgBreadcrumbs } from '../layouts/org-page-parts.tsx';

/** `/orgs/:orgId/invitations/bulk/:jobId`: a job's live progress; a reload comes back here. */
export function BulkProgressPage() {
  const { orgId, jobId } = useParams<'/orgs/$orgId/invitations/bulk/$jobId'>();
  const search = useSearch(validateBulkJobSearch);
  const navigate = useNavigate();
  const org = useOrganization(orgId);
  // The api decides who may see a job; the URL's organization only frames it. A link whose
  // organization is not the job's is corrected, so the breadcrumbs and links name the right one.
  const jobOrgId = useBulkJob(jobId).data?.organization_id;
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
    (patch: JobSearchPatch) =>
      navigate({ search: (prev) => validateBulkJobSearch({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <OrgBreadcrumbs orgId={orgId} orgName={orgName} current="Progress">
            <li>
              <Link to="/orgs/$orgId/invitations/bulk" params={{ orgId }}>
                Bulk invite
              </Link>
            </li>
          </OrgBreadcrumbs>
          <h1>Bulk invite progress</h1>
          <p className="page-description">
            Rows are sent in batches of 10 at the pace Clerk allows. You can leave this page; the job keeps
            going.
          </p>
        </div>
        <div className="page-actions">
          <Link to="/orgs/$orgId/invitations" params={{ orgId }} className="btn">
            View invitations
          </Link>
          <Link to="/orgs/$orgId/invitations/bulk" params={{ orgId }} className="btn">
            New bulk invite
          </Link>
        </div>
      </header>
      <BulkJobView jobId={jobId} search={search} onSearchChange={onSearchChange} roleName={roleName} />
    </div>
  );
}
