import type { ColumnChoice } from './table-columns.ts';

/** Everything typed or chosen on the bulk invite page, kept until a job starts. */
export interface BulkDraft {
  text: string;
  /** The default role's key; empty until the roles load. */
  role: string;
  includeMembers: boolean;
  /** The email (and role) column the admin picked per table of the paste, by the table's header. */
  columns: Record<string, ColumnChoice>;
  /** Per-address role and include choices, keyed by the lower-cased address. */
  rowRoles: Record<string, string>;
  rowIncludes: Record<string, boolean>;
  /** The option fields as typed. */
  expiresInDays: string;
  redirectUrl: string;
  notify: boolean;
}

export const BLANK_BULK_DRAFT: BulkDraft = {
  text: '',
  role: '',
  includeMembers: false,
  columns: {},
  rowRoles: {},
  rowIncludes: {},
  expiresInDays: '30',
  redirectUrl: '',
  notify: true,
};

const key = (orgId: string) => `bulk-invite-draft:${orgId}`;

function record<T>(value: unknown, isValue: (v: unknown) => v is T): Record<string, T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, T] => isValue(entry[1])));
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isColumn = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isChoice = (v: unknown): v is ColumnChoice => {
  const c = v as Partial<ColumnChoice> | null;
  return typeof c === 'object' && c !== null && isColumn(c.email) && (c.role === null || isColumn(c.role));
};

/** The draft kept for this organization in this tab; a value of the wrong type falls back to blank. */
export function loadBulkDraft(orgId: string): BulkDraft | null {
  let raw: Record<string, unknown>;
  try {
    const text = sessionStorage.getItem(key(orgId));
    if (!text) return null;
    raw = JSON.parse(text) as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null) return null;
  } catch {
    return null;
  }
  const pick = <K extends keyof BulkDraft>(name: K, is: (v: unknown) => boolean): BulkDraft[K] =>
    (is(raw[name]) ? raw[name] : BLANK_BULK_DRAFT[name]) as BulkDraft[K];
  return {
    text: pick('text', isString),
    role: pick('role', isString),
    includeMembers: pick('includeMembers', isBoolean),
    columns: record(raw.columns, isChoice),
    rowRoles: record(raw.rowRoles, isString),
    rowIncludes: record(raw.rowIncludes, isBoolean),
    expiresInDays: pick('expiresInDays', isString),
    redirectUrl: pick('redirectUrl', isString),
    notify: pick('notify', isBoolean),
  };
}

/** True when nothing was typed or chosen (the default role picked for the user does not count). */
export function isBlankBulkDraft(draft: BulkDraft): boolean {
  return (
    draft.text.trim() === '' &&
    !draft.includeMembers &&
    Object.keys(draft.rowRoles).length === 0 &&
    Object.keys(draft.rowIncludes).length === 0 &&
    draft.expiresInDays === BLANK_BULK_DRAFT.expiresInDays &&
    draft.redirectUrl.trim() === '' &&
    draft.notify
  );
}

/** Keeps the draft so a failed send, a reload or a detour loses nothing. */
export function saveBulkDraft(orgId: string, draft: BulkDraft): void {
  try {
    if (isBlankBulkDraft(draft)) sessionStorage.removeItem(key(orgId));
    else sessionStorage.setItem(key(orgId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the page still holds the values.
  }
}

/** Forgets the draft once its job has started. */
export function clearBulkDraft(orgId: string): void {
  try {
    sessionStorage.removeItem(key(orgId));
  } catch {
    // Nothing to clear.
  }
}
