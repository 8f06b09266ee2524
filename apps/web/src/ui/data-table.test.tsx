import { type ColumnDef, createColumnHelper, useTable } from '@tanstack/react-table';
import { render, screen, waitFor } from '@testing-library/react';
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
      <SelectAllCheckbox
        label="Select all"
        entries={table.getRowModel().rows.map((row) => [row.id, row.original] as const)}
      />
    ),
    cell: ({ row }) => (
      <SelectRowCheckbox id={row.id} value={row.original} label={`Select ${row.original.name}`} />
    ),
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

const actionColumns: ColumnDef<DataTableFeatures, Person, unknown>[] = [
  helper.accessor((row) => row.name, {
    id: 'name',
    header: 'Name',
    meta: { rowHeader: true },
    cell: ({ row }) => <a href={`#${row.id}`}>{row.original.name}</a>,
  }) as ColumnDef<DataTableFeatures, Person, unknown>,
  helper.display({
    id: 'actions',
    header: 'Actions',
    cell: ({ row }) => <button type="button">Revoke {row.original.name}</button>,
  }) as ColumnDef<DataTableFeatures, Person, unknown>,
];

function KeyboardTable({ rows }: { rows: Person[] }) {
  const table = useTable({
    features: dataTableFeatures,
    columns: actionColumns,
    data: rows,
    getRowId: (row) => row.id,
  });
  return (
    <>
      <button type="button">Before</button>
      <DataTable table={table} label="People" state="ready" keyboard />
      <button type="button">After</button>
    </>
  );
}

describe('DataTable', () => {
  it("is one Tab stop; arrow keys move between rows and a row's actions", async () => {
    const user = userEvent.setup();
    render(<KeyboardTable rows={people(5)} />);
    // The keyboard's code arrives after the first paint; then one control of the body is tabbable.
    await waitFor(() => expect(document.querySelectorAll('tbody [tabindex="0"]')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Person 0' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Person 2' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke Person 2' }));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke Person 1' }));
    await user.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke Person 4' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Person 4' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After' }));
    // Back into the table: the row left last.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Person 4' }));
    await user.keyboard('k');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Person 3' }));
  });

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

  it('shows a fixed order on its column without offering to change it, and an offered one as a button', async () => {
    const sorted: ColumnDef<DataTableFeatures, Person, unknown>[] = [
      helper.accessor((row) => row.name, {
        id: 'name',
        header: 'Name',
        meta: { rowHeader: true, sortKey: 'name' },
      }) as ColumnDef<DataTableFeatures, Person, unknown>,
    ];
    function Sorted({ onSort }: { onSort?: (key: string) => void }) {
      const table = useTable({
        features: dataTableFeatures,
        columns: sorted,
        data: people(3),
        getRowId: (r) => r.id,
      });
      return (
        <DataTable table={table} label="People" state="ready" sort="name" {...(onSort ? { onSort } : {})} />
      );
    }
    const fixed = render(<Sorted />);
    const header = screen.getByRole('columnheader', { name: 'Name' });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(header.querySelector('.sort-fixed svg')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Name' })).toBeNull();
    fixed.unmount();

    const picked: string[] = [];
    render(<Sorted onSort={(key) => picked.push(key)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(picked).toEqual(['name']);
  });

  it('keeps the elements of its cells, and the focus in them, when its columns are built anew', () => {
    // A page rebuilds its columns when their options change (an organization's names arrive); the
    // cells must update in place, not remount: a keyboard user's focus on a link would be lost.
    const linked = (suffix: string): ColumnDef<DataTableFeatures, Person, unknown>[] => [
      helper.accessor((row) => row.name, {
        id: 'name',
        header: () => <span>Name{suffix}</span>,
        meta: { rowHeader: true },
        cell: ({ row }) => <a href={`#${row.id}`}>{`${row.original.name}${suffix}`}</a>,
      }) as ColumnDef<DataTableFeatures, Person, unknown>,
    ];
    function Linked({ suffix }: { suffix: string }) {
      const table = useTable({
        features: dataTableFeatures,
        columns: linked(suffix),
        data: people(3),
        getRowId: (r) => r.id,
      });
      return <DataTable table={table} label="People" state="ready" />;
    }
    const view = render(<Linked suffix="" />);
    const link = screen.getByRole('link', { name: 'Person 1' });
    link.focus();
    view.rerender(<Linked suffix=" (Acme)" />);
    expect(screen.getByRole('link', { name: 'Person 1 (Acme)' })).toBe(link);
    expect(document.activeElement).toBe(link);
    expect(screen.getByRole('columnheader', { name: 'Name (Acme)' })).toBeTruthy();
  });
});
