import type { BulkJob, InvitationJobFilter, OrganizationInvitation } from '@invites/clerk-schema';
import { lazy, Suspense } from 'react';
import type { Selection } from '../features/invitations/components/invitation-list.tsx';
import type { OrgInvitationsSearch } from '../lib/search-schemas.ts';

const ResendSelectedButton = lazy(() =>
  import('../features/invitation-jobs/components/resend-selected-button.tsx').then((m) => ({
    default: m.ResendSelectedButton,
  })),
);
const MatchingJobButton = lazy(() =>
  import('../features/invitation-jobs/components/matching-job-button.tsx').then((m) => ({
    default: m.MatchingJobButton,
  })),
);
const BulkRevokeButton = lazy(() =>
  import('../features/revoke/components/bulk-revoke-button.tsx').then((m) => ({
    default: m.BulkRevokeButton,
  })),
);

/** The table's filters as a job's (`StartInvitationJobBody.filter`). */
function jobFilter(search: OrgInvitationsSearch): InvitationJobFilter {
  const email = search.email ? { email_address: search.email } : {};
  return search.expires_within !== undefined
    ? { expires_within: search.expires_within, ...email }
    : { status: search.status, ...email };
}

/** The actions for an organization's selected invitations: some rows, or every match but the unticked. */
export function OrgSelectionActions({
  orgId,
  search,
  selection,
  onJobStarted: openJob,
}: {
  orgId: string;
  search: OrgInvitationsSearch;
  selection: Selection<OrganizationInvitation>;
  onJobStarted: (job: BulkJob) => void;
}) {
  if (selection.allMatching) {
    // Every match on every page but the unticked ones: one job over the filter, which the server
    // reads again (it is offered only for filters whose every row is pending or expired).
    const { total, except } = selection.allMatching;
    const shared = {
      orgId,
      count: total - except.length,
      filter: jobFilter(search),
      excludeIds: except.map((i) => i.id),
      onJobStarted: (job: BulkJob) => {
        selection.clear();
        openJob(job);
      },
    };
    const onlyPending =
      search.expires_within !== undefined || (search.status.length === 1 && search.status[0] === 'pending');
    return (
      <Suspense fallback={null}>
        <MatchingJobButton kind="reissue" {...shared} />
        {onlyPending ? <MatchingJobButton kind="revoke" {...shared} /> : null}
      </Suspense>
    );
  }
  // Expired rows are selected to be resent; the rest were pending when selected (they stay in the
  // selection after a revoke or resend changes their status, so an open dialog stays open).
  const revocable = selection.rows.filter((i) => i.status !== 'expired');
  return (
    <Suspense fallback={null}>
      <ResendSelectedButton
        orgId={orgId}
        selected={selection.rows}
        onDone={selection.clear}
        onJobStarted={openJob}
      />
      {revocable.length > 0 ? (
        <BulkRevokeButton orgId={orgId} selected={revocable} onDone={selection.clear} />
      ) : null}
    </Suspense>
  );
}
