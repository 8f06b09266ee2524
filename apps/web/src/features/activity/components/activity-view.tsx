import type { ActivityEntry } from '@invites/clerk-schema';
import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import {
  type ActivitySearch,
  PAGE_SIZES,
  type PageSize,
  type SearchPatch,
} from '../../../lib/search-schemas.ts';
import { Button } from '../../../ui/button.tsx';
import { DataTable, dataTableFeatures } from '../../../ui/data-table.tsx';
import { Inbox } from '../../../ui/icons.tsx';
import { listTableState, RefreshFailedAlert } from '../../../ui/list-query-state.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { EmptyState, ErrorState, NotAllowedState } from '../../../ui/states.tsx';
import { useLastPageRedirect } from '../../../ui/use-last-page-redirect.ts';
import { useActivity } from '../api/get-activity.ts';
import { activityColumns } from './activity-columns.tsx';
import { ActivityToolbar } from './activity-toolbar.tsx';
import './activity.css';

interface ActivityViewProps {
  search: ActivitySearch;
  onSearchChange: (patch: SearchPatch<ActivitySearch>, options?: { replace?: boolean }) => void;
  /** The organizations the user may filter by (all for staff, theirs for admins). */
  organizations: readonly { id: string; name: string }[];
}

const NO_ENTRIES: ActivityEntry[] = [];

/** The activity log: filters, a table of who did what and how it went, pages; all state in the URL. */
export function ActivityView({ search, onSearchChange, organizations }: ActivityViewProps) {
  const query = useActivity(search);
  const names = useMemo(() => new Map(organizations.map((o) => [o.id, o.name])), [organizations]);
  const columns = useMemo(
    () =>
      activityColumns({
        organizationName: (id) => names.get(id),
        onActor: (actor) => onSearchChange({ actor, page: undefined }),
      }),
    [names, onSearchChange],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: query.data?.data ?? NO_ENTRIES,
    getRowId: (entry) => entry.id,
  });
  const { page, pageSize } = search;
  const filtered = Boolean(
    search.organization_id || search.actor || search.action || search.from || search.to,
  );
  const clear = () =>
    onSearchChange({
      organization_id: undefined,
      actor: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
      page: undefined,
    });
  const total = query.data?.total_count;
  const lastPage = useLastPageRedirect({
    page,
    pageSize,
    total,
    settled: query.data !== undefined && !query.isPlaceholderData,
    goTo: (next, options) => onSearchChange({ page: next }, options),
  });
  const state = listTableState(query);
  const fallback =
    query.data === undefined && query.error ? (
      query.error.status === 403 ? (
        <NotAllowedState
          level={3}
          title="You're not allowed to view this activity"
          description="Org admins see the activity of their own organizations; support staff see all of it."
          action={<Button onClick={clear}>Show all I can see</Button>}
        />
      ) : (
        <ErrorState
          level={3}
          error={query.error}
          title="Couldn't load the activity log"
          onRetry={() => query.refetch()}
          retrying={query.isFetching}
        />
      )
    ) : lastPage !== null ? (
      <EmptyState
        level={3}
        title={`Page ${page} is past the end`}
        description={`These entries fill ${lastPage} ${lastPage === 1 ? 'page' : 'pages'}.`}
        action={<Button onClick={() => onSearchChange({ page: lastPage })}>Go to the last page</Button>}
      />
    ) : total !== undefined && total > 0 ? (
      <EmptyState
        level={3}
        title="Nothing on this page"
        description="There are fewer entries than this page number."
        action={<Button onClick={() => onSearchChange({ page: undefined })}>Go to first page</Button>}
      />
    ) : filtered ? (
      <EmptyState
        level={3}
        title="No activity matches these filters"
        description="Try another organization, action or date."
        action={<Button onClick={clear}>Clear filters</Button>}
      />
    ) : (
      <EmptyState
        level={3}
        icon={<Inbox size={20} />}
        title="No activity yet"
        description="Invitations sent, revoked and bulk invites show up here."
      />
    );

  return (
    <div className="activity-view">
      <ActivityToolbar
        search={search}
        onSearchChange={onSearchChange}
        organizations={organizations}
        filtered={filtered}
        onClearFilters={clear}
      />
      <RefreshFailedAlert query={query} />
      <div className="table-card">
        <DataTable
          table={table}
          label="Activity"
          state={state}
          skeletonRows={Math.min(pageSize, 10)}
          fallback={fallback}
          keyboard
          cards
        />
        <Pagination
          page={page}
          pageSize={pageSize}
          pageSizes={PAGE_SIZES}
          total={total}
          busy={query.isFetching && query.data !== undefined}
          onPageChange={(next) => onSearchChange({ page: next })}
          onPageSizeChange={(size) => onSearchChange({ pageSize: size as PageSize, page: undefined })}
        />
      </div>
    </div>
  );
}
