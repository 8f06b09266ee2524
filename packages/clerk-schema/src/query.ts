import { z } from 'zod';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
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
  return z
    .preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(4))
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

export const INVITATION_ORDER_KEYS = ['created_at', 'email_address'] as const;
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
