import type { OrganizationInvitationWithPublicOrganizationData as Invitation } from '@invites/clerk-schema';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { type ReactNode, useMemo } from 'react';
import type { AllInvitationsSearch, PageSize, SearchPatch, SortValue } from '../../../lib/search-schemas.ts';
import type { DataTableFeatures } from '../../../ui/data-table.tsx';
import { SearchField } from '../../../ui/search-field.tsx';
import { useAllInvitations } from '../api/get-all-invitations.ts';
import { invitationColumns } from './invitation-columns.tsx';
import { InvitationList } from './invitation-list.tsx';
import { InvitationsToolbar } from './invitations-toolbar.tsx';

const helper = createColumnHelper<DataTableFeatures, Invitation>();

/**
 * The Organization column: its name, linking to its invitations. From a search result the link keeps
 * the search, as the org list's exact email filter on the result's address.
 */
function organizationColumn(fromSearch: boolean) {
  return helper.display({
    id: 'organization',
    header: 'Organization',
    meta: { width: '13%' },
    cell: ({ row }) => {
      const org = row.original.public_organization_data;
      return (
        <Link
          to="/orgs/$orgId/invitations"
          params={{ orgId: org.id }}
          search={fromSearch ? { email: row.original.email_address } : {}}
        >
          {org.name}
        </Link>
      );
    },
  });
}

interface AllInvitationsViewProps {
  search: AllInvitationsSearch;
  onSearchChange: (patch: SearchPatch<AllInvitationsSearch>, options?: { replace?: boolean }) => void;
  rowActions?: (invitation: Invitation) => ReactNode;
  /** At the toolbar's end: Export CSV of every row matching the filters. */
  exportAction?: ReactNode;
}

/** Every organization's invitations (staff): debounced email search, status filter, sort, pagination. */
export function AllInvitationsView({
  search,
  onSearchChange,
  rowActions,
  exportAction,
}: AllInvitationsViewProps) {
  const query = useAllInvitations(search);
  const fromSearch = Boolean(search.q);
  const columns = useMemo(
    () =>
      invitationColumns<Invitation>({
        ...(rowActions ? { rowActions } : {}),
        sortedByExpiry: search.expires_within !== undefined,
        extraColumns: [organizationColumn(fromSearch)],
        emailCell: (invitation) => (
          <Link
            to="/invitations/$orgId/$invitationId"
            params={{ orgId: invitation.organization_id, invitationId: invitation.id }}
            search={true}
            resetScroll={false}
          >
            {invitation.email_address}
          </Link>
        ),
      }),
    [rowActions, fromSearch, search.expires_within],
  );
  const filtered = Boolean(search.status.length || search.q || search.expires_within);
  const clearFilters = () =>
    onSearchChange({ status: undefined, q: undefined, expires_within: undefined, page: undefined });
  return (
    <InvitationList
      label="All invitations"
      columns={columns}
      search={search}
      query={query}
      resetKey={JSON.stringify([search.status, search.q])}
      filtered={filtered}
      onClearFilters={clearFilters}
      {...(search.expires_within !== undefined ? { fixedSort: 'expires_at' } : {})}
      onSort={(sort: SortValue) => onSearchChange({ sort, page: undefined })}
      onPageChange={(page, options) => onSearchChange({ page }, options)}
      onPageSizeChange={(pageSize: PageSize) => onSearchChange({ pageSize, page: undefined })}
      toolbar={
        <InvitationsToolbar
          searchField={
            <SearchField
              label="Search by email"
              placeholder="Search by email"
              debounceMs={250}
              value={search.q ?? ''}
              onCommit={(q) => onSearchChange({ q: q || undefined, page: undefined }, { replace: true })}
              slashShortcut
            />
          }
          status={search.status}
          onStatusChange={(status) => onSearchChange({ status, expires_within: undefined, page: undefined })}
          expiresWithin={{
            value: search.expires_within,
            onChange: (expires_within) =>
              onSearchChange({ expires_within, status: undefined, page: undefined }),
          }}
          filtered={filtered}
          onClearFilters={clearFilters}
          end={exportAction}
        />
      }
    />
  );
}
