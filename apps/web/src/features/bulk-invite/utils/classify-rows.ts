import type { BulkJobRowInput } from '@invites/clerk-schema';
import { emailProblem, normalizeEmail } from '@invites/clerk-schema/email-rules';
import type { ParsedAddress } from './paste-rows.ts';

export const ROW_CLASSES = ['ready', 'invalid', 'duplicate', 'pending', 'member'] as const;
/** What the preview says about a row. */
export type RowClass = (typeof ROW_CLASSES)[number];

/** A parsed row after the checks that need no live data: its address's syntax and duplicates. */
export interface ValidatedRow extends ParsedAddress {
  /** The address as Clerk stores it (trimmed, lower-cased). */
  email: string;
  /** Why the address is not one Clerk accepts, else null. */
  invalid: string | null;
  /** Line of the first row with the same address, when this one repeats it. */
  duplicateOfLine: number | null;
}

export interface ValidatedPaste {
  rows: ValidatedRow[];
  /** The valid addresses, each once, in paste order: what the live check asks about. */
  unique: string[];
}

/** Validates every address (with the schema package's rules, the ones the api applies) and marks repeats. */
export function validateRows(parsed: readonly ParsedAddress[]): ValidatedPaste {
  const firstLine = new Map<string, number>();
  const unique: string[] = [];
  const rows = parsed.map((row): ValidatedRow => {
    const email = normalizeEmail(row.address);
    const invalid = row.problem ?? emailProblem(row.address);
    if (invalid) return { ...row, email, invalid, duplicateOfLine: null };
    const first = firstLine.get(email);
    if (first !== undefined) return { ...row, email, invalid: null, duplicateOfLine: first };
    firstLine.set(email, row.line);
    unique.push(email);
    return { ...row, email, invalid: null, duplicateOfLine: null };
  });
  return { rows, unique };
}

/** The live check as the preview knows it. `done` maps addresses to an invitation or user id. */
export type CheckState =
  | { status: 'checking' }
  | { status: 'error' }
  | {
      status: 'done';
      pending: ReadonlyMap<string, string>;
      members: ReadonlyMap<string, string>;
    };

export interface RoleOption {
  key: string;
  name: string;
}

export interface ClassifyOptions {
  check: CheckState;
  defaultRole: string;
  /** Known roles, to read a Role column ("admin", "Admin", "org:admin"); undefined while loading. */
  roles?: readonly RoleOption[] | undefined;
  /** Send rows of people who are already members (default: skip them). */
  includeMembers: boolean;
  /**
   * Re-issue rows that already have a pending invitation (default: skip them): the job revokes that
   * invitation and sends it again (the resend path), since Clerk would refuse a second one.
   */
  includePending?: boolean | undefined;
  /** Per-address choices, keyed by the lower-cased address. */
  rowIncludes: Readonly<Record<string, boolean>>;
  rowRoles: Readonly<Record<string, string>>;
}

/** A row of the preview. */
export interface PreviewRow extends ValidatedRow {
  status: RowClass;
  /** Why the row is not ready, in words. */
  reason: string | null;
  /** The pending invitation's or the member's id. */
  matchId: string | null;
  /** Waiting for the live check. */
  checking: boolean;
  /** The live check failed, so the row could not be checked. */
  unchecked: boolean;
  /** Member rows and rows with a pending invitation: the user may choose to send them anyway. */
  includable: boolean;
  /** Will be sent. */
  include: boolean;
  /** The role key it is sent with; empty while roles load, or when its role cell names no known role. */
  role: string;
  /** The row's role cell names no known role: an error on this row until one is chosen. */
  roleProblem: boolean;
  /** The role cell as written, when the row came with one. */
  roleCell: string | null;
}

export type PreviewCounts = Record<RowClass, number> & { total: number; send: number };

/** A Role cell as a role key: the key itself, the key without `org:`, or the role's name. */
export function resolveRole(text: string, roles: readonly RoleOption[] | undefined): string | null {
  const value = text.trim().toLowerCase();
  if (!roles || !value) return null;
  const match = roles.find(
    (r) =>
      r.key.toLowerCase() === value ||
      r.key.toLowerCase() === `org:${value}` ||
      r.name.toLowerCase() === value,
  );
  return match?.key ?? null;
}

