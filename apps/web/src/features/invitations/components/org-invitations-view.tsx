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
  onSearchChange: (patch: SearchPatch<OrgInvitationsSearch>, options?: { replace?: boolean }) => void;
  rowActions?: (invitation: OrganizationInvitation) => ReactNode;
  /** Actions for the selected rows, e.g. "Revoke selected". */
  selectionActions?: (selection: Selection<OrganizationInvitation>) => ReactNode;
  emptyAction?: ReactNode;
}

/** An organization's invitations: exact email filter, status filter, sort, pagination, selection. */
export function OrgInvitationsView({
  orgId,
  search,
  onSearchChange,
  rowActions,
  selectionActions,
  emptyAction,
}: OrgInvitationsViewProps) {
  const query = useOrgInvitations(orgId, search);
  const columns = useMemo(
    () =>
      invitationColumns<OrganizationInvitation>({
        selectable: Boolean(selectionActions),
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
    [orgId, rowActions, selectionActions],
  );
  const filtered = Boolean(search.status.length || search.email);
  const clearFilters = () => onSearchChange({ status: undefined, email: undefined, page: undefined });
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
      onSort={(sort: SortValue) => onSearchChange({ sort, page: undefined })}
      onPageChange={(page, options) => onSearchChange({ page }, options)}
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
          onStatusChange={(status) => onSearchChange({ status, page: undefined })}
          filtered={filtered}
          onClearFilters={clearFilters}
          actions={selection.rows.length > 0 && selectionActions ? selectionActions(selection) : null}
        />
      )}
    />
  );
}
