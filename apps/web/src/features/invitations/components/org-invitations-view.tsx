import type { OrganizationInvitation } from '@invites/clerk-schema';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useMemo } from 'react';
import type { OrgInvitationsSearch, PageSize, SearchPatch, SortValue } from '../../../lib/search-schemas.ts';
import { SearchField } from '../../../ui/search-field.tsx';
import { useOrgInvitations } from '../api/get-org-invitations.ts';
import { invitationColumns } from './invitation-columns.tsx';
import { InvitationList, type Selection } from './invitation-list.tsx';
import { InvitationsToolbar } from './invitations-toolbar.tsx';

interface OrgInvitationsViewProps {
  orgId: string;
  search: OrgInvitationsSearch;
  /** Applies a change to the URL state (filters reset the page). */
  onSearchChange: (patch: SearchPatch<OrgInvitationsSearch>) => void;
  rowActions?: (invitation: OrganizationInvitation) => ReactNode;
  /** Actions for the selected rows, e.g. "Revoke selected". */
  selectionActions?: (selection: Selection<OrganizationInvitation>) => ReactNode;
  emptyAction?: ReactNode;
  /** Actions about the whole filtered list (e.g. "Re-issue all expired"), shown in the toolbar. */
  listActions?: ReactNode;
}

/** An organization's invitations: exact email filter, status filter, sort, pagination, selection. */
export function OrgInvitationsView({
  orgId,
  search,
  onSearchChange,
  rowActions,
  selectionActions,
  emptyAction,
  listActions,
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
  return (
    <InvitationList
      label="Invitations"
      columns={columns}
      search={search}
      query={query}
      resetKey={JSON.stringify([orgId, search])}
      filtered={filtered}
      onClearFilters={clearFilters}
      emptyAction={emptyAction}
      {...(search.expires_within !== undefined ? { fixedSort: 'expires_at' } : {})}
      onSort={(sort: SortValue) => onSearchChange({ sort, page: undefined })}
      onPageChange={(page) => onSearchChange({ page })}
      onPageSizeChange={(pageSize: PageSize) => onSearchChange({ pageSize, page: undefined })}
      toolbar={(selection) => (
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
          actions={
            <>
              {listActions}
              {selection.rows.length > 0 && selectionActions ? selectionActions(selection) : null}
            </>
          }
        />
      )}
    />
  );
}
