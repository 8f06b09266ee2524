import { useId, useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { AlertCircle } from '../../../ui/icons.tsx';
import type { PastedTable } from '../utils/parse-table.ts';
import type { ColumnChoice } from '../utils/table-columns.ts';
import './column-picker.css';

interface ColumnPickerProps {
  tables: readonly PastedTable[];
  /** Keeps the admin's choice for a table (null: back to what its header says). */
  onChoose: (key: string, choice: ColumnChoice | null) => void;
}

const where = (t: PastedTable) =>
  t.lastLine > t.headerLine
    ? `lines ${formatCount(t.headerLine)}–${formatCount(t.lastLine)}`
    : `line ${t.headerLine}`;
const columnName = (t: PastedTable, i: number) => t.columns[i]?.trim() || `Column ${i + 1}`;
const quoteList = (t: PastedTable, columns: readonly number[]) =>
  columns.map((i) => `“${columnName(t, i)}”`).join(', ');

/** The tables of the paste: which column is read for the addresses (and roles), chosen by the admin when the header does not say. */
export function ColumnPicker({ tables, onChoose }: ColumnPickerProps) {
  if (tables.length === 0) return null;
  return (
    <div className="column-picker">
      {tables.map((table) => (
        <TableColumns key={`${table.headerLine}:${table.key}`} table={table} onChoose={onChoose} />
      ))}
    </div>
  );
}

function TableColumns({ table, onChoose }: { table: PastedTable; onChoose: ColumnPickerProps['onChoose'] }) {
  const [editing, setEditing] = useState(false);
  const id = useId();
  const rows = `${formatCount(table.rowCount)} ${table.rowCount === 1 ? 'row' : 'rows'}`;
  if (table.email !== null && !editing) {
    return (
      <p className="table-summary">
        <span>
          <strong>Table on {where(table)}</strong> ({rows}): addresses from “{columnName(table, table.email)}
          ”, {table.role !== null ? `roles from “${columnName(table, table.role)}”` : 'no role column'}.
        </span>
        <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
          Change columns
        </Button>
      </p>
    );
  }
  const { problem, candidates } = table.detected;
  const example = (i: number) => {
    const sample = table.sample[i];
    if (!sample) return '';
    return ` (${sample.length > 32 ? `${sample.slice(0, 31)}…` : sample})`;
  };
  const choose = (email: number | null, role: number | null) => {
    if (email !== null) onChoose(table.key, { email, role });
  };
  return (
    <fieldset className={table.email === null ? 'table-picker is-needed' : 'table-picker'}>
      <legend>
        Table on {where(table)} ({rows})
      </legend>
      {table.email === null ? (
        <p className="table-picker-note" id={`${id}-why`}>
          <AlertCircle size={15} />
          <span>
            {problem === 'ambiguous'
              ? `Several columns may hold the addresses: ${quoteList(table, candidates)}. Choose the one to invite; no other column is read.`
              : candidates.length > 0
                ? `No column is headed as the people’s email address. Addresses are in ${quoteList(table, candidates)}: choose the one to invite.`
                : 'No column is headed as the people’s email address. Choose the one to invite.'}
          </span>
        </p>
      ) : null}
      <div className="table-picker-fields">
        <label className="field">
          <span className="field-label">Email column</span>
          <select
            className="select"
            value={table.email ?? ''}
            aria-describedby={table.email === null ? `${id}-why` : undefined}
            onChange={(event) => choose(Number(event.target.value), table.role)}
          >
            {table.email === null ? (
              <option value="" disabled>
                Choose a column…
              </option>
            ) : null}
            {table.columns.map((_, i) => (
              <option key={i} value={i}>
                {columnName(table, i)}
                {example(i)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Role column (optional)</span>
          <select
            className="select"
            value={table.role ?? ''}
            disabled={table.email === null}
            onChange={(event) =>
              choose(table.email, event.target.value === '' ? null : Number(event.target.value))
            }
          >
            <option value="">None: the default role</option>
            {table.columns.map((_, i) => (
              <option key={i} value={i}>
                {columnName(table, i)}
                {example(i)}
              </option>
            ))}
          </select>
        </label>
        {table.chosen && table.detected.email !== null ? (
          <Button variant="ghost" size="sm" onClick={() => onChoose(table.key, null)}>
            Use the header’s columns
          </Button>
        ) : null}
        {editing && table.email !== null ? (
          <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
            Done
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
