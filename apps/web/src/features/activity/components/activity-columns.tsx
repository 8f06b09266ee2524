import type { ActivityEntry } from '@invites/clerk-schema';
import { UNKNOWN_ACTOR_ID } from '@invites/clerk-schema/enums';
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import { formatExact } from '../../../lib/format.ts';
import type { DataTableFeatures } from '../../../ui/data-table.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { actionLabel } from '../utils/action-labels.ts';
import '../../../ui/badge.css';

type Column = ColumnDef<DataTableFeatures, ActivityEntry, unknown>;

export interface ActivityColumnOptions {
  /** An organization's name by id, when known. */
  organizationName: (id: string) => string | undefined;
  /** Filters the log to one actor. */
  onActor: (actorId: string) => void;
}

/** The activity log's columns: When, Actor, Action, Source, Organization, Addresses, Outcome, Trace ID. */
export function activityColumns({ organizationName, onActor }: ActivityColumnOptions): Column[] {
  const helper = createColumnHelper<DataTableFeatures, ActivityEntry>();
  return [
    helper.accessor((e) => e.created_at, {
      id: 'created_at',
      header: 'When',
      meta: { rowHeader: true, className: 'col-when' },
      cell: ({ row }) => (
        <span className="activity-when">
          <RelativeTime ms={row.original.created_at} />
          <span className="activity-exact">{formatExact(row.original.created_at)}</span>
        </span>
      ),
    }) as Column,
    helper.accessor((e) => e.actor_id, {
      id: 'actor',
      header: 'Actor',
      cell: ({ row }) =>
        row.original.actor_id === UNKNOWN_ACTOR_ID ? (
          // Clerk reports the change without saying who made it (its dashboard, another app).
          <span className="muted" title="Clerk did not say who made this change">
            Unknown
          </span>
        ) : (
          <button
            type="button"
            className="btn-link activity-actor-name"
            title={`Show only ${row.original.actor_id}'s activity`}
            onClick={() => onActor(row.original.actor_id)}
          >
            {row.original.actor_name || row.original.actor_id}
          </button>
        ),
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
      cell: ({ row }) => {
        const list = row.original.email_addresses;
        if (list.length === 0) return <span className="muted">—</span>;
        return (
          <span className="activity-addresses" title={list.length > 1 ? list.join('\n') : list[0]}>
            <span className="activity-first">{list[0]}</span>
            {list.length > 1 ? <span className="activity-more">+{list.length - 1} more</span> : null}
          </span>
        );
      },
    }) as Column,
    helper.accessor((e) => e.outcome, {
      id: 'outcome',
      header: 'Outcome',
      cell: ({ row }) =>
        row.original.outcome === 'ok' ? (
          <span className="badge badge-accepted">
            <span className="badge-dot" aria-hidden="true" />
            OK
          </span>
        ) : (
          <span className="badge badge-revoked">
            <span className="badge-dot" aria-hidden="true" />
            {row.original.outcome}
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