/** The row's role: a per-row choice, its role cell, or the default; `problem` for an unknown role cell. */
function rowRole(row: ValidatedRow, options: ClassifyOptions): { role: string; problem: boolean } {
  const chosen = options.rowRoles[row.email];
  if (chosen) return { role: chosen, problem: false };
  if (!row.role) return { role: options.defaultRole, problem: false };
  if (!options.roles) return { role: '', problem: false };
  const key = resolveRole(row.role, options.roles);
  return key ? { role: key, problem: false } : { role: '', problem: true };
}

/** Why a row that is not sent is left out, in words; null for a ready row. */
function statusOf(
  row: ValidatedRow,
  check: CheckState,
): { status: RowClass; reason: string | null; matchId: string | null } {
  if (row.invalid)
    return {
      status: 'invalid',
      reason: row.problem ?? `This address ${row.invalid}.`,
      matchId: null,
    };
  if (row.duplicateOfLine !== null)
    return { status: 'duplicate', reason: `Duplicate of line ${row.duplicateOfLine}.`, matchId: null };
  if (check.status === 'done') {
    const userId = check.members.get(row.email);
    if (userId !== undefined) return { status: 'member', reason: 'Already a member.', matchId: userId };
    const invitationId = check.pending.get(row.email);
    if (invitationId !== undefined)
      return { status: 'pending', reason: 'Already has a pending invitation.', matchId: invitationId };
  }
  return { status: 'ready', reason: null, matchId: null };
}

/**
 * Classifies every row: ready, invalid (its address, or a role cell naming no known role),
 * duplicate, already pending or already a member; and whether it is sent.
 */
export function classifyRows(
  rows: readonly ValidatedRow[],
  options: ClassifyOptions,
): { rows: PreviewRow[]; counts: PreviewCounts } {
  const counts: PreviewCounts = {
    total: rows.length,
    send: 0,
    ready: 0,
    invalid: 0,
    duplicate: 0,
    pending: 0,
    member: 0,
  };
  const { check } = options;
  const out = rows.map((row): PreviewRow => {
    const { role, problem } = rowRole(row, options);
    let { status, reason, matchId } = statusOf(row, check);
    let include =
      status === 'ready' ||
      (status === 'member' && (options.rowIncludes[row.email] ?? options.includeMembers)) ||
      (status === 'pending' && (options.rowIncludes[row.email] ?? options.includePending ?? false));
    // An unknown role is an error on a row that would be sent, never a silent default.
    if (problem && include) {
      status = 'invalid';
      reason = `Unknown role "${row.role}": choose this row's role.`;
      matchId = null;
      include = false;
    }
    counts[status] += 1;
    if (include) counts.send += 1;
    const ready = status === 'ready';
    // One object per row: a 10,000-row paste is classified on every keystroke.
    return {
      ...row,
      role,
      roleProblem: problem,
      roleCell: row.role,
      status,
      reason,
      matchId,
      checking: ready && check.status === 'checking',
      unchecked: ready && check.status === 'error',
      includable: status === 'member' || status === 'pending',
      include,
    };
  });
  return { rows: out, counts };
}

/** Longest pasted text a left-out row keeps (the schema's limits): results stay about rows. */
const MAX_TEXT = 200;
const MAX_MESSAGE = 300;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function leftOutReason(r: PreviewRow): NonNullable<BulkJobRowInput['left_out']>['reason'] {
  if (r.status === 'invalid') return r.invalid ? 'invalid' : 'unknown_role';
  return r.status === 'ready' ? 'invalid' : r.status;
}

/**
 * The job's rows: every row of the preview, in paste order, with its line. Rows that are not sent
 * say why (`left_out`), so the job's results and their CSV account for every pasted line.
 */
export function toJobRows(rows: readonly PreviewRow[], defaultRole: string): BulkJobRowInput[] {
  return rows.map((r): BulkJobRowInput => {
    // A pending one sent anyway is re-issued: the job revokes that invitation and sends it again.
    if (r.include && r.status === 'pending' && r.matchId)
      return { email_address: r.email, role: r.role, line: r.line, reissue_invitation_id: r.matchId };
    if (r.include) return { email_address: r.email, role: r.role, line: r.line };
    return {
      email_address: cut(r.invalid ? r.address || r.text : r.email, MAX_TEXT),
      // A row left out for its role keeps the role it was pasted with, so the results show it.
      role: r.role || (r.roleProblem && r.roleCell ? cut(r.roleCell, 64) : defaultRole),
      line: r.line,
      left_out: { reason: leftOutReason(r), message: cut(r.reason ?? 'Not sent.', MAX_MESSAGE) },
    };
  });
}
