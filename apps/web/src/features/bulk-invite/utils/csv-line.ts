import type { CsvRow } from './parse-csv.ts';

const NEEDS_QUOTES = /[",;<>@\\]/;
const NEEDS_ANGLES = /[\s,;<>"]/;

/** A CSV row as a line of the paste box: `Name <email>`, quoting the name when needed. */
export function csvRowToLine(row: Pick<CsvRow, 'email' | 'name'>): string {
  if (!row.name) return NEEDS_ANGLES.test(row.email) ? `<${row.email.replace(/[<>]/g, '')}>` : row.email;
  const name = NEEDS_QUOTES.test(row.name) ? `"${row.name.replace(/["\\]/g, '\\$&')}"` : row.name;
  return `${name} <${row.email.replace(/[<>]/g, '')}>`;
}
