import type { BulkJob, OrganizationInvitation } from '@invites/clerk-schema';
import { getRouteApi, Link, Outlet } from '@tanstack/react-router';
import { type ComponentProps, lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useMe } from '../../features/auth/api/get-me.ts';
import { organizationExportPath } from '../../features/export/api/export-request.ts';
import { LazyExportButton } from '../../features/export/components/lazy-export-button.tsx';
import { ResendButton } from '../../features/invitation-jobs/components/resend-button.tsx';
import { useExpiringCount } from '../../features/invitations/api/get-expiring-invitations.ts';
import { useOrgInvitations } from '../../features/invitations/api/get-org-invitations.ts';
import type { Selection } from '../../features/invitations/components/invitation-list.tsx';
import { OrgInvitationsView } from '../../features/invitations/components/org-invitations-view.tsx';
import {
  InviteButton,
  LazyInviteDialog,
  preloadInviteDialog,
} from '../../features/invite/components/invite-button.tsx';
import { useOrganization } from '../../features/organizations/api/get-organization.ts';
import { RevokeButton } from '../../features/revoke/components/revoke-button.tsx';
import { formatCount } from '../../lib/format.ts';
import type { OrgInvitationsSearch, SearchPatch } from '../../lib/search-schemas.ts';
import { Button } from '../../ui/button.tsx';
import { Plus } from '../../ui/icons.tsx';
import { ErrorState } from '../../ui/states.tsx';
import { whenIdle } from '../../ui/when-idle.ts';
import { OrgBreadcrumbs, OrgNotAllowedPage } from '../layouts/org-page-parts.tsx';

const route = getRouteApi('/_app/orgs/$orgId/invitations');

// What the table's first paint does not need loads beside it: the acceptance figures come from a
// request of their own, and the selection's actions only once rows are selected.
const loadAcceptance = () => import('../../features/organizations/components/org-acceptance.tsx');
const OrgAcceptanceSummary = lazy(() => loadAcceptance().then((m) => ({ default: m.OrgAcceptanceSummary })));
const OrgInviterAcceptance = lazy(() => loadAcceptance().then((m) => ({ default: m.OrgInviterAcceptance })));
const OrgSelectionActions = lazy(() =>
  import('../org-selection-actions.tsx').then((m) => ({ default: m.OrgSelectionActions })),
);
const ReissueAllButton = lazy(() =>
  import('../../features/invitation-jobs/components/reissue-all-button.tsx').then((m) => ({
    default: m.ReissueAllButton,
  })),
);

let drawnBefore = false;

/**
 * False until the list has answered and the browser has drawn it and gone idle. The header's figures
 * wait for it: their requests, code and styles would otherwise be handled while the rows are being
 * drawn (and the expiring count can have the api read every pending invitation as it sends the list).
 * A page opened again with its rows cached (Back) draws whole at once, as it was left: scroll
 * restoration finds the elements it scrolled where they were.
 */
function useAfterList(settled: boolean): boolean {
  const [after, setAfter] = useState(() => settled && drawnBefore);
  useEffect(() => {
    drawnBefore = true;
    if (settled && !after) return whenIdle(() => setAfter(true));
  }, [settled, after]);
  return after;
}

