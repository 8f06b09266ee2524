import { emailProblem, normalizeEmail } from '@invites/clerk-schema/email-rules';
import type { ParsedAddress } from './parse-addresses.ts';

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
  /** Send rows that already have a pending invitation / belong to a member (default: skip them). */
  includePending: boolean;
  includeMembers: boolean;
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
  /** Pending and member rows: the user may choose to send them anyway. */
  includable: boolean;
  /** Will be sent. */
  include: boolean;
  role: string;
  /** Said when the row's Role cell names no known role. */
  roleNote: string | null;
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

/** Classifies every row: ready, invalid, duplicate, already pending or already a member; and whether it is sent. */
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
    const cellRole = row.role ? resolveRole(row.role, options.roles) : null;
    const role = options.rowRoles[row.email] ?? cellRole ?? options.defaultRole;
    const roleNote =
      row.role && !cellRole && options.roles && !options.rowRoles[row.email]
        ? `Unknown role "${row.role}"; the default role is used.`
        : null;
    let status: RowClass = 'ready';
    let reason: string | null = null;
    let matchId: string | null = null;
    let include = false;
    const invitationId = check.status === 'done' ? check.pending.get(row.email) : undefined;
    const userId = check.status === 'done' ? check.members.get(row.email) : undefined;
    if (row.invalid) {
      status = 'invalid';
      reason = `This address ${row.invalid}.`;
    } else if (row.duplicateOfLine !== null) {
      status = 'duplicate';
      reason = `Duplicate of line ${row.duplicateOfLine}.`;
    } else if (userId !== undefined) {
      status = 'member';
      reason = 'Already a member.';
      matchId = userId;
      include = options.rowIncludes[row.email] ?? options.includeMembers;
    } else if (invitationId !== undefined) {
      status = 'pending';
      reason = 'Already has a pending invitation.';
      matchId = invitationId;
      include = options.rowIncludes[row.email] ?? options.includePending;
    } else {
      include = true;
    }
    counts[status] += 1;
    if (include) counts.send += 1;
    const ready = status === 'ready';
    // One object per row: a 10,000-row paste is classified on every keystroke.
    return {
      ...row,
      role,
      roleNote,
      status,
      reason,
      matchId,
      checking: ready && check.status === 'checking',
      unchecked: ready && check.status === 'error',
      includable: status === 'pending' || status === 'member',
      include,
    };
  });
  return { rows: out, counts };
}

/** The job's rows: every row that will be sent, with its role. */
export function toJobRows(rows: readonly PreviewRow[]): { email_address: string; role: string }[] {
  return rows.filter((r) => r.include).map((r) => ({ email_address: r.email, role: r.role }));
}
