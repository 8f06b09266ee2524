import type { Role } from '@invites/clerk-schema';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { Checkbox } from '../../../ui/checkbox.tsx';
import type { DataTableFeatures } from '../../../ui/data-table.tsx';
import { Check } from '../../../ui/icons.tsx';
import type { PreviewRow } from '../utils/classify-rows.ts';
import { RowClassBadge } from './row-class-badge.tsx';

export interface PreviewColumnOptions {
  roles: Role[] | undefined;
  onRoleChange: (email: string, role: string) => void;
  onIncludeChange: (email: string, include: boolean) => void;
}

type Column = ColumnDef<DataTableFeatures, PreviewRow, unknown>;

function details(row: PreviewRow): string | null {
  if (row.reason) return row.reason;
  return row.unchecked ? 'Not checked against existing invitations and members.' : null;
}

/** The preview's columns: Line, Email, Status, Details, Role (a select per row), Send. */
export function previewColumns({ roles, onRoleChange, onIncludeChange }: PreviewColumnOptions): Column[] {
  const helper = createColumnHelper<DataTableFeatures, PreviewRow>();
  return [
    helper.accessor((row) => row.line, {
      id: 'line',
      header: 'Line',
      meta: { className: 'col-line' },
      cell: ({ row }) => row.original.line,
    }) as Column,
    helper.accessor((row) => row.email, {
      id: 'email',
      header: 'Email',
      meta: { rowHeader: true, className: 'col-preview-email' },
      cell: ({ row }) => {
        const r = row.original;
        return (
          <span className="preview-email">
            <span className={r.address ? undefined : 'muted'}>{r.address || r.text}</span>
            {r.name ? <span className="preview-name">{r.name}</span> : null}
          </span>
        );
      },
    }) as Column,
    helper.accessor((row) => row.status, {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <RowClassBadge status={row.original.status} checking={row.original.checking} />,
    }) as Column,
    helper.display({
      id: 'details',
      header: 'Details',
      meta: { className: 'col-details' },
      cell: ({ row }) => {
        const text = details(row.original);
        return text ? <span className="preview-details">{text}</span> : <span className="muted">—</span>;
      },
    }) as Column,
    helper.display({
      id: 'role',
      header: 'Role',
      cell: ({ row }) => {
        const r = row.original;
        // Rows that can be sent get the select; so does a row whose only problem is its role.
        if (r.invalid || r.status === 'duplicate' || r.status === 'pending')
          return <span className="muted">—</span>;
        return (
          <select
            className="select select-sm"
            aria-label={`Role for ${r.email}`}
            aria-invalid={r.roleProblem || undefined}
            value={r.role}
            onChange={(event) => onRoleChange(r.email, event.target.value)}
          >
            {r.role === '' ? (
              <option value="" disabled>
                {roles === undefined ? 'Loading…' : 'Choose a role'}
              </option>
            ) : null}
            {roles === undefined && r.role !== '' ? <option value={r.role}>{r.role}</option> : null}
            {roles?.map((role) => (
              <option key={role.key} value={role.key}>
                {role.name}
              </option>
            ))}
          </select>
        );
      },
    }) as Column,
    helper.display({
      id: 'send',
      header: 'Send',
      meta: { className: 'col-send' },
      cell: ({ row }) => {
        const r = row.original;
        if (r.includable) {
          return (
            <Checkbox
              aria-label={`Send to ${r.email}`}
              checked={r.include}
              onChange={(event) => onIncludeChange(r.email, event.target.checked)}
            />
          );
        }
        return r.include ? (
          <span className="send-yes" title="Will be sent">
            <Check size={15} />
            <span className="visually-hidden">Will be sent</span>
          </span>
        ) : (
          <span className="muted" title="Left out">
            —<span className="visually-hidden">Left out</span>
          </span>
        );
      },
    }) as Column,
  ];
}
