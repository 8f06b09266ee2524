import type { BulkJobRow } from '@invites/clerk-schema';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { roleLabel } from '../../../lib/format.ts';
import type { DataTableFeatures } from '../../../ui/data-table.tsx';
import { OutcomeBadge } from './outcome-badge.tsx';

type Column = ColumnDef<DataTableFeatures, BulkJobRow, unknown>;

/** A job's rows: Line (of the paste), Email, Role, Outcome, and the invitation id or the reason it was not sent. */
export function jobRowColumns(roleName: (key: string) => string = roleLabel): Column[] {
  const helper = createColumnHelper<DataTableFeatures, BulkJobRow>();
  return [
    helper.accessor((row) => row.line, {
      id: 'line',
      header: 'Line',
      meta: { className: 'col-line' },
      cell: ({ row }) => row.original.line ?? <span className="muted">—</span>,
    }) as Column,
    helper.accessor((row) => row.email_address, {
      id: 'email_address',
      header: 'Email',
      meta: { rowHeader: true, className: 'col-email' },
      cell: ({ row }) => row.original.email_address,
    }) as Column,
    helper.accessor((row) => row.role, {
      id: 'role',
      header: 'Role',
      cell: ({ row }) => roleName(row.original.role),
    }) as Column,
    helper.accessor((row) => row.outcome, {
      id: 'outcome',
      header: 'Outcome',
      cell: ({ row }) => <OutcomeBadge outcome={row.original.outcome} />,
    }) as Column,
    helper.display({
      id: 'details',
      header: 'Details',
      meta: { className: 'col-details' },
      cell: ({ row }) => {
        const { invitation_id: invitationId, code, message } = row.original;
        if (code || message) {
          return (
            <span className="job-row-error">
              {code ? <code>{code}</code> : null} {message}
              {invitationId ? <span className="muted"> ({invitationId})</span> : null}
            </span>
          );
        }
        return invitationId ? (
          <code className="muted">{invitationId}</code>
        ) : (
          <span className="muted">—</span>
        );
      },
    }) as Column,
  ];
}
