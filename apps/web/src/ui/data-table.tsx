import type { ReactTable, RowData } from '@tanstack/react-table';
import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { cellClass, DataRow, renderTemplate, SkeletonRows, SpacerRow } from './data-table-body.tsx';
import type { DataTableFeatures } from './data-table-features.ts';
import { ArrowDown, ArrowUp, ArrowUpDown } from './icons.tsx';
import { rowsOf } from './lazy-row-model.ts';
import { useRowWindow } from './use-row-window.ts';
import { whenIdle } from './when-idle.ts';
import './data-table.css';

export {
  type CardSlot,
  type DataColumnMeta,
  type DataTableFeatures,
  dataTableFeatures,
} from './data-table-features.ts';

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
  /** Rows are one Tab stop, moved through with the arrow keys and j/k (use-table-keyboard.ts). */
  keyboard?: boolean;
  /** On a phone each row is a card: its cells placed by their column's `card` slot. */
  cards?: boolean;
}

/**
 * Keyboard rows (table-keyboard.ts) for a table that offers them, loaded after its first paint: its
 * code is not part of drawing the page. Until then rows keep their controls' own Tab stops.
 */
function useTableKeyboard(scrollRef: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const box = scrollRef.current;
    if (!enabled || !box) return;
    let stop: (() => void) | undefined;
    let gone = false;
    const cancel = whenIdle(() => {
      void import('./table-keyboard.ts').then(({ attachTableKeyboard }) => {
        if (!gone) stop = attachTableKeyboard(box);
      });
    });
    return () => {
      gone = true;
      cancel();
      stop?.();
    };
  }, [scrollRef, enabled]);
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
  keyboard = false,
  cards = false,
}: DataTableProps<TData>) {
  const headers = table.getHeaderGroups();
  const leafColumns = table.getAllLeafColumns();
  const columnCount = leafColumns.length;
  // Rows are made as they are drawn (lazy-row-model.ts): a windowed page makes only those in view.
  const model = table.getRowModel();
  const { count, rowAt } = rowsOf(model);
  const scrollRef = useRef<HTMLElement>(null);
  const windowed = state !== 'loading' && windowAbove !== undefined && count > windowAbove;
  const view = useRowWindow(scrollRef, windowed ? count : 0, model);
  const first = windowed ? view.start : 0;
  const shown = windowed
    ? Array.from({ length: view.end - view.start }, (_, i) => rowAt(view.start + i))
    : model.rows;
  useTableKeyboard(scrollRef, keyboard && state !== 'loading');
  const classes = ['data-table'];
  if (state === 'stale') classes.push('is-stale');
  // Windowed pages lay out by the columns' own widths: nothing to measure, and columns keep their
  // width as rows scroll in and out.
  if (windowed) classes.push('is-windowed');
  if (cards) classes.push('has-cards');
  const focusable = !keyboard || count === 0;
  return (
    <section
      className="table-scroll"
      aria-label={label}
      // The scroll region is a Tab stop of its own only when its rows offer none.
      tabIndex={focusable ? 0 : undefined}
      ref={scrollRef}
    >
      <table
        className={classes.join(' ')}
        aria-busy={state !== 'ready'}
        aria-rowcount={windowed ? count + 1 : undefined}
      >
        <caption className="visually-hidden">{label}</caption>
        {windowed ? (
          <colgroup>
            {leafColumns.map((column) => (
              <col key={column.id} style={{ width: column.columnDef.meta?.width }} />
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
                  : renderTemplate(header.column.columnDef.header, header.getContext());
                const arrow =
                  direction === 'ascending' ? (
                    <ArrowUp size={13} />
                  ) : direction === 'descending' ? (
                    <ArrowDown size={13} />
                  ) : (
                    <ArrowUpDown size={13} className="sort-idle" />
                  );
                return (
                  <th key={header.id} scope="col" className={cellClass(meta, cards)} aria-sort={direction}>
                    {sortKey && onSort ? (
                      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
                        {content}
                        {arrow}
                      </button>
                    ) : direction === 'ascending' || direction === 'descending' ? (
                      // An order the view fixes (the expiring-soon list): shown, not offered.
                      <span className="sort-fixed">
                        {content}
                        {arrow}
                      </span>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={state === 'loading' ? 'is-loading' : undefined}>
          {state === 'loading' ? (
            <SkeletonRows rows={skeletonRows} columns={columnCount} />
          ) : count === 0 && fallback ? (
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
                  index={first + i}
                  windowed={windowed}
                  cards={cards}
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
