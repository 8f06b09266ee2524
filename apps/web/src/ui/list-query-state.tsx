import type { RowData } from '@tanstack/react-table';
import type { ApiError } from '../lib/api-client.ts';
import { Button } from './button.tsx';
import type { DataTableProps } from './data-table.tsx';
import { AlertCircle, Refresh } from './icons.tsx';

/** What a paginated table needs of its TanStack Query result. */
export interface ListQuery {
  data: unknown;
  error: ApiError | null;
  isPlaceholderData: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * The table's state: loading until the first page (an error then shows the table's fallback),
 * stale while the previous page stays on screen for the next one, else ready.
 */
export function listTableState(query: ListQuery): DataTableProps<RowData>['state'] {
  if (query.data === undefined) return query.error ? 'ready' : 'loading';
  return query.isPlaceholderData ? 'stale' : 'ready';
}

/** A failed refresh over rows already on screen: say so, keep the rows, offer to try again. */
export function RefreshFailedAlert({ query }: { query: ListQuery }) {
  if (!query.error || query.data === undefined || query.isPlaceholderData) return null;
  return (
    <div className="inline-alert" role="alert">
      <AlertCircle size={16} />
      <span>Couldn't refresh: {query.error.longMessage}</span>
      <Button size="sm" onClick={() => query.refetch()} loading={query.isFetching}>
        <Refresh size={14} />
        Try again
      </Button>
    </div>
  );
}
