import { type ColumnDef, createColumnHelper, useTable } from '@tanstack/react-table';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataTableFeatures, dataTableFeatures } from './data-table.tsx';
import {
  RowSelection,
  RowSelectionProvider,
  SelectAllCheckbox,
  SelectRowCheckbox,
  useSelectionVersion,
} from './row-selection.tsx';

interface Person {
  id: string;
  name: string;
}
const helper = createColumnHelper<DataTableFeatures, Person>();
const columns: ColumnDef<DataTableFeatures, Person, unknown>[] = [
  helper.display({
    id: 'select',
    header: ({ table }) => (
      <SelectAllCheckbox label="Select all" ids={table.getRowModel().rows.map((row) => row.id)} />
    ),
    cell: ({ row }) => <SelectRowCheckbox id={row.id} label={`Select ${row.original.name}`} />,
  }) as ColumnDef<DataTableFeatures, Person, unknown>,
  helper.accessor((row) => row.name, {
    id: 'name',
    header: 'Name',
    meta: { rowHeader: true },
  }) as ColumnDef<DataTableFeatures, Person, unknown>,
];
const people = (n: number): Person[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Person ${i}` }));

function Table({ rows, selection }: { rows: Person[]; selection: RowSelection }) {
  const table = useTable({ features: dataTableFeatures, columns, data: rows, getRowId: (row) => row.id });
  return (
    <RowSelectionProvider value={selection}>
      <DataTable table={table} label="People" state="ready" windowAbove={100} />
      <SelectedCount selection={selection} />
    </RowSelectionProvider>
  );
}

function SelectedCount({ selection }: { selection: RowSelection }) {
  useSelectionVersion(selection);
  const [ids] = useState(() => people(500).map((p) => p.id));
  return <output aria-label="Selected">{ids.filter((id) => selection.has(id)).length}</output>;
}

describe('DataTable', () => {
  it('draws every row of a short page', () => {
    render(<Table rows={people(20)} selection={new RowSelection()} />);
    expect(screen.getAllByRole('rowheader')).toHaveLength(20);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBeNull();
  });

  it('draws only a window of a long page and announces every row', () => {
    render(<Table rows={people(500)} selection={new RowSelection()} />);
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('501');
    const drawn = screen.getAllByRole('rowheader');
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(100);
    expect(drawn[0]?.closest('tr')?.getAttribute('aria-rowindex')).toBe('2');
  });

  it('selects rows, and all of a long page from the header, drawn or not', async () => {
    const selection = new RowSelection();
    render(<Table rows={people(500)} selection={selection} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Person 1' }));
    expect(screen.getByRole('checkbox', { name: 'Select Person 1' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Select all' })).toHaveProperty('indeterminate', true);
    expect(screen.getByRole('row', { name: /Person 1$/ }).className).toBe('is-selected');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByRole('status', { name: 'Selected' }).textContent).toBe('500');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByRole('status', { name: 'Selected' }).textContent).toBe('0');
  });
});