/** `/orgs/:orgId/invitations`: the organization's invitations, invite, revoke, and the detail outlet. */
export function OrgInvitationsPage() {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Staff see the private metadata field when inviting; the page does not wait for who is signed in.
  const isStaff = useMe().data?.is_staff === true;
  const org = useOrganization(orgId);
  const orgName = org.data?.name;

  const list = useOrgInvitations(orgId, search);
  const afterList = useAfterList(list.data !== undefined || list.isError);
  const expiringThisWeek = useExpiringCount(orgId, 7, afterList);
  const openJob = useCallback(
    (job: BulkJob) =>
      navigate({ to: '/orgs/$orgId/invitations/bulk/$jobId', params: { orgId, jobId: job.id } }),
    [navigate, orgId],
  );
  const jobLink = useCallback(
    (jobId: string) => (
      <Link to="/orgs/$orgId/invitations/bulk/$jobId" params={{ orgId, jobId }}>
        See its progress
      </Link>
    ),
    [orgId],
  );
  const onSearchChange = useCallback(
    (patch: SearchPatch<OrgInvitationsSearch>, options?: { replace?: boolean }) =>
      navigate({
        search: (prev) => ({ ...prev, ...patch }),
        replace: options?.replace ?? false,
        resetScroll: false,
      }),
    [navigate],
  );
  const rowActions = useCallback(
    (invitation: OrganizationInvitation) => (
      <span className="row-actions">
        <ResendButton invitation={invitation} jobLink={jobLink} />
        <RevokeButton invitation={invitation} {...(orgName ? { organizationName: orgName } : {})} />
      </span>
    ),
    [orgName, jobLink],
  );
  // "Invite <address>" from a search that found nothing: the form lives here, not in the empty state,
  // which goes away as soon as the new invitation is listed.
  const [inviteEmail, setInviteEmail] = useState<string | null>(null);
  const inviteAction = useCallback(
    (email: string) => (
      <Button
        variant="primary"
        onClick={() => setInviteEmail(email)}
        onPointerEnter={preloadInviteDialog}
        onFocus={preloadInviteDialog}
      >
        <Plus size={15} />
        Invite {email}
      </Button>
    ),
    [],
  );
  const selectionActions = useCallback(
    (selection: Selection<OrganizationInvitation>) => (
      <Suspense fallback={null}>
        <OrgSelectionActions orgId={orgId} search={search} selection={selection} onJobStarted={openJob} />
      </Suspense>
    ),
    [orgId, openJob, search],
  );
  const total = list.data?.total_count ?? 0;
  const email = search.email ? { email_address: search.email } : {};
  // "Resend all expiring" over the expiring-soon list, "Re-issue all expired" over the expired one.
  const reissue: Pick<ComponentProps<typeof ReissueAllButton>, 'mode' | 'filter'> | null =
    search.expires_within !== undefined
      ? {
          mode: { kind: 'expiring', days: search.expires_within },
          filter: { expires_within: search.expires_within, ...email },
        }
      : search.status.length === 1 && search.status[0] === 'expired'
        ? { mode: { kind: 'expired' }, filter: { status: ['expired'], ...email } }
        : null;
  const listActions = reissue ? (
    <ReissueAllButton orgId={orgId} {...reissue} count={total} onJobStarted={openJob} />
  ) : null;

  const exportAction = (
    <LazyExportButton
      deferred={!afterList}
      request={{
        path: organizationExportPath(orgId),
        query: {
          status: search.status,
          email_address: search.email,
          order_by: search.sort,
          expires_within: search.expires_within,
        },
      }}
      fileName={`${org.data?.slug ?? orgId}-invitations-${new Date().toISOString().slice(0, 10)}.csv`}
    />
  );

  if (org.error?.status === 403 || org.error?.status === 404) {
    return <OrgNotAllowedPage heading="Organization invitations" notFound={org.error.status === 404} />;
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <OrgBreadcrumbs orgId={orgId} orgName={orgName} />
          <h1>{orgName ? `${orgName} invitations` : 'Invitations'}</h1>
          {org.data ? (
            <p className="stat-pills">
              <span className="tabular">{formatCount(org.data.pending_invitations_count ?? 0)} pending</span>
              <span className="tabular">{formatCount(org.data.members_count ?? 0)} members</span>
              {expiringThisWeek.data ? (
                <Link
                  to="/orgs/$orgId/invitations"
                  params={{ orgId }}
                  search={{ expires_within: 7 }}
                  className="tabular stat-link"
                >
                  {formatCount(expiringThisWeek.data)} expire this week
                </Link>
              ) : null}
              <span>{org.data.slug}</span>
            </p>
          ) : null}
          {/* Room kept for the figures that load after the list, so the table never moves down. */}
          <div className="acceptance-slot">
            {afterList ? (
              <Suspense fallback={null}>
                <OrgAcceptanceSummary orgId={orgId} />
              </Suspense>
            ) : null}
          </div>
        </div>
        <div className="page-actions">
          <Link to="/activity" search={{ organization_id: orgId }} className="btn btn-ghost">
            Activity
          </Link>
          <Link to="/orgs/$orgId/invitations/bulk" params={{ orgId }} className="btn">
            Bulk invite
          </Link>
          <InviteButton orgId={orgId} orgName={orgName ?? 'this organization'} isStaff={isStaff} />
        </div>
      </header>
      <div className="acceptance-inviters-slot">
        {afterList ? (
          <Suspense fallback={null}>
            <OrgInviterAcceptance orgId={orgId} />
          </Suspense>
        ) : null}
      </div>
      {org.isError && org.error.status !== 403 ? (
        <div className="panel">
          <ErrorState error={org.error} onRetry={() => org.refetch()} retrying={org.isFetching} />
        </div>
      ) : (
        <OrgInvitationsView
          orgId={orgId}
          search={search}
          onSearchChange={onSearchChange}
          rowActions={rowActions}
          selectionActions={selectionActions}
          inviteAction={inviteAction}
          exportAction={exportAction}
          listActions={listActions ? <Suspense fallback={null}>{listActions}</Suspense> : null}
          selectAllMatching
        />
      )}
      {inviteEmail ? (
        <LazyInviteDialog
          orgId={orgId}
          orgName={orgName ?? 'this organization'}
          isStaff={isStaff}
          initialEmail={inviteEmail}
          onClose={() => setInviteEmail(null)}
        />
      ) : null}
      <Outlet />
    </div>
  );
}
