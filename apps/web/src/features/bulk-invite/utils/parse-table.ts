// A table in the paste box: its header row, its records, and one row per record read from the email
// column the header names (or the admin picked), with the role and name columns beside it.

import { entryAddresses, splitEntries, straightQuotes } from './paste-entries.ts';
import { type AddRow, NO_ADDRESS } from './paste-rows.ts';
import {
  type ColumnChoice,
  columnKind,
  type DetectedColumns,
  detectColumns,
  looksLikeHeaderCells,
  namesAddressColumn,
} from './table-columns.ts';
import { type Cell, headerDelimiter, readRecord, splitRecord } from './table-records.ts';

/** A table found in the paste, with its header row. */
export interface PastedTable {
  headerLine: number;
  lastLine: number;
  /** The header cells as written. */
  columns: string[];
  /** What the draft keeps the admin's column choice under. */
  key: string;
  detected: DetectedColumns;
  /** The columns read: the admin's choice when there is one, else the detected ones. */
  email: number | null;
  role: number | null;
  /** The admin's choice applies. */
  chosen: boolean;
  /** Data rows (records) under the header. */
  rowCount: number;
  /** The first data row's cells, as examples beside the column names. */
  sample: string[];
}

export interface TableHeader {
  /** Empty for a lone "Email" header above a pasted column. */
  delimiter: string;
  cells: string[];
}

/** What the draft keeps a table's column choice under: its header cells. */
export function tableKey(columns: readonly string[]): string {
  return columns.map((c) => c.trim().toLowerCase()).join('\t');
}

function nextNonBlank(lines: readonly string[], from: number): string | null {
  for (let i = from; i < lines.length; i += 1)
    if ((lines[i] as string).trim() !== '') return lines[i] as string;
  return null;
}

/**
 * The header row of a table starting at `lines[index]`, or null. A row naming an address column is a
 * header anywhere; other label rows only with `weak` (at the start of a block), when the next row has
 * as many cells and an address.
 */
export function readHeader(lines: readonly string[], index: number, weak: boolean): TableHeader | null {
  const line = lines[index] as string;
  if (line.includes('@')) return null;
  const delimiter = headerDelimiter(line);
  if (!delimiter) return columnKind(line) === 'email' ? { delimiter: '', cells: [line.trim()] } : null;
  const cells = splitRecord(line, delimiter).map((c) => c.text.trim());
  if (cells.length < 2 || !looksLikeHeaderCells(cells)) return null;
  if (cells.some(namesAddressColumn)) return { delimiter, cells };
  const next = weak ? nextNonBlank(lines, index + 1) : null;
  if (next === null || !next.includes('@')) return null;
  return splitRecord(next, delimiter).length === cells.length ? { delimiter, cells } : null;
}

interface TableRecord {
  line: number;
  cells: Cell[];
}

/** Whether most non-empty cells of a column hold an @. */
function holdsAddresses(records: readonly TableRecord[], column: number): boolean {
  let filled = 0;
  let withAt = 0;
  for (const r of records) {
    const text = r.cells[column]?.text.trim() ?? '';
    if (!text) continue;
    filled += 1;
    if (text.includes('@')) withAt += 1;
  }
  return withAt > 0 && withAt * 2 >= filled;
}

interface Columns {
  email: number;
  role: number | null;
  name: number | null;
  first: number | null;
  last: number | null;
}

/** One row per record: the first address of its email cell (the others are not the person's primary). */
function addRecord(record: TableRecord, columns: Columns, add: AddRow) {
  const cell = (i: number | null) => (i === null ? '' : (record.cells[i]?.text ?? '').trim());
  const role = cell(columns.role) || null;
  const name =
    cell(columns.name) || [cell(columns.first), cell(columns.last)].filter(Boolean).join(' ') || null;
  const emailCell = record.cells[columns.email];
  const found = emailCell
    ? splitEntries(straightQuotes(emailCell.text), emailCell.start).flatMap(entryAddresses)
    : [];
  const primary = found.find((f) => f.address.includes('@')) ?? found[0];
  if (primary) {
    add({ ...primary, name: primary.name ?? name }, record.line, role);
    return;
  }
  const shown = record.cells.map((c) => c.text.trim()).filter(Boolean);
  add(
    { text: name ?? shown.slice(0, 3).join(' · '), start: 0, address: '', name },
    record.line,
    role,
    NO_ADDRESS,
  );
}

/**
 * Reads the table whose header is `lines[index]` up to a blank line or a line without its delimiter,
 * and adds its rows, unless the admin has yet to choose its email column. Returns where it ends.
 */
export function readTable(
  lines: readonly string[],
  index: number,
  header: TableHeader,
  choices: Readonly<Record<string, ColumnChoice>>,
  add: AddRow,
): { table: PastedTable; next: number } {
  const { delimiter, cells: columns } = header;
  const records: TableRecord[] = [];
  let k = index + 1;
  while (k < lines.length) {
    const line = lines[k] as string;
    if (line.trim() === '' || !line.includes(delimiter)) break;
    const { cells, last } = readRecord(lines, k, delimiter);
    records.push({ line: k + 1, cells });
    k = last + 1;
  }
  const detected = detectColumns(columns, (i) => holdsAddresses(records, i));
  const key = tableKey(columns);
  const choice = choices[key];
  const chosen =
    choice !== undefined &&
    choice.email >= 0 &&
    choice.email < columns.length &&
    (choice.role === null || (choice.role >= 0 && choice.role < columns.length));
  const email = chosen ? choice.email : detected.email;
  const role = chosen ? choice.role : detected.role;
  if (email !== null) {
    const read = { email, role, name: detected.name, first: detected.first, last: detected.last };
    for (const record of records) addRecord(record, read, add);
  }
  const table: PastedTable = {
    headerLine: index + 1,
    lastLine: records.length > 0 ? k : index + 1,
    columns,
    key,
    detected,
    email,
    role,
    chosen,
    rowCount: records.length,
    sample: records[0]?.cells.map((c) => c.text.trim()) ?? [],
  };
  return { table, next: k };
}
