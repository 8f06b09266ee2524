import type { BulkJob } from '@invites/clerk-schema';

// `line` first: the file reads against the paste it came from, one row per pasted entry.
const HEADER = ['line', 'email_address', 'role', 'outcome', 'invitation_id', 'code', 'message'] as const;
// A paste whose rows with a pending invitation were re-issued also names the invitation each replaced.
const REISSUED_HEADER = [
  'line',
  'email_address',
  'role',
  'outcome',
  'invitation_id',
  'source_invitation_id',
  'code',
  'message',
] as const;
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
  const header = job.rows.some((r) => r.source_invitation_id) ? REISSUED_HEADER : HEADER;
  const lines = [header.join(',')];
  for (const row of job.rows) {
    const cells = header.map((key) => (key === 'line' ? String(row.line ?? '') : csvCell(row[key] ?? null)));
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
