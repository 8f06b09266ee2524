// Cells of a delimited table in the paste box (a CSV export or a spreadsheet copy). Our own reader and
// not papaparse: the box mixes tables with address lists and free text, so where a table starts and
// ends is found line by line as the box is read on every keystroke; this reads one record at a time.

export interface Cell {
  /** The cell's value: unquoted, `""` read as `"`. */
  text: string;
  /** Where the cell starts in its record, from 0. */
  start: number;
}

interface Scan {
  cells: Cell[];
  /** A quote opened at the start of the last cell is still open at the end of the text. */
  open: boolean;
}

/** Splits a record into cells as RFC 4180 reads them: a quote is special only at a cell's start. */
function scan(text: string, delimiter: string): Scan {
  const cells: Cell[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let j = i;
    while (text[j] === ' ') j += 1;
    let value = '';
    let open = false;
    if (text[j] === '"') {
      let k = j + 1;
      open = true;
      while (k < text.length) {
        if (text[k] === '"') {
          if (text[k + 1] === '"') {
            value += '"';
            k += 2;
            continue;
          }
          open = false;
          k += 1;
          break;
        }
        value += text[k];
        k += 1;
      }
      i = k;
    }
    const end = open ? text.length : text.indexOf(delimiter, i);
    const stop = end < 0 ? text.length : end;
    value = text[j] === '"' ? value + text.slice(i, stop) : text.slice(start, stop);
    cells.push({ text: value, start });
    if (open || stop >= text.length) return { cells, open };
    i = stop + delimiter.length;
    if (i >= text.length) {
      cells.push({ text: '', start: i });
      return { cells, open: false };
    }
  }
}

/** The cells of one record. */
export function splitRecord(text: string, delimiter: string): Cell[] {
  return scan(text, delimiter).cells;
}

/** Whether a record is cut by a line break inside a quoted cell (it goes on on the next line). */
export function endsInsideQuotes(text: string, delimiter: string): boolean {
  return scan(text, delimiter).open;
}

/** How many times `ch` separates cells in `line` (outside quoted cells). */
function count(line: string, ch: string): number {
  return scan(line, ch).cells.length - 1;
}

/**
 * The delimiter of a table's header line: a tab when there is one (a spreadsheet copy), else the more
 * frequent of comma and semicolon (CSV, European CSV); null for a single cell.
 */
export function headerDelimiter(line: string): string | null {
  if (line.includes('\t')) return '\t';
  const commas = count(line, ',');
  const semicolons = count(line, ';');
  if (commas === 0 && semicolons === 0) return null;
  return semicolons > commas ? ';' : ',';
}

/** Records spanning a few lines are fine; an unclosed quote does not swallow the rest of the box. */
const MAX_RECORD_LINES = 50;

/**
 * The cells of the record starting at `lines[index]`, joined with the next lines while a quoted cell
 * is open, and the index of its last line. One scan per line: a 1,000-row export is read per keystroke.
 */
export function readRecord(
  lines: readonly string[],
  index: number,
  delimiter: string,
): { cells: Cell[]; last: number } {
  const first = scan(lines[index] ?? '', delimiter);
  if (!first.open) return { cells: first.cells, last: index };
  let text = lines[index] ?? '';
  for (let last = index + 1; last < lines.length && last - index <= MAX_RECORD_LINES; last += 1) {
    text += `\n${lines[last]}`;
    const joined = scan(text, delimiter);
    if (!joined.open) return { cells: joined.cells, last };
  }
  // Never closed: the record is its first line alone.
  return { cells: first.cells, last: index };
}
