import { sessionDraft } from '../../../lib/session-draft.ts';
import type { ColumnChoice } from './table-columns.ts';

/** Everything typed or chosen on the bulk invite page, kept until a job starts. */
export interface BulkDraft {
  text: string;
  /** The default role's key; empty until the roles load. */
  role: string;
  /** Re-issue the rows that already have a pending invitation (revoked, then sent again). */
  includePending: boolean;
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
  includePending: false,
  includeMembers: false,
  columns: {},
  rowRoles: {},
  rowIncludes: {},
  expiresInDays: '30',
  redirectUrl: '',
  notify: true,
};

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

/** The stored draft; a value of the wrong type falls back to blank. */
function readBulkDraft(stored: Record<string, unknown>): BulkDraft {
  const pick = <K extends keyof BulkDraft>(name: K, is: (v: unknown) => boolean): BulkDraft[K] =>
    (is(stored[name]) ? stored[name] : BLANK_BULK_DRAFT[name]) as BulkDraft[K];
  return {
    text: pick('text', isString),
    role: pick('role', isString),
    includePending: pick('includePending', isBoolean),
    includeMembers: pick('includeMembers', isBoolean),
    columns: record(stored.columns, isChoice),
    rowRoles: record(stored.rowRoles, isString),
    rowIncludes: record(stored.rowIncludes, isBoolean),
    expiresInDays: pick('expiresInDays', isString),
    redirectUrl: pick('redirectUrl', isString),
    notify: pick('notify', isBoolean),
  };
}

/** True when nothing was typed or chosen (the default role picked for the user does not count). */
export function isBlankBulkDraft(draft: BulkDraft): boolean {
  return (
    draft.text.trim() === '' &&
    !draft.includePending &&
    !draft.includeMembers &&
    Object.keys(draft.rowRoles).length === 0 &&
    Object.keys(draft.rowIncludes).length === 0 &&
    draft.expiresInDays === BLANK_BULK_DRAFT.expiresInDays &&
    draft.redirectUrl.trim() === '' &&
    draft.notify
  );
}

/** The bulk invite page's draft for an organization, kept until its job starts. */
const bulkDraft = sessionDraft<BulkDraft>({
  name: 'bulk-invite-draft',
  read: readBulkDraft,
  isBlank: isBlankBulkDraft,
});

export const loadBulkDraft = bulkDraft.load;
export const saveBulkDraft = bulkDraft.save;
export const clearBulkDraft = bulkDraft.clear;
