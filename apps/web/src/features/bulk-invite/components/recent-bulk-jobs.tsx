import type { BulkJobSummary } from '@invites/clerk-schema';
import { Link } from '@tanstack/react-router';
import { type ColumnDef, createColumnHelper, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { DataTable, type DataTableFeatures, dataTableFeatures } from '../../../ui/data-table.tsx';
import { Inbox } from '../../../ui/icons.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { EmptyState, ErrorState } from '../../../ui/states.tsx';
import { useOrgBulkJobs } from '../api/get-org-bulk-jobs.ts';
import { JobStatusBadge } from './outcome-badge.tsx';

const NO_JOBS: BulkJobSummary[] = [];
type Column = ColumnDef<DataTableFeatures, BulkJobSummary, unknown>;

function columns(orgId: string): Column[] {
  const helper = createColumnHelper<DataTableFeatures, BulkJobSummary>();
  const count = (key: 'invited' | 'skipped' | 'failed' | 'pending', header: string) =>
    helper.accessor((job) => job.counts[key], {
      id: key,
      header,
      meta: { className: 'col-number' },
      cell: ({ row }) => formatCount(row.original.counts[key]),
    }) as Column;
  return [
    helper.accessor((job) => job.created_at, {
      id: 'created_at',
      header: 'Started',
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <Link to="/orgs/$orgId/invitations/bulk/$jobId" params={{ orgId, jobId: row.original.id }}>
          <span className="visually-hidden">Bulk invite started </span>
          <RelativeTime ms={row.original.created_at} />
        </Link>
      ),
    }) as Column,
    helper.accessor((job) => job.status, {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <JobStatusBadge status={row.original.status} />,
    }) as Column,
    count('invited', 'Invited'),
    count('skipped', 'Skipped'),
    count('failed', 'Failed'),
    count('pending', 'Pending'),
  ];
}

/** The organization's latest bulk invite jobs, each linking to its progress view. */
export function RecentBulkJobs({ orgId }: { orgId: string }) {
  const query = useOrgBulkJobs(orgId);
  const cols = useMemo(() => columns(orgId), [orgId]);
  const table = useTable({
    features: dataTableFeatures,
    columns: cols,
    data: query.data?.data ?? NO_JOBS,
    getRowId: (job) => job.id,
  });
  return (
    <div className="table-card">
      <DataTable
        table={table}
        label="Recent bulk invites"
        state={query.data === undefined && !query.error ? 'loading' : 'ready'}
        skeletonRows={3}
        fallback={
          query.error ? (
            <ErrorState
              level={3}
              error={query.error}
              title="Couldn't load recent bulk invites"
              onRetry={() => query.refetch()}
              retrying={query.isFetching}
            />
          ) : (
            <EmptyState level={3} icon={<Inbox size={20} />} title="No bulk invites yet" />
          )
        }
      />
    </div>
  );
}
