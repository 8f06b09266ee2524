import type { InvitationStatus } from '@invites/clerk-schema';

// The router (entry chunk) and every page's first render import this module. zod (even zod/mini,
// ~15 KB gzip) would break the 120 KB first-route budget, so URL values are checked by the small
// readers below; url-state.test.ts checks the names against the schema package and that every URL
// state maps to a query its zod schemas accept.
export const STATUS_VALUES = [
  'pending',
  'accepted',
  'revoked',
  'expired',
] as const satisfies readonly InvitationStatus[];
export const PAGE_SIZES = [10, 25, 50, 100, 500] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const SORT_VALUES = ['-created_at', 'created_at', '-email_address', 'email_address'] as const;
export type SortValue = (typeof SORT_VALUES)[number];
export type SortKey = 'created_at' | 'email_address';

export const DEFAULT_PAGE_SIZE: PageSize = 25;
export const DEFAULT_SORT: SortValue = '-created_at';

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

/** A positive whole number from a URL value ("3" or 3), else undefined. */
export function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Trimmed text of 1..320 characters, else undefined. */
function text(value: unknown): string | undefined {
  const t = typeof value === 'string' ? value.trim() : undefined;
  return t && t.length <= 320 ? t : undefined;
}

/** Known statuses in canonical order; unknown values are dropped. */
function statuses(value: unknown): InvitationStatus[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return STATUS_VALUES.filter((s) => list.includes(s));
}

/** Search params shared by both invitation lists; a missing key means the default. */
export interface ListSearch {
  status?: InvitationStatus[];
  sort?: SortValue;
  page?: number;
  pageSize?: PageSize;
}
export interface OrgInvitationsSearch extends ListSearch {
  email?: string;
}
export interface AllInvitationsSearch extends ListSearch {
  q?: string;
}

function validateList(raw: Record<string, unknown>): ListSearch {
  const canonical = statuses(raw.status);
  const sort = oneOf(SORT_VALUES, raw.sort);
  const page = positiveInt(raw.page);
  const size = positiveInt(raw.pageSize);
  const pageSize = PAGE_SIZES.find((s) => s === size);
  const out: ListSearch = {};
  if (canonical.length > 0) out.status = canonical;
  if (sort && sort !== DEFAULT_SORT) out.sort = sort;
  if (page && page > 1) out.page = page;
  if (pageSize && pageSize !== DEFAULT_PAGE_SIZE) out.pageSize = pageSize;
  return out;
}

/** Validates `/orgs/:orgId/invitations` search params; invalid or default values are dropped. */
export function validateOrgInvitationsSearch(raw: Record<string, unknown>): OrgInvitationsSearch {
  const email = text(raw.email);
  return { ...validateList(raw), ...(email ? { email } : {}) };
}

/** Validates `/invitations` search params; invalid or default values are dropped. */
export function validateAllInvitationsSearch(raw: Record<string, unknown>): AllInvitationsSearch {
  const q = text(raw.q);
  return { ...validateList(raw), ...(q ? { q } : {}) };
}

/** Validates `/sign-in`'s `redirect`: only a same-origin path is kept. */
export function validateSignInSearch(raw: Record<string, unknown>): { redirect?: string } {
  const redirect = safeRedirect(raw.redirect);
  return redirect ? { redirect } : {};
}

/** A same-origin path (`/…`, never `//…`), else undefined. */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\/(?![/\\])/.test(value) && value.length <= 2048 ? value : undefined;
}

/** The list state with every default filled in. */
export function resolveListSearch(search: ListSearch) {
  return {
    status: search.status ?? [],
    sort: search.sort ?? DEFAULT_SORT,
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
  };
}

/** Clerk's list query (`status`, `order_by`, `limit`, `offset`) for the list state. */
export function toListQuery(search: ListSearch) {
  const { status, sort, page, pageSize } = resolveListSearch(search);
  return { status, order_by: sort, limit: pageSize, offset: (page - 1) * pageSize };
}

/** Parses a URL query string; repeated keys become arrays (the router's `parseSearch`). */
export function parseSearch(searchStr: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(searchStr)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** Serialises search params; arrays repeat their key, undefined is left out (the router's `stringifySearch`). */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The next sort when a column header is clicked: same key flips direction, a new key starts ascending (Email) or newest first (Created). */
export function nextSort(current: SortValue, key: SortKey): SortValue {
  const currentKey = current.replace(/^[-+]/, '');
  if (currentKey !== key) return key === 'created_at' ? '-created_at' : 'email_address';
  return (current.startsWith('-') ? key : `-${key}`) as SortValue;
}
