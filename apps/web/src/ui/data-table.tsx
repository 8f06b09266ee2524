import {
  type Cell,
  flexRender,
  type ReactTable,
  type Row,
  type RowData,
  rowSelectionFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { memo, type ReactNode } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown } from './icons.tsx';
import './data-table.css';

/** Per-column options the generic table understands. */
export interface DataColumnMeta {
  /** The server's `order_by` key; the header becomes a sort button. */
  sortKey?: string;
  /** Class for the th and every td of the column (widths, alignment). */
  className?: string;
  /** Column header is the row's label cell (`<th scope="row">`). */
  rowHeader?: boolean;
}

/** The features every data table registers: row selection, and typed column meta. */
export const dataTableFeatures = tableFeatures({ rowSelectionFeature, columnMeta: {} as DataColumnMeta });
export type DataTableFeatures = typeof dataTableFeatures;

type AnyTable<TData extends RowData> = ReactTable<DataTableFeatures, TData, unknown>;

interface DataTableProps<TData extends RowData> {
  // biome-ignore lint/suspicious/noExplicitAny: the selected-state type of the owner's table is irrelevant here
  table: ReactTable<DataTableFeatures, TData, any>;
  /** Accessible name of the table and its scroll region. */
  label: string;
  /** Current `order_by`, e.g. `-created_at`. */
  sort?: string;
  onSort?: (sortKey: string) => void;
  /** `loading` shows skeleton rows; `stale` dims rows from the previous request while the next loads. */
  state: 'loading' | 'ready' | 'stale';
  skeletonRows?: number;
  /** Replaces the body when there are no rows (empty or error). */
  fallback?: ReactNode;
}

function ariaSort(sort: string | undefined, key: string): 'ascending' | 'descending' | 'none' {
  if (!sort || sort.replace(/^[-+]/, '') !== key) return 'none';
  return sort.startsWith('-') ? 'descending' : 'ascending';
}

/** A real `<table>` for a TanStack table: sticky header, sort buttons, skeletons, stale dimming. */
export function DataTable<TData extends RowData>({
  table,
  label,
  sort,
  onSort,
  state,
  skeletonRows = 8,
  fallback,
}: DataTableProps<TData>) {
  const headers = table.getHeaderGroups();
  const columnCount = table.getAllLeafColumns().length;
  const rows = table.getRowModel().rows;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll region must be reachable by keyboard
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      <table className={`data-table${state === 'stale' ? ' is-stale' : ''}`} aria-busy={state !== 'ready'}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          {headers.map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sortKey = meta?.sortKey;
                const direction = sortKey ? ariaSort(sort, sortKey) : undefined;
                const content = header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th key={header.id} scope="col" className={meta?.className} aria-sort={direction}>
                    {sortKey && onSort ? (
                      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
                        {content}
                        {direction === 'ascending' ? (
                          <ArrowUp size={13} />
                        ) : direction === 'descending' ? (
                          <ArrowDown size={13} />
                        ) : (
                          <ArrowUpDown size={13} className="sort-idle" />
                        )}
                      </button>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {state === 'loading' ? (
            <SkeletonRows rows={skeletonRows} columns={columnCount} />
          ) : rows.length === 0 && fallback ? (
            <tr className="fallback-row">
              <td colSpan={columnCount}>{fallback}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <DataRow
                key={row.id}
                row={row}
                selected={row.getIsSelected()}
                table={table as AnyTable<TData>}
              />
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

interface DataRowProps<TData extends RowData> {
  row: Row<DataTableFeatures, TData>;
  /** Passed so memoisation re-renders a row when only its selection changed. */
  selected: boolean;
  table: AnyTable<TData>;
}

function DataRowView<TData extends RowData>({ row, selected }: DataRowProps<TData>) {
  return (
    <tr className={selected ? 'is-selected' : undefined}>
      {row.getAllCells().map((cell) => (
        <DataCell key={cell.id} cell={cell} />
      ))}
    </tr>
  );
}
const DataRow = memo(DataRowView) as typeof DataRowView;

function DataCell<TData extends RowData>({ cell }: { cell: Cell<DataTableFeatures, TData, unknown> }) {
  const meta = cell.column.columnDef.meta;
  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
  if (meta?.rowHeader) {
    return (
      <th scope="row" className={meta.className}>
        {content}
      </th>
    );
  }
  return <td className={meta?.className}>{content}</td>;
}

function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <tr key={r} className="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <td key={c}>
              <span className="skeleton" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
