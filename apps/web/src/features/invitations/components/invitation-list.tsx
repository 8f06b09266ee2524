import type { OrganizationInvitation } from '@invites/clerk-schema';
import { type ColumnDef, useTable } from '@tanstack/react-table';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
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
import { useLastPageRedirect } from '../../../ui/use-last-page-redirect.ts';
import { nextSort } from '../utils/list-query.ts';
import { selectableEntries } from './invitation-columns.tsx';
import './invitation-list.css';

// The bar (and its styles) load with the first selected row: a page that only shows invitations needs neither.
const SelectionBar = lazy(() => import('./selection-bar.tsx').then((m) => ({ default: m.SelectionBar })));

function SelectionBarWhenSelected<T>(props: {
  selection: RowSelection<T>;
  matchingTotal: number | null;
  matchingHint: string | undefined;
  actions: (selection: Selection<T>) => ReactNode;
}) {
  useSelectionVersion(props.selection);
  if (props.selection.size === 0) return null;
  const Bar = SelectionBar as unknown as (p: typeof props) => ReactNode;
  return (
    <Suspense fallback={null}>
      <Bar {...props} />
    </Suspense>
  );
}

/** What the actions for the selected rows get. */
export interface Selection<T> {
  /** Rows selected one by one, on any page (empty while all matching rows are selected). */
  rows: T[];
  /** Every row of the current filter is selected, on every page: `total` of them but `except`. */
  allMatching: { total: number; except: T[] } | null;
  clear: () => void;
}

interface InvitationListProps<T extends OrganizationInvitation> {
  label: string;
  columns: ColumnDef<DataTableFeatures, T, unknown>[];
  search: ListSearch;
  onSort: (sort: SortValue) => void;
  /** `replace` swaps the address instead of adding to the history (a redirect off a page past the end). */
  onPageChange: (page: number, options?: { replace?: boolean }) => void;
  onPageSizeChange: (pageSize: PageSize) => void;
  query: {
    data: { data: T[]; total_count: number } | undefined;
    error: ApiError | null;
    isPlaceholderData: boolean;
    isFetching: boolean;
    refetch: () => unknown;
  };
  /** Changes whenever the filters change (not on paging or sorting); clears the selection. */
  resetKey: string;
  filtered: boolean;
  onClearFilters: () => void;
  /** What to say when the filters match nothing (a generic "Clear filters" state by default). */
  filteredEmpty?: ReactNode;
  emptyAction?: ReactNode;
  /** The filters above the table. */
  toolbar: ReactNode;
  /** Actions for the selected rows, e.g. "Revoke selected"; without them rows are not selectable. */
  selectionActions?: ((selection: Selection<T>) => ReactNode) | undefined;
  /**
   * How many rows "Select all matching" would select, when the filter is one whose every row can be
   * selected (null: not offered).
   */
  matchingTotal?: number | null;
  /** How to get "Select all matching" when this filter does not offer it. */
  matchingHint?: string | undefined;
  /** The rows come in this order and cannot be re-sorted (the expiring-soon list: by expiry). */
  fixedSort?: string;
}

const NO_ROWS: never[] = [];
/** Pages longer than this keep only the rows in view in the DOM. */
const WINDOW_ABOVE = 100;

/** An invitation table with its toolbar, states and pagination; the page comes from the URL state. */
export function InvitationList<T extends OrganizationInvitation>(props: InvitationListProps<T>) {
  const { query, search, resetKey, filtered } = props;
  const { sort, page, pageSize } = search;
  const [selection] = useState(() => new RowSelection<T>());
  useEffect(() => selection.clear(), [resetKey]);

  const rows = query.data?.data ?? (NO_ROWS as T[]);
  // The page's selectable rows. A selected row stays selected when a refresh shows it changed (a
  // bulk revoke in progress keeps its dialog and results) until the selection is cleared.
  useEffect(() => selection.setPage(selectableEntries(rows)), [rows, selection]);
  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: rows,
    getRowId: (row) => row.id,
  });

  const total = query.data?.total_count;
  const lastPage = useLastPageRedirect({
    page,
    pageSize,
    total,
    settled: query.data !== undefined && !query.isPlaceholderData,
    goTo: props.onPageChange,
  });
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
    ) : lastPage !== null ? (
      <EmptyState
        level={3}
        title={`Page ${page} is past the end`}
        description={`These invitations fill ${lastPage} ${lastPage === 1 ? 'page' : 'pages'}.`}
        action={<Button onClick={() => props.onPageChange(lastPage)}>Go to the last page</Button>}
      />
    ) : total !== undefined && total > 0 ? (
      <EmptyState
        level={3}
        title="Nothing on this page"
        description="There are fewer invitations than this page number."
        action={<Button onClick={() => props.onPageChange(1)}>Go to first page</Button>}
      />
    ) : filtered && props.filteredEmpty ? (
      props.filteredEmpty
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
        {props.toolbar}
        {props.selectionActions ? (
          <SelectionBarWhenSelected
            selection={selection}
            matchingTotal={props.matchingTotal ?? null}
            matchingHint={props.matchingHint}
            actions={props.selectionActions}
          />
        ) : null}
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
            keyboard
            cards
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
