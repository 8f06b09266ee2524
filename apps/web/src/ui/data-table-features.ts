import { tableFeatures } from '@tanstack/react-table';
import { lazyCoreRowModel } from './lazy-row-model.ts';

/** Where a column's cell sits in a row's card on a phone (the table below the phone breakpoint). */
export type CardSlot = 'select' | 'title' | 'badge' | 'actions' | 'field';

/** Per-column options the generic table understands. */
export interface DataColumnMeta {
  /** The server's `order_by` key; the header becomes a sort button. */
  sortKey?: string;
  /** Class for the th and every td of the column (widths, alignment). */
  className?: string;
  /** Column header is the row's label cell (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Width of the column when the table lays out by fixed widths (windowed pages), as CSS length. */
  width?: string;
  /** Place in a phone's card; `field` (the default) shows the value under its column name. */
  card?: CardSlot;
  /** The column's name in a card when its header is not plain text. */
  label?: string;
}

/**
 * The features every data table registers: typed column meta, and a core row model that makes rows
 * when they are drawn (a windowed page draws a few of its hundreds). Row selection lives in
 * `row-selection.tsx` (ids outside React state), which keeps the table's own selection feature
 * off the first route and re-renders only the rows a click changes.
 */
export const dataTableFeatures = tableFeatures({
  columnMeta: {} as DataColumnMeta,
  coreRowModel: lazyCoreRowModel,
});
export type DataTableFeatures = typeof dataTableFeatures;
