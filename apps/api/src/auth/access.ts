import { clerkErrors, isClerkId } from '@invites/clerk-schema';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';
import { canManageOrg, canUseConsole, isAdminOf, type Principal } from './principal.ts';

/** 404 unless `:org` (and `:inv`, when the route has it) are Clerk IDs; runs before auth. */
export const checkPathIds = createMiddleware<AppEnv>(async (c, next) => {
  const org = c.req.param('org');
  if (org !== undefined && !isClerkId('org', org)) throw new ApiError(clerkErrors.organizationNotFound());
  const inv = c.req.param('inv');
  if (inv !== undefined && !isClerkId('orginv', inv)) throw new ApiError(clerkErrors.invitationNotFound(inv));
  await next();
});

/** 403 unless the principal is staff or administers `:org`. */
export const requireOrgManager = createMiddleware<AppEnv>(async (c, next) => {
  const org = c.req.param('org') ?? '';
  if (!canManageOrg(c.get('principal'), org)) throw new ApiError(clerkErrors.forbidden());
  await next();
});

/** 403 unless the principal is staff or administers some organization. */
export const requireConsoleUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!canUseConsole(c.get('principal'))) throw new ApiError(clerkErrors.forbidden());
  await next();
});

/** 403 unless the principal is staff. */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('principal').isStaff) {
    throw new ApiError(
      clerkErrors.forbidden('Only support staff can list invitations across organizations.'),
    );
  }
  await next();
});

/**
 * The user id stamped as `inviter_user_id` / `requesting_user_id`: always the admin themself;
 * for staff the client's value, else themself when they administer the org (Clerk requires an
 * admin), else null.
 */
export function actingUserId(
  p: Principal,
  orgId: string,
  clientValue: string | null | undefined,
): string | null {
  if (!p.isStaff) return p.userId;
  if (clientValue) return clientValue;
  return isAdminOf(p, orgId) ? p.userId : null;
}

/** 422 form_param_unknown for any `private_metadata` sent by a non-staff user. */
export function rejectPrivateMetadata(body: unknown): void {
  const items = Array.isArray(body) ? body : [body];
  items.forEach((item, index) => {
    if (item !== null && typeof item === 'object' && 'private_metadata' in item) {
      const failure = clerkErrors.paramUnknown('private_metadata');
      if (Array.isArray(body)) {
        failure.errors = failure.errors.map((e) => ({ ...e, meta: { ...e.meta, index } }));
      }
      throw new ApiError(failure);
    }
  });
}
