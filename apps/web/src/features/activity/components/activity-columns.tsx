import type { ActivityEntry } from '@invites/clerk-schema';
import { UNKNOWN_ACTOR_ID } from '@invites/clerk-schema/enums';
import { Link } from '@tanstack/react-router';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { formatDateTime } from '../../../lib/dates.ts';
import { formatCount } from '../../../lib/format.ts';
import type { DataTableFeatures } from '../../../ui/data-table.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { actionLabel } from '../utils/action-labels.ts';
import { entrySubject } from '../utils/entry-subject.ts';
import { isSuccess, outcomeSentence } from '../utils/outcome-sentence.ts';
import '../../../ui/badge.css';

type Column = ColumnDef<DataTableFeatures, ActivityEntry, unknown>;

export interface ActivityColumnOptions {
  /** An organization's name by id, when known. */
  organizationName: (id: string) => string | undefined;
  /** Filters the log to one actor, by the name the log shows (or their id when it has none). */
  onActor: (actor: string) => void;
}

/** Who the entry is about: its addresses (the invitation's one a link to it), and its bulk job. */
function Addresses({ entry }: { entry: ActivityEntry }) {
  const subject = entrySubject(entry);
  const list = entry.email_addresses;
  const [first] = list;
  if (first === undefined && !subject.jobId) return <span className="muted">—</span>;
  const orgId = entry.organization_id ?? '';
  const more = subject.addressCount - 1;
  return (
    <span className="activity-subject">
      {first !== undefined ? (
        <span className="activity-addresses" title={list.length > 1 ? list.join('\n') : first}>
          {subject.invitationId && orgId ? (
            <Link
              className="activity-first"
              to="/orgs/$orgId/invitations/$invitationId"
              params={{ orgId, invitationId: subject.invitationId }}
            >
              {first}
            </Link>
          ) : (
            <span className="activity-first">{first}</span>
          )}
          {more > 0 ? <span className="activity-more">+{formatCount(more)} more</span> : null}
        </span>
      ) : null}
      {subject.jobId && orgId ? (
        <Link
          className="activity-job"
          to="/orgs/$orgId/invitations/bulk/$jobId"
          params={{ orgId, jobId: subject.jobId }}
        >
          {subject.rowCount === null
            ? 'Bulk invite job'
            : `Bulk invite job · ${formatCount(subject.rowCount)} ${subject.rowCount === 1 ? 'row' : 'rows'}`}
        </Link>
      ) : null}
    </span>
  );
}

/** The activity log's columns: When, Actor, Action, Source, Organization, Addresses, Outcome, Trace ID. */
export function activityColumns({ organizationName, onActor }: ActivityColumnOptions): Column[] {
  const helper = createColumnHelper<DataTableFeatures, ActivityEntry>();
  return [
    helper.accessor((e) => e.created_at, {
      id: 'created_at',
      header: 'When',
      meta: { rowHeader: true, className: 'col-when', card: 'title' },
      cell: ({ row }) => (
        <span className="activity-when">
          <RelativeTime ms={row.original.created_at} />
          <span className="activity-exact">{formatDateTime(row.original.created_at)}</span>
        </span>
      ),
    }) as Column,
    helper.accessor((e) => e.actor_id, {
      id: 'actor',
      header: 'Actor',
      cell: ({ row }) => {
        if (row.original.actor_id === UNKNOWN_ACTOR_ID) {
          // Clerk reports the change without saying who made it (its dashboard, another app).
          return (
            <span className="muted" title="Clerk did not say who made this change">
              Unknown
            </span>
          );
        }
        const name = row.original.actor_name || row.original.actor_id;
        return (
          <button
            type="button"
            className="btn-link activity-actor-name"
            title={`Show only ${name}'s activity`}
            onClick={() => onActor(name)}
          >
            {name}
          </button>
        );
      },
    }) as Column,
    helper.accessor((e) => e.action, {
      id: 'action',
      header: 'Action',
      cell: ({ row }) => actionLabel(row.original.action),
    }) as Column,
    helper.accessor((e) => e.source, {
      id: 'source',
      header: 'Source',
      cell: ({ row }) =>
        row.original.source === 'clerk' ? (
          <span className="badge badge-source-clerk" title="Reported by Clerk (a webhook)">
            Clerk
          </span>
        ) : (
          <span className="badge badge-neutral" title="Done in this console">
            Console
          </span>
        ),
    }) as Column,
    helper.accessor((e) => e.organization_id, {
      id: 'organization',
      header: 'Organization',
      cell: ({ row }) => {
        const id = row.original.organization_id;
        if (!id) return <span className="muted">—</span>;
        const name = organizationName(id);
        return name ? <span title={id}>{name}</span> : <code>{id}</code>;
      },
    }) as Column,
    helper.accessor((e) => e.email_addresses.length, {
      id: 'addresses',
      header: 'Addresses',
      meta: { className: 'col-addresses' },
      cell: ({ row }) => <Addresses entry={row.original} />,
    }) as Column,
    helper.accessor((e) => e.outcome, {
      id: 'outcome',
      header: 'Outcome',
      meta: { card: 'badge' },
      cell: ({ row }) =>
        isSuccess(row.original) ? (
          <span className="badge badge-accepted">
            <span className="badge-dot" aria-hidden="true" />
            OK
          </span>
        ) : (
          <span className="activity-failed" title={`Clerk's code: ${row.original.outcome}`}>
            <span className="badge-dot" aria-hidden="true" />
            {outcomeSentence(row.original)}
          </span>
        ),
    }) as Column,
    helper.accessor((e) => e.clerk_trace_id, {
      id: 'trace',
      header: 'Trace ID',
      cell: ({ row }) => {
        const trace = row.original.clerk_trace_id;
        return trace ? (
          <code className="activity-trace" title={trace}>
            {trace}
          </code>
        ) : (
          <span className="muted">—</span>
        );
      },
    }) as Column,
  ];
}
