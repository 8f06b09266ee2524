import type { BulkJobKind, BulkJobRow } from '@invites/clerk-schema';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { roleLabel } from '../../../lib/format.ts';
import type { DataTableFeatures } from '../../../ui/data-table.tsx';
import { kindWords } from '../utils/job-kind.ts';
import { OutcomeBadge } from './outcome-badge.tsx';

type Column = ColumnDef<DataTableFeatures, BulkJobRow, unknown>;

/** Which invitation a re-issued row replaced (its old id), as a short note. */
function replaced(row: BulkJobRow) {
  return row.source_invitation_id && row.outcome === 'invited' ? (
    <span className="muted"> · replaces {row.source_invitation_id}</span>
  ) : null;
}

/**
 * A job's rows: Line (of the paste, for a bulk invite), Email, Role, Outcome, and the invitation id or
 * the reason it was not sent. Rows of reissue and revoke jobs name the invitation they acted on.
 */
export function jobRowColumns(
  roleName: (key: string) => string = roleLabel,
  kind: BulkJobKind = 'invite',
): Column[] {
  const helper = createColumnHelper<DataTableFeatures, BulkJobRow>();
  const words = kindWords(kind);
  const line = helper.accessor((row) => row.line, {
    id: 'line',
    header: 'Line',
    meta: { className: 'col-line' },
    cell: ({ row }) => row.original.line ?? <span className="muted">—</span>,
  }) as Column;
  return [
    ...(kind === 'invite' ? [line] : []),
    helper.accessor((row) => row.email_address, {
      id: 'email_address',
      header: 'Email',
      meta: { rowHeader: true, className: 'col-email' },
      // A row started from an invitation id learns its address when the job reaches it.
      cell: ({ row }) =>
        row.original.email_address || (
          <span className="muted">Invitation {row.original.source_invitation_id} (not looked up yet)</span>
        ),
    }) as Column,
    helper.accessor((row) => row.role, {
      id: 'role',
      header: 'Role',
      cell: ({ row }) => (row.original.role ? roleName(row.original.role) : <span className="muted">—</span>),
    }) as Column,
    helper.accessor((row) => row.outcome, {
      id: 'outcome',
      header: 'Outcome',
      cell: ({ row }) => (
        <OutcomeBadge
          outcome={row.original.outcome}
          label={row.original.outcome === words.success ? words.successLabel : undefined}
        />
      ),
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
          <span>
            <code className="muted">{invitationId}</code>
            {replaced(row.original)}
          </span>
        ) : (
          <span className="muted">—</span>
        );
      },
    }) as Column,
  ];
}
