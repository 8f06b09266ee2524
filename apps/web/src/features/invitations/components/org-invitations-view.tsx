import type { OrganizationInvitation } from '@invites/clerk-schema';
import { Link } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import type { OrgInvitationsSearch, PageSize, SearchPatch, SortValue } from '../../../lib/search-schemas.ts';
import { SearchField } from '../../../ui/search-field.tsx';
import { useOrgInvitations } from '../api/get-org-invitations.ts';
import { invitationColumns } from './invitation-columns.tsx';
import { InvitationList, type Selection } from './invitation-list.tsx';
import { InvitationsToolbar } from './invitations-toolbar.tsx';

// Shown only when an email filter finds nothing: loaded then, with the address rules it checks.
const EmailFilterEmpty = lazy(() =>
  import('./email-filter-empty.tsx').then((m) => ({ default: m.EmailFilterEmpty })),
);

interface OrgInvitationsViewProps {
  orgId: string;
  search: OrgInvitationsSearch;
  /** Applies a change to the URL state (filters reset the page). */
  onSearchChange: (patch: SearchPatch<OrgInvitationsSearch>, options?: { replace?: boolean }) => void;
  rowActions?: (invitation: OrganizationInvitation) => ReactNode;
  /** Actions for the selected rows, e.g. "Revoke selected". */
  selectionActions?: (selection: Selection<OrganizationInvitation>) => ReactNode;
  emptyAction?: ReactNode;
  /** "Invite <address>" for an email filter that found no invitation. */
  inviteAction?: (email: string) => ReactNode;
  /** At the toolbar's end: Export CSV of every row matching the filters. */
  exportAction?: ReactNode;
  /** Actions about the whole filtered list (e.g. "Re-issue all expired"), shown in the toolbar. */
  listActions?: ReactNode;
  /** Offers "Select all N matching" (the selection actions then act on every page of the filter). */
  selectAllMatching?: boolean;
}

/** An organization's invitations: exact email filter, status filter, sort, pagination, selection. */
export function OrgInvitationsView({
  orgId,
  search,
  onSearchChange,
  rowActions,
  selectionActions,
  emptyAction,
  inviteAction,
  exportAction,
  listActions,
  selectAllMatching = false,
}: OrgInvitationsViewProps) {
  const query = useOrgInvitations(orgId, search);
  const columns = useMemo(
    () =>
      invitationColumns<OrganizationInvitation>({
        selectable: Boolean(selectionActions),
        sortedByExpiry: search.expires_within !== undefined,
        ...(rowActions ? { rowActions } : {}),
        emailCell: (invitation) => (
          <Link
            to="/orgs/$orgId/invitations/$invitationId"
            params={{ orgId, invitationId: invitation.id }}
            search={true}
            resetScroll={false}
          >
            {invitation.email_address}
          </Link>
        ),
      }),
    [orgId, rowActions, selectionActions, search.expires_within],
  );
  const filtered = Boolean(search.status.length || search.email || search.expires_within);
  const clearFilters = () =>
    onSearchChange({ status: undefined, email: undefined, expires_within: undefined, page: undefined });
  // Pending and expired invitations can be selected, so "all matching" is offered when the filter
  // holds nothing else: those statuses only, or the expiring-soon list (pending ones).
  const everyRowSelectable =
    search.expires_within !== undefined ||
    (search.status.length > 0 && search.status.every((s) => s === 'pending' || s === 'expired'));
  const offerMatching = selectAllMatching && everyRowSelectable;
  return (
    <InvitationList
      label="Invitations"
      columns={columns}
      search={search}
      query={query}
      resetKey={JSON.stringify([orgId, search.status, search.email, search.expires_within])}
      filtered={filtered}
      onClearFilters={clearFilters}
      filteredEmpty={
        search.email ? (
          <Suspense fallback={null}>
            <EmailFilterEmpty
              email={search.email}
              status={search.status}
              inviteAction={inviteAction}
              onClearStatus={() => onSearchChange({ status: undefined, page: undefined })}
              onClearFilters={clearFilters}
            />
          </Suspense>
        ) : undefined
      }
      emptyAction={emptyAction}
      {...(search.expires_within !== undefined ? { fixedSort: 'expires_at' } : {})}
      onSort={(sort: SortValue) => onSearchChange({ sort, page: undefined })}
      onPageChange={(page, options) => onSearchChange({ page }, options)}
      onPageSizeChange={(pageSize: PageSize) => onSearchChange({ pageSize, page: undefined })}
      selectionActions={selectionActions}
      matchingTotal={offerMatching ? (query.data?.total_count ?? null) : null}
      matchingHint={
        selectAllMatching && !offerMatching
          ? 'To select every invitation on all pages, filter by Pending or Expired (or by expiry).'
          : undefined
      }
      toolbar={
        <InvitationsToolbar
          searchField={
            <SearchField
              label="Email"
              placeholder="Filter by exact email, then Enter"
              inputMode="email"
              value={search.email ?? ''}
              onCommit={(email) => onSearchChange({ email: email || undefined, page: undefined })}
              slashShortcut
            />
          }
          status={search.status}
          // The expiring-soon list is of pending invitations: a status choice leaves it.
          onStatusChange={(status) => onSearchChange({ status, expires_within: undefined, page: undefined })}
          expiresWithin={{
            value: search.expires_within,
            onChange: (expires_within) =>
              onSearchChange({ expires_within, status: undefined, page: undefined }),
          }}
          filtered={filtered}
          onClearFilters={clearFilters}
          end={exportAction}
          actions={listActions}
        />
      }
    />
  );
}
