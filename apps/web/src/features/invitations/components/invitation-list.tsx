import type { OrganizationInvitation } from '@invites/clerk-schema';
import { type ColumnDef, useTable } from '@tanstack/react-table';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../../../lib/api-client.ts';
import {
  type ListSearch,
  PAGE_SIZES,
  type PageSize,
  type SortKey,
  type SortValue,
} from '../../../lib/search-schemas.ts';
import { Button } from '../../../ui/button.tsx';
import { DataTable, type DataTableFeatures, dataTableFeatures } from '../../../ui/data-table.tsx';
import { Inbox } from '../../../ui/icons.tsx';
import { listTableState, RefreshFailedAlert } from '../../../ui/list-query-state.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { RowSelection, RowSelectionProvider, useSelectionVersion } from '../../../ui/row-selection.tsx';
import { EmptyState, ErrorState } from '../../../ui/states.tsx';
import { nextSort } from '../utils/list-query.ts';
import './invitation-list.css';

export interface Selection<T> {
  rows: T[];
  clear: () => void;
}

interface InvitationListProps<T extends OrganizationInvitation> {
  label: string;
  columns: ColumnDef<DataTableFeatures, T, unknown>[];
  search: ListSearch;
  onSort: (sort: SortValue) => void;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: PageSize) => void;
  query: {
    data: { data: T[]; total_count: number } | undefined;
    error: ApiError | null;
    isPlaceholderData: boolean;
    isFetching: boolean;
    refetch: () => unknown;
  };
  /** Changes whenever the request changes; clears the selection. */
  resetKey: string;
  filtered: boolean;
  onClearFilters: () => void;
  emptyAction?: ReactNode;
  toolbar: (selection: Selection<T>) => ReactNode;
  /** The rows come in this order and cannot be re-sorted (the expiring-soon list: by expiry). */
  fixedSort?: string;
}

const NO_ROWS: never[] = [];
/** Pages longer than this keep only the rows in view in the DOM. */
const WINDOW_ABOVE = 100;

/** The toolbar, re-rendered on selection changes without re-rendering the table. */
function ListToolbar<T extends OrganizationInvitation>({
  selection,
  rows,
  render,
}: {
  selection: RowSelection;
  rows: T[];
  render: (selection: Selection<T>) => ReactNode;
}) {
  const version = useSelectionVersion(selection);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger
  const selected = useMemo(
    // Selected rows stay selected after a refetch changed their status (a revocation in progress
    // keeps its dialog), until the selection is cleared.
    () => rows.filter((row) => selection.has(row.id)),
    [rows, selection, version],
  );
  return render({ rows: selected, clear: () => selection.clear() });
}

/** An invitation table with its toolbar, states and pagination; the page comes from the URL state. */
export function InvitationList<T extends OrganizationInvitation>(props: InvitationListProps<T>) {
  const { query, search, resetKey, filtered } = props;
  const { sort, page, pageSize } = search;
  const [selection] = useState(() => new RowSelection());
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger
  useEffect(() => selection.clear(), [resetKey]);

  const rows = query.data?.data ?? (NO_ROWS as T[]);
  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: rows,
    getRowId: (row) => row.id,
  });

  const total = query.data?.total_count;
  const state = listTableState(query);
  const fallback =
    query.data === undefined && query.error ? (
      <ErrorState
        error={query.error}
        title="Couldn't load invitations"
        onRetry={() => query.refetch()}
        retrying={query.isFetching}
        level={3}
      />
    ) : total !== undefined && total > 0 ? (
      <EmptyState
        level={3}
        title="Nothing on this page"
        description="There are fewer invitations than this page number."
        action={<Button onClick={() => props.onPageChange(1)}>Go to first page</Button>}
      />
    ) : filtered ? (
      <EmptyState
        level={3}
        title="No invitations match these filters"
        description="Try another status or email address."
        action={<Button onClick={props.onClearFilters}>Clear filters</Button>}
      />
    ) : (
      <EmptyState
        level={3}
        icon={<Inbox size={20} />}
        title="No invitations yet"
        description="Invite people by email; they join the organization when they accept."
        action={props.emptyAction}
      />
    );

  return (
    <RowSelectionProvider value={selection}>
      <div className="invitation-list">
        <ListToolbar selection={selection} rows={rows} render={props.toolbar} />
        <RefreshFailedAlert query={query} />
        <div className="table-card">
          <div
            className={`busy-bar${query.isFetching && query.data !== undefined ? ' is-busy' : ''}`}
            aria-hidden="true"
          />
          <DataTable
            table={table}
            label={props.label}
            sort={props.fixedSort ?? sort}
            {...(props.fixedSort
              ? {}
              : { onSort: (key: string) => props.onSort(nextSort(sort, key as SortKey)) })}
            state={state}
            skeletonRows={Math.min(pageSize, 10)}
            fallback={fallback}
            windowAbove={WINDOW_ABOVE}
          />
          <Pagination
            page={page}
            pageSize={pageSize}
            pageSizes={PAGE_SIZES}
            total={total}
            busy={query.isFetching && query.data !== undefined}
            onPageChange={props.onPageChange}
            onPageSizeChange={(size) => props.onPageSizeChange(size as PageSize)}
          />
        </div>
      </div>
    </RowSelectionProvider>
  );
}
