import type { BulkJob } from '@invites/clerk-schema';

// `line` first: the file reads against the paste it came from, one row per pasted entry.
const HEADER = ['line', 'email_address', 'role', 'outcome', 'invitation_id', 'code', 'message'] as const;
// Reissue and revoke rows come from invitations, not a paste: they name the invitation they acted on.
const LIFECYCLE_HEADER = [
  'email_address',
  'role',
  'outcome',
  'invitation_id',
  'source_invitation_id',
  'code',
  'message',
] as const;

/** One CSV cell: neutralises spreadsheet formulas and quotes when needed (RFC 4180). */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  // A leading = + - @ (or tab / CR) makes spreadsheets evaluate the cell (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The job's rows as a CSV document (CRLF line endings, header first). */
export function bulkJobResultsCsv(job: Pick<BulkJob, 'rows'> & { kind?: BulkJob['kind'] }): string {
  if (job.kind !== undefined && job.kind !== 'invite') {
    const lines = [LIFECYCLE_HEADER.join(',')];
    for (const row of job.rows)
      lines.push(LIFECYCLE_HEADER.map((key) => csvCell(row[key] ?? null)).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }
  const lines = [HEADER.join(',')];
  for (const row of job.rows) {
    const cells = HEADER.map((key) => (key === 'line' ? String(row.line ?? '') : csvCell(row[key])));
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
