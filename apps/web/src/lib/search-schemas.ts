import {
  ACTIVITY_ACTIONS,
  BULK_ROW_OUTCOMES,
  EXPIRES_WITHIN_DAYS,
  INVITATION_ORDER_KEYS,
  INVITATION_STATUSES,
} from '@invites/clerk-schema/enums';
import { z } from 'zod/mini';

// Every list view's URL state, validated by the router (`validateSearch`) before a page renders. The
// router runs these on every first load, so they use zod/mini and the schema package's zod-free
// value lists: zod's classic API would not fit the first-route bundle budget. A value a hand-edited
// URL got wrong falls back to its default instead of failing the page; defaults are left out of the
// URL (`stripSearchParams` with the `…_DEFAULTS` below), so a plain URL stays plain.

export const PAGE_SIZES = [10, 25, 50, 100, 500] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const JOB_PAGE_SIZES = [50, 100, 500] as const;

type OrderKey = (typeof INVITATION_ORDER_KEYS)[number];
export type SortValue = OrderKey | `-${OrderKey}`;
export type SortKey = OrderKey;
export const SORT_VALUES = INVITATION_ORDER_KEYS.flatMap((key) => [`-${key}`, key] as const);

/** A number the URL holds as text (`page=2`); links and `navigate` give it as a number. */
function urlNumber<const T extends readonly number[]>(values: T, fallback: T[number]) {
  return z.catch(z._default(z.pipe(z.coerce.number<T[number]>(), z.literal(values)), fallback), fallback);
}

const page = z.catch(
  z._default(z.coerce.number<number>().check(z.int(), z.minimum(1), z.maximum(10_000_000)), 1),
  1,
);

/** A key that may repeat (`status=a&status=b`): the known values in the schema's order; others dropped. */
function repeated<const T extends readonly string[]>(values: T) {
  return z._default(
    z.transform((raw: T[number] | T[number][]) => {
      const list: unknown[] = Array.isArray(raw) ? raw : [raw];
      return values.filter((value) => list.includes(value)) as T[number][];
    }),
    [],
  );
}

/** Trimmed text of 1..`max` characters, else absent. */
function text(max: number) {
  return z.catch(z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max))), undefined);
}

/** A Clerk-style ID (`org_…`, `user_…`), else absent; the api decides what the user may see. */
const id = z.catch(z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_]{1,64}$/))), undefined);

/** A day, `YYYY-MM-DD` (a real date: `2026-02-30` is dropped). */
const day = z.catch(z.optional(z.iso.date()), undefined);

type InvitationStatus = (typeof INVITATION_STATUSES)[number];
type BulkRowOutcome = (typeof BULK_ROW_OUTCOMES)[number];

export const LIST_DEFAULTS: {
  status: InvitationStatus[];
  sort: SortValue;
  page: number;
  pageSize: PageSize;
} = {
  status: [],
  sort: '-created_at',
  page: 1,
  pageSize: 25,
};

export type ExpiresWithin = (typeof EXPIRES_WITHIN_DAYS)[number];

/** `expires_within=7`: pending invitations expiring within 3, 7, 14 or 30 days; absent for all. */
const expiresWithin = z.catch(
  z.optional(z.pipe(z.coerce.number<ExpiresWithin>(), z.literal(EXPIRES_WITHIN_DAYS))),
  undefined,
);

const listShape = {
  status: repeated(INVITATION_STATUSES),
  sort: z.catch(z._default(z.enum(SORT_VALUES), LIST_DEFAULTS.sort), LIST_DEFAULTS.sort),
  page,
  pageSize: urlNumber(PAGE_SIZES, LIST_DEFAULTS.pageSize),
  expires_within: expiresWithin,
};

/** `/orgs/$orgId/invitations`: status, sort, page, page size and an exact email filter. */
export const orgInvitationsSearch = z.object({ ...listShape, email: text(320) });
export type OrgInvitationsSearch = z.output<typeof orgInvitationsSearch>;

/** `/invitations` (staff): status, sort, page, page size and a search term. */
export const allInvitationsSearch = z.object({ ...listShape, q: text(320) });
export type AllInvitationsSearch = z.output<typeof allInvitationsSearch>;

/** The state both invitation lists share. */
export type ListSearch = Pick<OrgInvitationsSearch, keyof typeof LIST_DEFAULTS | 'expires_within'>;

/** `/people?email=`: the address support staff look up. */
export const peopleSearch = z.object({ email: text(320) });
export type PeopleSearch = z.output<typeof peopleSearch>;

export const ACTIVITY_DEFAULTS: { page: number; pageSize: PageSize } = { page: 1, pageSize: 25 };

/** `/activity`: organization, actor, action, a day range (the viewer's days, both included) and the page. */
export const activitySearch = z.object({
  organization_id: id,
  /** A name or an email address (the api matches either). */
  actor: text(320),
  action: z.catch(z.optional(z.enum(ACTIVITY_ACTIONS)), undefined),
  from: day,
  to: day,
  page,
  pageSize: urlNumber(PAGE_SIZES, ACTIVITY_DEFAULTS.pageSize),
});
export type ActivitySearch = z.output<typeof activitySearch>;

export const BULK_JOB_DEFAULTS: {
  outcome: BulkRowOutcome[];
  page: number;
  pageSize: (typeof JOB_PAGE_SIZES)[number];
} = { outcome: [], page: 1, pageSize: 100 };

/** `/orgs/$orgId/invitations/bulk/$jobId`: the rows' outcome filter and page. */
export const bulkJobSearch = z.object({
  outcome: repeated(BULK_ROW_OUTCOMES),
  page,
  pageSize: urlNumber(JOB_PAGE_SIZES, BULK_JOB_DEFAULTS.pageSize),
});
export type BulkJobSearch = z.output<typeof bulkJobSearch>;

/** `/sign-in?redirect=…`: where to go back to; only a same-origin path (`/…`, never `//…`) is kept. */
export const signInSearch = z.object({
  redirect: z.catch(z.optional(z.string().check(z.maxLength(2048), z.regex(/^\/(?![/\\])/))), undefined),
});

/**
 * The router's `parseSearch`: values stay text (the schemas above read the numbers), and a key that
 * repeats becomes a list. TanStack Router's default writes lists as JSON (`status=%5B%22pending%22%5D`);
 * links already shared use repeated keys, and so does Clerk's own API.
 */
export function parseSearch(searchStr: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(searchStr)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** The router's `stringifySearch`: a list repeats its key; `undefined`, `null` and `''` are left out. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === '') continue;
      params.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A change to a view's URL state: `undefined` puts a key back to its default. */
export type SearchPatch<S> = { [K in keyof S]?: S[K] | undefined };
