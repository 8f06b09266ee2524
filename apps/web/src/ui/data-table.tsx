import {
  type Cell,
  type Column,
  flexRender,
  type ReactTable,
  type Row,
  type RowData,
  tableFeatures,
} from '@tanstack/react-table';
import { memo, type ReactNode, type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown } from './icons.tsx';
import { useRowSelected } from './row-selection.tsx';
import { useRowWindow } from './use-row-window.ts';
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

/**
 * The features every data table registers: typed column meta. Row selection lives in
 * `row-selection.tsx` (ids outside React state), which keeps the table's own selection feature
 * (~2 KB gzip) off the first route and re-renders only the rows a click changes.
 */
export const dataTableFeatures = tableFeatures({ columnMeta: {} as DataColumnMeta });
export type DataTableFeatures = typeof dataTableFeatures;

export interface DataTableProps<TData extends RowData> {
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
  /** With more rows than this, only the rows in view (and a margin) are in the DOM. */
  windowAbove?: number;
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
  windowAbove,
}: DataTableProps<TData>) {
  const headers = table.getHeaderGroups();
  const leafColumns = table.getAllLeafColumns();
  const columnCount = leafColumns.length;
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLElement>(null);
  const windowed = state !== 'loading' && windowAbove !== undefined && rows.length > windowAbove;
  const view = useRowWindow(scrollRef, windowed ? rows.length : 0);
  const widths = useFrozenWidths(scrollRef, windowed, rows);
  const fixed = windowed && widths !== null;
  const classes = `data-table${state === 'stale' ? ' is-stale' : ''}${fixed ? ' is-windowed' : ''}`;
  const shown = windowed ? rows.slice(view.start, view.end) : rows;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll region must be reachable by keyboard
    <section className="table-scroll" aria-label={label} tabIndex={0} ref={scrollRef}>
      <table
        className={classes}
        aria-busy={state !== 'ready'}
        aria-rowcount={windowed ? rows.length + 1 : undefined}
      >
        <caption className="visually-hidden">{label}</caption>
        {fixed ? (
          <colgroup>
            {widths.map((width, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one col per column, in order
              <col key={i} style={{ width }} />
            ))}
          </colgroup>
        ) : null}
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
            <>
              {windowed && view.before > 0 ? <SpacerRow height={view.before} columns={columnCount} /> : null}
              {shown.map((row, i) => (
                <DataRow
                  key={row.id}
                  row={row}
                  columns={leafColumns}
                  rowIndex={windowed ? view.start + i + 2 : undefined}
                />
              ))}
              {windowed && view.after > 0 ? <SpacerRow height={view.after} columns={columnCount} /> : null}
            </>
          )}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Column widths measured once per data set while windowing, then fixed (`table-layout: fixed`), so
 * columns do not change width as rows scroll in and out. Null until measured.
 */
function useFrozenWidths(
  scrollRef: RefObject<HTMLElement | null>,
  windowed: boolean,
  rows: unknown[],
): number[] | null {
  const [frozen, setFrozen] = useState<{ rows: unknown[]; widths: number[] } | null>(null);
  const widths = windowed && frozen?.rows === rows ? frozen.widths : null;
  useLayoutEffect(() => {
    if (!windowed || widths !== null) return;
    const cells = scrollRef.current?.querySelectorAll<HTMLElement>('thead > tr:last-child > th');
    if (cells?.length)
      setFrozen({ rows, widths: Array.from(cells, (th) => th.getBoundingClientRect().width) });
  }, [scrollRef, windowed, widths, rows]);
  return widths;
}

function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it can take focus
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

interface DataRowProps<TData extends RowData> {
  row: Row<DataTableFeatures, TData>;
  /** The table's leaf columns: new columns (e.g. other row actions) redraw the cells. */
  columns: Column<DataTableFeatures, TData, unknown>[];
  /** 1-based position among all rows (header = 1), when only some rows are in the DOM. */
  rowIndex: number | undefined;
}

// Memoised on the row and columns; the selection hook re-renders just the `tr` when the row's
// selection changes, reusing the cells.
function DataRowView<TData extends RowData>({ row, columns, rowIndex }: DataRowProps<TData>) {
  const selected = useRowSelected(row.id);
  // biome-ignore lint/correctness/useExhaustiveDependencies: columns is the trigger for new cells
  const cells = useMemo(
    () => row.getAllCells().map((cell) => <DataCell key={cell.id} cell={cell} />),
    [row, columns],
  );
  return (
    <tr className={selected ? 'is-selected' : undefined} aria-rowindex={rowIndex}>
      {cells}
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
