import type { BulkJob } from '@invites/clerk-schema';

// `line` first: the file reads against the paste it came from, one row per pasted entry.
const HEADER = ['line', 'email_address', 'role', 'outcome', 'invitation_id', 'code', 'message'] as const;

/** One CSV cell: neutralises spreadsheet formulas and quotes when needed (RFC 4180). */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  // A leading = + - @ (or tab / CR) makes spreadsheets evaluate the cell (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The job's rows as a CSV document (CRLF line endings, header first). */
export function bulkJobResultsCsv(job: Pick<BulkJob, 'rows'>): string {
  const lines = [HEADER.join(',')];
  for (const row of job.rows) {
    const cells = HEADER.map((key) => (key === 'line' ? String(row.line ?? '') : csvCell(row[key])));
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
