import Papa from 'papaparse';

/** One data row of an uploaded CSV. */
export interface CsvRow {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  email: string;
  name: string | null;
  role: string | null;
}

export type CsvResult =
  | { ok: true; rows: CsvRow[]; warnings: string[] }
  | { ok: false; error: string; warnings?: undefined };

const EMAIL_COLUMNS = ['email', 'email_address', 'email address', 'e-mail', 'e-mail address'];
const NAME_COLUMNS = ['name', 'full_name', 'full name', 'display_name', 'display name'];
const FIRST_COLUMNS = ['first_name', 'first name', 'given_name'];
const LAST_COLUMNS = ['last_name', 'last name', 'family_name', 'surname'];

const normalizeHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/** The header line's delimiter: the most frequent of comma, semicolon and tab (papaparse's own guess
 * gives up on a one-row file ending in a newline). */
function headerDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => header.split(ch).length - 1;
  return [',', ';', '\t'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

/**
 * Reads a CSV with an `email` (or `email_address`) column, matched case-insensitively, and an optional
 * `role` column (plus `name` or `first_name`/`last_name`). Comma, semicolon or tab delimited; quoted
 * fields (commas, quotes, line breaks inside), a BOM and CRLF line ends.
 */
export function parseCsv(text: string): CsvResult {
  const input = text.replace(/^\uFEFF/, '');
  if (input.trim() === '') return { ok: false, error: 'The file is empty.' };
  const parsed = Papa.parse<Record<string, string | undefined>>(input, {
    header: true,
    delimiter: headerDelimiter(input),
    skipEmptyLines: false,
    transformHeader: normalizeHeader,
  });
  const fields = (parsed.meta.fields ?? []).filter((f) => f !== '');
  const column = (names: string[]) => fields.find((f) => names.includes(f));
  const email = column(EMAIL_COLUMNS);
  if (!email) {
    const found = fields.length > 0 ? ` Its columns are: ${fields.join(', ')}.` : '';
    return {
      ok: false,
      error: `This CSV has no "email" column.${found} Name the column holding the addresses "email".`,
    };
  }
  const name = column(NAME_COLUMNS);
  const first = column(FIRST_COLUMNS);
  const last = column(LAST_COLUMNS);
  const role = column(['role']);
  const warnings: string[] = [];
  // A short row (no role cell) is fine; a long one or broken quoting is worth a word.
  for (const error of parsed.errors) {
    if (error.code === 'TooManyFields' && error.row !== undefined)
      warnings.push(`Row ${error.row + 2} has more cells than the header.`);
    else if (error.type === 'Quotes') warnings.push(`${error.message}; check the quotes in the file.`);
    if (warnings.length >= 5) break;
  }
  const rows: CsvRow[] = [];
  const missing: number[] = [];
  parsed.data.forEach((record, i) => {
    const value = (key: string | undefined) => (key ? (record[key] ?? '').trim() : '');
    const address = value(email);
    const fullName = value(name) || [value(first), value(last)].filter(Boolean).join(' ');
    if (!address) {
      if (Object.values(record).some((v) => typeof v === 'string' && v.trim() !== '')) missing.push(i + 2);
      return;
    }
    rows.push({ row: i + 2, email: address, name: fullName || null, role: value(role) || null });
  });
  if (missing.length > 0) {
    const list =
      missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
    warnings.push(`Skipped ${missing.length === 1 ? 'row' : 'rows'} ${list}: no email address.`);
  }
  if (rows.length === 0) return { ok: false, error: 'The "email" column is empty.' };
  return { ok: true, rows, warnings };
}
