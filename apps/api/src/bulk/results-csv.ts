import type { BulkJob } from '@invites/clerk-schema';

const HEADER = ['email_address', 'role', 'outcome', 'invitation_id', 'code', 'message'] as const;
// Reissue and revoke rows also name the invitation they acted on (a reissue's old one).
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
  const header = job.kind === undefined || job.kind === 'invite' ? HEADER : LIFECYCLE_HEADER;
  const lines = [header.join(',')];
  for (const row of job.rows) lines.push(header.map((key) => csvCell(row[key] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
