import { z } from 'zod';
import { INVITATION_ORDER_KEYS, INVITATION_STATUSES } from './enums.ts';

export const InvitationStatus = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** An integer query parameter given as a decimal string (or a number), bounded, with a default. */
export function intParam(min: number, max: number, fallback: number) {
  return z
    .preprocess(
      (v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : v),
      z.number().int().min(min).max(max),
    )
    .optional()
    .default(fallback);
}

/** A parameter that may repeat (`status=a&status=b`): always an array after parsing. */
function repeated<T extends z.ZodType>(item: T) {
  return repeatedParam(item, 4);
}

/** A parameter that may repeat up to `max` times (`user_id=a&user_id=b`): always an array after parsing. */
export function repeatedParam<T extends z.ZodType>(item: T, max: number) {
  return z
    .preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(max))
    .optional();
}

/** `order_by` with an optional `+`/`-` prefix; a `+` that arrived as a space is read as `+`. */
function orderBy<const K extends readonly [string, ...string[]]>(keys: K, fallback: string) {
  const pattern = new RegExp(`^[+-]?(${keys.join('|')})$`);
  return z
    .preprocess(
      (v) => (typeof v === 'string' && v.startsWith(' ') ? `+${v.slice(1)}` : v),
      z.string().regex(pattern),
    )
    .optional()
    .default(fallback);
}

const pagination = {
  limit: intParam(1, 500, 10),
  offset: intParam(0, 1_000_000_000, 0),
};

export const InvitationOrderBy = orderBy(INVITATION_ORDER_KEYS, '-created_at');

/** Query of getAll: `GET /organization_invitations`. */
export const ListInstanceInvitationsQuery = z.object({
  status: repeated(InvitationStatus),
  query: z.string().max(320).optional(),
  order_by: InvitationOrderBy,
  ...pagination,
});
export type ListInstanceInvitationsQuery = z.infer<typeof ListInstanceInvitationsQuery>;

/** Query of list: `GET /organizations/{id}/invitations`. */
export const ListOrganizationInvitationsQuery = z.object({
  status: repeated(InvitationStatus),
  email_address: z.string().trim().max(320).optional(),
  order_by: InvitationOrderBy,
  ...pagination,
});
export type ListOrganizationInvitationsQuery = z.infer<typeof ListOrganizationInvitationsQuery>;

/** Query of listPending (deprecated): `GET /organizations/{id}/invitations/pending`. */
export const ListPendingInvitationsQuery = z.object({ ...pagination });
export type ListPendingInvitationsQuery = z.infer<typeof ListPendingInvitationsQuery>;

export const ORGANIZATION_ORDER_KEYS = ['name', 'created_at', 'members_count'] as const;

/** Query of `GET /organizations`. */
export const ListOrganizationsQuery = z.object({
  query: z.string().max(256).optional(),
  order_by: orderBy(ORGANIZATION_ORDER_KEYS, '-created_at'),
  ...pagination,
});
export type ListOrganizationsQuery = z.infer<typeof ListOrganizationsQuery>;

/** Query of `GET /organization_roles`. */
export const ListRolesQuery = z.object({ ...pagination });

/** Query of listForUser: `GET /users/{id}/organization_invitations`. */
export const ListUserInvitationsQuery = z.object({ status: repeated(InvitationStatus), ...pagination });
export type ListUserInvitationsQuery = z.infer<typeof ListUserInvitationsQuery>;

/** Query of `GET /users/{id}/organization_memberships`. */
export const PaginationQuery = z.object({ ...pagination });
export type PaginationQuery = z.infer<typeof PaginationQuery>;

export const USER_ORDER_KEYS = [
  'created_at',
  'updated_at',
  'email_address',
  'first_name',
  'last_name',
] as const;

/** Filters of `GET /users` and `GET /users/count` (the subset in scope). */
const userFilters = {
  email_address: repeatedParam(z.string().max(320), 100),
  user_id: repeatedParam(z.string().max(64), 100),
  organization_id: repeatedParam(z.string().max(64), 100),
  query: z.string().max(256).optional(),
  email_address_query: z.string().max(256).optional(),
};

/** Query of `GET /users/count`. */
export const CountUsersQuery = z.object(userFilters);
export type CountUsersQuery = z.infer<typeof CountUsersQuery>;

/** Query of `GET /users`. */
export const ListUsersQuery = z.object({
  ...userFilters,
  order_by: orderBy(USER_ORDER_KEYS, '-created_at'),
  ...pagination,
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const MEMBERSHIP_ORDER_KEYS = ['created_at', 'email_address', 'first_name', 'last_name'] as const;

/** Query of `GET /organizations/{id}/memberships` (the subset in scope). */
export const ListMembershipsQuery = z.object({
  user_id: repeatedParam(z.string().max(64), 100),
  email_address: repeatedParam(z.string().max(320), 100),
  role: repeatedParam(z.string().max(64), 100),
  query: z.string().max(256).optional(),
  order_by: orderBy(MEMBERSHIP_ORDER_KEYS, '-created_at'),
  ...pagination,
});
export type ListMembershipsQuery = z.infer<typeof ListMembershipsQuery>;
