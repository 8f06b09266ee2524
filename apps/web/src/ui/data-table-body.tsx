import type { Cell, Column, Row, RowData } from '@tanstack/react-table';
import { memo, type ReactNode, useMemo } from 'react';
import type { DataColumnMeta, DataTableFeatures } from './data-table-features.ts';
import { useRowSelected } from './row-selection.tsx';

/** A column's name where a card shows the value beside it: its meta label, or its header text. */
export function columnLabel<TData extends RowData>(
  column: Column<DataTableFeatures, TData, unknown>,
): string | undefined {
  const { header, meta } = column.columnDef;
  return meta?.label ?? (typeof header === 'string' ? header : undefined);
}

/** The classes of a column's th and td: its own, and its place in a phone's card. */
export function cellClass(meta: DataColumnMeta | undefined, cards: boolean): string | undefined {
  if (!cards) return meta?.className;
  const slot = `card-${meta?.card ?? 'field'}`;
  return meta?.className ? `${meta.className} ${slot}` : slot;
}

/**
 * A column's `header` or `cell`: text, or a function of its context, called here rather than mounted
 * as a component of its own (as `flexRender` does). Columns built anew (their options changed: an
 * organization's names arrived, the user is staff) then update their cells in place instead of
 * remounting them, so a link or button there keeps keyboard focus. Hooks belong in the components a
 * template returns, not in the template.
 */
export function renderTemplate<TContext>(
  template: string | ((context: TContext) => unknown) | undefined,
  context: TContext,
): ReactNode {
  return (typeof template === 'function' ? template(context) : template) as ReactNode;
}

interface DataRowProps<TData extends RowData> {
  row: Row<DataTableFeatures, TData>;
  /** The table's leaf columns: new columns (e.g. other row actions) redraw the cells. */
  columns: Column<DataTableFeatures, TData, unknown>[];
  /** The row's position among all rows (0-based), whether or not the others are drawn. */
  index: number;
  /** Set when only some rows are in the DOM: 1-based position among all rows (header = 1). */
  windowed: boolean;
  cards: boolean;
}

// Memoised on the row and columns; the selection hook re-renders just the `tr` when the row's
// selection changes, reusing the cells.
function DataRowView<TData extends RowData>({ row, columns, index, windowed, cards }: DataRowProps<TData>) {
  const selected = useRowSelected(row.id);
  const cells = useMemo(
    () => row.getAllCells().map((cell) => <DataCell key={cell.id} cell={cell} cards={cards} />),
    [row, columns, cards],
  );
  return (
    <tr
      className={selected ? 'is-selected' : undefined}
      data-index={index}
      aria-rowindex={windowed ? index + 2 : undefined}
    >
      {cells}
    </tr>
  );
}
export const DataRow = memo(DataRowView) as typeof DataRowView;

function DataCell<TData extends RowData>({
  cell,
  cards,
}: {
  cell: Cell<DataTableFeatures, TData, unknown>;
  cards: boolean;
}) {
  const meta = cell.column.columnDef.meta;
  const content = renderTemplate(cell.column.columnDef.cell, cell.getContext());
  const className = cellClass(meta, cards);
  if (meta?.rowHeader) {
    return (
      <th scope="row" className={className}>
        {content}
      </th>
    );
  }
  const label = cards && (meta?.card ?? 'field') === 'field' ? columnLabel(cell.column) : undefined;
  return (
    <td className={className} data-label={label}>
      {content}
    </td>
  );
}

export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it can take focus
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c}>
              <span className="skeleton" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
