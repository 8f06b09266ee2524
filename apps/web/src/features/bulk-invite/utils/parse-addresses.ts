// Turns whatever people paste (lists, address-book lines, spreadsheet columns) into one row per
// address. Pure and linear in the input: 10,000 lines parse in a few milliseconds.

import { cleanLine, entryAddresses, type Found, splitCells, splitEntries } from './paste-entries.ts';

/** One address found in a paste. */
export interface ParsedAddress {
  /** Position in the paste, from 0. */
  index: number;
  /** Line of the paste, from 1. */
  line: number;
  /** Column where the entry starts in its line, from 1 (after invisible characters are removed). */
  column: number;
  /** The entry as written, e.g. `"Lovelace, Ada" <ada@acme.example>`. */
  text: string;
  /** The extracted address, trimmed; not validated and not lower-cased. */
  address: string;
  /** The display name, when the entry had one. */
  name: string | null;
  /** The Role cell of a pasted table with a header row, as written. */
  role: string | null;
  /** Why the entry holds no address at all (a table row with an empty Email cell), else null. */
  problem: string | null;
}

export interface ParsedPaste {
  rows: ParsedAddress[];
  /** The header row of a pasted table (skipped), from 1, or null. */
  headerLine: number | null;
}

const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029\f\v]/;
const EMAIL_HEADER = /^(e-?mail|e-?mail[ _-]?address(es)?|emails?|address)$/i;
const NAME_HEADER = /^(name|full[ _-]?name|display[ _-]?name)$/i;
const FIRST_HEADER = /^(first[ _-]?name|given[ _-]?name)$/i;
const LAST_HEADER = /^(last[ _-]?name|surname|family[ _-]?name)$/i;
const ROLE_HEADER = /^role$/i;

interface Header {
  delimiter: string;
  email: number;
  name: number;
  first: number;
  last: number;
  role: number;
}

const unquote = (cell: string) =>
  cell
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();

/** A header row of a pasted table: no address, and an Email column. */
function readHeader(line: string): Header | null {
  if (line.includes('@')) return null;
  const delimiter = line.includes('\t') ? '\t' : line.includes(',') ? ',' : line.includes(';') ? ';' : '\t';
  const cells = splitCells(line, delimiter).map((c) => unquote(c.text));
  const email = cells.findIndex((c) => EMAIL_HEADER.test(c));
  if (email < 0) return null;
  return {
    delimiter,
    email,
    name: cells.findIndex((c) => NAME_HEADER.test(c)),
    first: cells.findIndex((c) => FIRST_HEADER.test(c)),
    last: cells.findIndex((c) => LAST_HEADER.test(c)),
    role: cells.findIndex((c) => ROLE_HEADER.test(c)),
  };
}

/** Parses a paste: addresses separated by newlines, commas, semicolons, spaces or tabs; `Name <email>`
 * and `"Last, First" <email>` forms; spreadsheet columns, with or without a header row. */
export function parseAddresses(input: string): ParsedPaste {
  const rows: ParsedAddress[] = [];
  const lines = input.split(LINE_BREAK);
  let header: Header | null = null;
  let headerLine: number | null = null;
  const add = (found: Found, line: number, role: string | null, problem: string | null = null) => {
    rows.push({
      index: rows.length,
      line,
      column: found.start + 1,
      text: found.text,
      address: found.address.trim(),
      name: found.name,
      role,
      problem,
    });
  };

  for (let n = 0; n < lines.length; n += 1) {
    const line = cleanLine(lines[n] as string);
    if (line.trim() === '') continue;
    const lineNo = n + 1;
    if (headerLine === null && rows.length === 0) {
      header = readHeader(line);
      if (header) {
        headerLine = lineNo;
        continue;
      }
    }
    if (header && (header.delimiter !== '\t' || line.includes('\t'))) {
      readTableRow(line, lineNo, header, add);
      continue;
    }
    if (line.includes('\t')) {
      // A spreadsheet row without a header: the cells with an @ are addresses, the rest (names,
      // departments) is ignored; a row without any address is reported.
      const cells = splitCells(line, '\t').filter((c) => c.text.trim() !== '');
      const withAt = cells.filter((c) => c.text.includes('@'));
      if (withAt.length === 0) {
        if (!/[\p{L}\p{N}]/u.test(line)) continue;
        const text = line.replaceAll('\t', ' ').trim();
        add({ text, start: line.indexOf(text[0] ?? ''), address: '', name: null }, lineNo, null, NO_ADDRESS);
        continue;
      }
      for (const cell of withAt)
        for (const entry of splitEntries(cell.text, cell.start))
          for (const found of entryAddresses(entry)) add(found, lineNo, null);
      continue;
    }
    for (const entry of splitEntries(line, 0))
      for (const found of entryAddresses(entry)) add(found, lineNo, null);
  }
  return { rows, headerLine };
}

const NO_ADDRESS = 'has no email address';

function readTableRow(
  line: string,
  lineNo: number,
  header: Header,
  add: (found: Found, line: number, role: string | null, problem?: string | null) => void,
) {
  const cells = splitCells(line, header.delimiter);
  const cell = (i: number) => (i >= 0 ? unquote(cells[i]?.text ?? '') : '');
  const emailCell = cells[header.email];
  const role = cell(header.role) || null;
  const name = cell(header.name) || [cell(header.first), cell(header.last)].filter(Boolean).join(' ') || null;
  const found = emailCell ? splitEntries(emailCell.text, emailCell.start).flatMap(entryAddresses) : [];
  if (found.length === 0) {
    const text = line.replaceAll(header.delimiter, ' ').trim();
    add(
      { text, start: Math.max(0, line.indexOf(text[0] ?? '')), address: '', name },
      lineNo,
      role,
      NO_ADDRESS,
    );
    return;
  }
  for (const f of found) add({ ...f, name: f.name ?? name }, lineNo, role);
}
