// Turns whatever people paste or upload (address lists, mail clients' To: lines, spreadsheet copies,
// CSV exports) into one row per address. Pure and linear in the input, so it runs on every keystroke.

import { type PastedTable, readHeader, readTable } from './parse-table.ts';
import { cleanLine, entryAddresses, type Found, splitEntries, straightQuotes } from './paste-entries.ts';
import { type AddRow, GUEST_ACCOUNT, NO_ADDRESS, type ParsedAddress } from './paste-rows.ts';
import type { ColumnChoice } from './table-columns.ts';
import { type Cell, splitRecord } from './table-records.ts';

export interface ParsedPaste {
  rows: ParsedAddress[];
  /** The tables with a header row, wherever they are in the box. */
  tables: PastedTable[];
  /** Header rows (never rows themselves): of the tables, and a lone "Email" above a pasted column. */
  headerLines: number[];
}

export interface ParseOptions {
  /** The admin's email (and role) column per table, by `PastedTable.key`. */
  columns?: Readonly<Record<string, ColumnChoice>> | undefined;
  /** Whether a cell names a known role: finds the role column of spreadsheet rows without a header. */
  isRole?: ((text: string) => boolean) | undefined;
}

const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029\f\v]/;
// Excel's delimiter hint, the first line of some exports: `sep=;`.
const SEPARATOR_HINT = /^\s*sep=[,;\t|]\s*$/i;
// A Microsoft 365 guest's user principal name: an account name, not the guest's own address.
const GUEST_UPN = /#EXT#@/i;

/**
 * Parses a paste: addresses separated by newlines, commas, semicolons, spaces or tabs; `Name <email>`,
 * `"Last, First" <email>` and Outlook's `Last, First <email>;`; `mailto:` links; tables with a header
 * row anywhere in the box (tab, comma or semicolon separated) and spreadsheet rows without one.
 */
export function parseAddresses(input: string, options: ParseOptions = {}): ParsedPaste {
  const rows: ParsedAddress[] = [];
  const tables: PastedTable[] = [];
  const headerLines: number[] = [];
  const lines = input.split(LINE_BREAK).map(cleanLine);
  const add: AddRow = (found, line, role, problem = null) => {
    const address = found.address.trim();
    rows.push({
      index: rows.length,
      line,
      column: found.start + 1,
      text: found.text,
      address,
      name: found.name,
      role,
      problem: problem ?? (GUEST_UPN.test(address) ? GUEST_ACCOUNT : null),
    });
  };

  // A header row counts anywhere; a header row without a known address column only where a block
  // starts (after a blank line, or first), so a row of a headerless spreadsheet copy is not taken for one.
  let blockStart = true;
  for (let n = 0; n < lines.length; ) {
    const line = lines[n] as string;
    if (line.trim() === '') {
      blockStart = true;
      n += 1;
      continue;
    }
    if (SEPARATOR_HINT.test(line)) {
      headerLines.push(n + 1);
      n += 1;
      continue;
    }
    const header = readHeader(lines, n, blockStart);
    blockStart = false;
    if (header && header.delimiter === '') {
      headerLines.push(n + 1);
      n += 1;
    } else if (header) {
      const { table, next } = readTable(lines, n, header, options.columns ?? {}, add);
      tables.push(table);
      headerLines.push(n + 1);
      n = next;
    } else if (line.includes('\t')) {
      n = readSpreadsheetRows(lines, n, options.isRole, add);
    } else {
      addFreeText(line, n + 1, add);
      n += 1;
    }
  }
  return { rows, tables, headerLines };
}

/** A line of addresses and names; curly quotes around a name read like straight ones. */
function addFreeText(line: string, lineNo: number, add: AddRow) {
  for (const entry of splitEntries(straightQuotes(line), 0))
    for (const found of entryAddresses(entry))
      add({ ...found, text: line.slice(found.start, found.start + found.text.length) }, lineNo, null);
}

/**
 * Spreadsheet rows without a header (consecutive lines with tabs): the cells with an @ are addresses;
 * a column where most cells name a known role is the role column; names, departments are ignored; a
 * row without any address is reported. Returns the index after the block.
 */
function readSpreadsheetRows(
  lines: readonly string[],
  start: number,
  isRole: ((text: string) => boolean) | undefined,
  add: AddRow,
): number {
  const block: Cell[][] = [];
  let end = start;
  while (end < lines.length && (lines[end] as string).includes('\t')) {
    if (end > start && readHeader(lines, end, false)) break;
    block.push(splitRecord(lines[end] as string, '\t'));
    end += 1;
  }
  const roleColumn = isRole ? findRoleColumn(block, isRole) : -1;
  block.forEach((cells, i) => {
    const lineNo = start + i + 1;
    const roleCell = cells[roleColumn]?.text.trim();
    const role = roleCell && !roleCell.includes('@') ? roleCell : null;
    const withAt = cells.filter((c) => c.text.includes('@'));
    if (withAt.length === 0) {
      const text = cells
        .map((c) => c.text.trim())
        .filter(Boolean)
        .join(' ');
      if (!/[\p{L}\p{N}]/u.test(text)) return;
      const found: Found = {
        text,
        start: (cells.find((c) => c.text.trim())?.start ?? 0) as number,
        address: '',
        name: null,
      };
      add(found, lineNo, role, NO_ADDRESS);
      return;
    }
    for (const cell of withAt)
      for (const entry of splitEntries(straightQuotes(cell.text), cell.start))
        for (const found of entryAddresses(entry)) add(found, lineNo, role);
  });
  return end;
}

/** The column where more cells name a known role than not (among cells without an address), or -1. */
function findRoleColumn(block: readonly Cell[][], isRole: (text: string) => boolean): number {
  const width = Math.max(0, ...block.map((cells) => cells.length));
  let best = -1;
  let bestHits = 0;
  for (let column = 0; column < width; column += 1) {
    let hits = 0;
    let others = 0;
    for (const cells of block) {
      const text = cells[column]?.text.trim() ?? '';
      if (!text || text.includes('@')) continue;
      if (isRole(text)) hits += 1;
      else others += 1;
    }
    if (hits > others && hits > bestHits) {
      best = column;
      bestHits = hits;
    }
  }
  return best;
}
