import { type ColumnDef, createColumnHelper, useTable } from '@tanstack/react-table';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type DataTableFeatures, dataTableFeatures } from './data-table-features.ts';
import { type LazyRowModel, rowsOf } from './lazy-row-model.ts';

interface Person {
  id: string;
  name: string;
}
const helper = createColumnHelper<DataTableFeatures, Person>();
const columns = [helper.accessor((row) => row.name, { id: 'name', header: 'Name' })] as ColumnDef<
  DataTableFeatures,
  Person,
  unknown
>[];
const people = (n: number): Person[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Person ${i}` }));

function tableOf(data: Person[]) {
  const hook = renderHook(
    ({ rows }) => useTable({ features: dataTableFeatures, columns, data: rows, getRowId: (row) => row.id }),
    { initialProps: { rows: data } },
  );
  return {
    table: () => hook.result.current,
    setData: (rows: Person[]) => hook.rerender({ rows }),
  };
}

function lazyModel(data: Person[]) {
  const table = tableOf(data).table();
  return { table, model: table.getRowModel() as LazyRowModel<DataTableFeatures, Person> };
}

describe('lazyCoreRowModel', () => {
  it('makes only the rows asked for', () => {
    const made: string[] = [];
    const { result } = renderHook(() =>
      useTable({
        features: dataTableFeatures,
        columns,
        data: people(500),
        getRowId: (row) => {
          made.push(row.id);
          return row.id;
        },
      }),
    );
    const model = result.current.getRowModel() as LazyRowModel<DataTableFeatures, Person>;
    expect(made).toEqual([]);
    model.rowAt(3);
    model.rowAt(4);
    model.rowAt(3);
    expect(made).toEqual(['p3', 'p4']);
    expect(model.rows).toHaveLength(500);
    expect(made).toHaveLength(500);
  });

  it('makes a row when it is asked for, with its id, index, value and cells', () => {
    const { model } = lazyModel(people(500));
    expect(model.count).toBe(500);
    const row = model.rowAt(420);
    expect(row.id).toBe('p420');
    expect(row.index).toBe(420);
    expect(row.original.name).toBe('Person 420');
    expect(row.getValue('name')).toBe('Person 420');
    expect(row.getAllCells().map((cell) => cell.id)).toEqual(['p420_name']);
  });

  it('gives the same row object every time, and to rows/rowsById built later', () => {
    const { table, model } = lazyModel(people(500));
    const row = model.rowAt(7);
    expect(model.rowAt(7)).toBe(row);
    expect(table.getRowModel()).toBe(model);
    expect(model.rows).toHaveLength(500);
    expect(model.rows[7]).toBe(row);
    expect(model.flatRows[7]).toBe(row);
    expect(model.rowsById.p7).toBe(row);
    expect(table.getRow('p7')).toBe(row);
  });

  it('starts a new model, with new rows, when the data changes', () => {
    const first = people(3);
    const { table, setData } = tableOf(first);
    const before = table().getRowModel() as LazyRowModel<DataTableFeatures, Person>;
    const old = before.rowAt(0);
    setData(first);
    expect(table().getRowModel()).toBe(before);
    setData([{ id: 'q0', name: 'Someone else' }]);
    const after = table().getRowModel() as LazyRowModel<DataTableFeatures, Person>;
    expect(after).not.toBe(before);
    expect(after.count).toBe(1);
    expect(after.rowAt(0)).not.toBe(old);
    expect(after.rows.map((row) => row.id)).toEqual(['q0']);
  });

  it('rowsOf reads a built model too', () => {
    const { model } = lazyModel(people(2));
    const plain = { rows: model.rows, flatRows: model.rows, rowsById: model.rowsById };
    const { count, rowAt } = rowsOf(plain);
    expect(count).toBe(2);
    expect(rowAt(1)).toBe(model.rows[1]);
  });
});
