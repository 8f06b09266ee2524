import {
  constructRow,
  type Row,
  type RowData,
  type RowModel,
  type TableFeatures,
} from '@tanstack/react-table';

/** A core row model whose rows are made when they are first asked for. */
export interface LazyRowModel<TFeatures extends TableFeatures, TData extends RowData>
  extends RowModel<TFeatures, TData> {
  /** How many rows there are, without making them. */
  count: number;
  /** The row at `index` (0-based), made on first use and the same object after. */
  rowAt: (index: number) => Row<TFeatures, TData>;
}

/**
 * TanStack Table's core row model for flat data (no sub-rows, no client-side filtering, sorting or
 * paging), made lazily: a windowed page draws a few dozen of its rows, so only those are built, while
 * `rows`, `flatRows` and `rowsById` build the rest the first time something reads them. A new `data`
 * array starts a new model, as TanStack's own does.
 */
// biome-ignore-start lint/suspicious/noExplicitAny: TanStack's feature slot types the table and rows as any
export function lazyCoreRowModel(table: any): () => LazyRowModel<any, any> {
  let data: readonly RowData[] | undefined;
  let model: LazyRowModel<any, any> | undefined;
  return () => {
    const current = table.options.data as readonly RowData[];
    if (model === undefined || current !== data) {
      data = current;
      model = makeModel(table, current);
    }
    return model;
  };
}
// biome-ignore-end lint/suspicious/noExplicitAny: see above

function makeModel<TFeatures extends TableFeatures, TData extends RowData>(
  // biome-ignore lint/suspicious/noExplicitAny: see lazyCoreRowModel
  table: any,
  data: readonly TData[],
): LazyRowModel<TFeatures, TData> {
  const made: (Row<TFeatures, TData> | undefined)[] = [];
  let all: Row<TFeatures, TData>[] | undefined;
  let byId: Record<string, Row<TFeatures, TData>> | undefined;
  const rowAt = (index: number): Row<TFeatures, TData> => {
    let row = made[index];
    if (row === undefined) {
      const original = data[index] as TData;
      row = constructRow(table, table.getRowId(original, index), original, index, 0) as Row<TFeatures, TData>;
      made[index] = row;
    }
    return row;
  };
  const rows = () => {
    all ??= data.map((_, index) => rowAt(index));
    return all;
  };
  return {
    count: data.length,
    rowAt,
    get rows() {
      return rows();
    },
    get flatRows() {
      return rows();
    },
    get rowsById() {
      if (byId === undefined) {
        byId = Object.create(null) as Record<string, Row<TFeatures, TData>>;
        for (const row of rows()) byId[row.id] = row;
      }
      return byId;
    },
  };
}

/** The model's row count and row maker; a table without the lazy model gives its built rows. */
export function rowsOf<TFeatures extends TableFeatures, TData extends RowData>(
  model: RowModel<TFeatures, TData>,
): Pick<LazyRowModel<TFeatures, TData>, 'count' | 'rowAt'> {
  if ('rowAt' in model) return model as LazyRowModel<TFeatures, TData>;
  const { rows } = model;
  return { count: rows.length, rowAt: (index) => rows[index] as Row<TFeatures, TData> };
}
