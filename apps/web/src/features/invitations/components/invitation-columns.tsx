import type { OrganizationInvitation } from '@invites/clerk-schema';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { fullName } from '../../../lib/format.ts';
import type { DataTableFeatures } from '../../../ui/data-table.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { SelectAllCheckbox, type SelectionEntry, SelectRowCheckbox } from '../../../ui/row-selection.tsx';
import { StatusBadge } from './status-badge.tsx';

export interface InvitationColumnOptions<T extends OrganizationInvitation> {
  /** The email cell, usually a link to the detail view. */
  emailCell: (invitation: T) => ReactNode;
  /** Extra columns placed after Email (the Organization column of the instance-wide list). */
  extraColumns?: ColumnDef<DataTableFeatures, T, unknown>[];
  /** Row actions (e.g. "Revoke"); the column is left out when absent. */
  rowActions?: (invitation: T) => ReactNode;
  /** Adds a selection checkbox column (only pending invitations can be selected). */
  selectable?: boolean;
  /** The rows are sorted by expiry (the expiring-soon list): Expires shows it, the others do not sort. */
  sortedByExpiry?: boolean;
}

/** Pending invitations can be selected (to revoke or resend them), expired ones (to resend them). */
export function isSelectable(invitation: OrganizationInvitation): boolean {
  return invitation.status === 'pending' || invitation.status === 'expired';
}

const entriesByPage = new WeakMap<
  readonly OrganizationInvitation[],
  SelectionEntry<OrganizationInvitation>[]
>();

/**
 * The page's invitations that can be selected, as the selection keeps them. Worked out once per page
 * of rows: the header's checkbox and the selection both ask on every render, and a page has hundreds.
 */
export function selectableEntries<T extends OrganizationInvitation>(rows: readonly T[]): SelectionEntry<T>[] {
  let entries = entriesByPage.get(rows);
  if (!entries) {
    entries = rows.filter(isSelectable).map((row) => [row.id, row] as const);
    entriesByPage.set(rows, entries);
  }
  return entries as SelectionEntry<T>[];
}

/** The invitation table's columns: Email, Role, Status, Inviter, Created, Expires, actions. */
export function invitationColumns<T extends OrganizationInvitation>(
  options: InvitationColumnOptions<T>,
): ColumnDef<DataTableFeatures, T, unknown>[] {
  const helper = createColumnHelper<DataTableFeatures, T>();
  const columns: ColumnDef<DataTableFeatures, T, unknown>[] = [];
  if (options.selectable) {
    columns.push(
      helper.display({
        id: 'select',
        meta: { className: 'col-select', width: '44px', card: 'select' },
        header: ({ table }) => (
          <SelectAllCheckbox
            label="Select all pending and expired invitations on this page"
            entries={selectableEntries(table.options.data)}
          />
        ),
        cell: ({ row }) =>
          isSelectable(row.original) ? (
            <SelectRowCheckbox
              id={row.id}
              value={row.original}
              label={`Select ${row.original.email_address}`}
            />
          ) : null,
      }) as ColumnDef<DataTableFeatures, T, unknown>,
    );
  }
  columns.push(
    helper.accessor((row) => row.email_address, {
      id: 'email_address',
      header: 'Email',
      meta: {
        ...(options.sortedByExpiry ? {} : { sortKey: 'email_address' }),
        rowHeader: true,
        className: 'col-email',
        card: 'title',
      },
      cell: ({ row }) => options.emailCell(row.original),
    }) as ColumnDef<DataTableFeatures, T, unknown>,
    ...(options.extraColumns ?? []),
    helper.accessor((row) => row.role_name, {
      id: 'role',
      header: 'Role',
      // Wide enough for the longest built-in role ("Billing manager") beside its padding.
      meta: { width: '12%' },
      cell: ({ row }) => row.original.role_name || row.original.role,
    }) as ColumnDef<DataTableFeatures, T, unknown>,
    helper.accessor((row) => row.status, {
      id: 'status',
      header: 'Status',
      meta: { width: '10%', card: 'badge' },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }) as ColumnDef<DataTableFeatures, T, unknown>,
    helper.display({
      id: 'inviter',
      header: 'Inviter',
      meta: { width: '10%' },
      cell: ({ row }) => {
        const inviter = row.original.public_inviter_data;
        const name = fullName(inviter, inviter?.identifier ?? '');
        return name ? <span title={inviter?.identifier}>{name}</span> : <span className="muted">—</span>;
      },
    }) as ColumnDef<DataTableFeatures, T, unknown>,
    helper.accessor((row) => row.created_at, {
      id: 'created_at',
      header: 'Created',
      meta: { ...(options.sortedByExpiry ? {} : { sortKey: 'created_at' }), width: '10%' },
      cell: ({ row }) => <RelativeTime ms={row.original.created_at} />,
    }) as ColumnDef<DataTableFeatures, T, unknown>,
    helper.display({
      id: 'expires_at',
      header: 'Expires',
      meta: { ...(options.sortedByExpiry ? { sortKey: 'expires_at' } : {}), width: '10%' },
      cell: ({ row }) => {
        const { expires_at: expires, status } = row.original;
        if (expires === null) return <span className="muted">Never</span>;
        // An accepted or revoked invitation no longer expires: no date that reads like a deadline.
        if (status === 'accepted' || status === 'revoked') {
          return (
            <span className="muted">
              <span aria-hidden="true">—</span>
              <span className="visually-hidden">No longer applies</span>
            </span>
          );
        }
        return <RelativeTime ms={expires} />;
      },
    }) as ColumnDef<DataTableFeatures, T, unknown>,
  );
  const rowActions = options.rowActions;
  if (rowActions) {
    columns.push(
      helper.display({
        id: 'actions',
        // Resend and Revoke side by side (windowed pages lay out by these widths, not by content).
        meta: { className: 'col-actions', width: '184px', card: 'actions', label: 'Actions' },
        header: () => <span className="visually-hidden">Actions</span>,
        cell: ({ row }) => rowActions(row.original),
      }) as ColumnDef<DataTableFeatures, T, unknown>,
    );
  }
  return columns;
}
