import { clerkErrors, isClerkId } from '@invites/clerk-schema';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';
import { canManageOrg, canUseConsole, isAdminOf, type Principal } from './principal.ts';
import type { Authenticate } from './require-auth.ts';

/**
 * A route's whole auth and access step, one middleware each: checks that need no user (malformed
 * ids: 404), then authentication (401), then the role check (403), in that order.
 */
export interface AccessGuards {
  /** Any signed-in user. */
  signedIn: MiddlewareHandler<AppEnv>;
  /** Staff, or an admin of some organization. */
  consoleUser: MiddlewareHandler<AppEnv>;
  /** Staff only. */
  staff: MiddlewareHandler<AppEnv>;
  /** `:org` (and `:inv`, when the route has it) must be Clerk ids; then staff or an admin of `:org`. */
  orgManager: MiddlewareHandler<AppEnv>;
}

/** 404 unless `:org` (and `:inv`, when the route has it) are Clerk IDs; runs before auth. */
function checkPathIds(c: Context<AppEnv>): void {
  const org = c.req.param('org');
  if (org !== undefined && !isClerkId('org', org)) throw new ApiError(clerkErrors.organizationNotFound());
  const inv = c.req.param('inv');
  if (inv !== undefined && !isClerkId('orginv', inv)) throw new ApiError(clerkErrors.invitationNotFound(inv));
}

export function accessGuards(authenticate: Authenticate): AccessGuards {
  return {
    signedIn: createMiddleware<AppEnv>(async (c, next) => {
      await authenticate(c);
      await next();
    }),
    consoleUser: createMiddleware<AppEnv>(async (c, next) => {
      if (!canUseConsole(await authenticate(c))) throw new ApiError(clerkErrors.forbidden());
      await next();
    }),
    staff: createMiddleware<AppEnv>(async (c, next) => {
      if (!(await authenticate(c)).isStaff) {
        throw new ApiError(
          clerkErrors.forbidden('Only support staff can list invitations across organizations.'),
        );
      }
      await next();
    }),
    orgManager: createMiddleware<AppEnv>(async (c, next) => {
      checkPathIds(c);
      const principal = await authenticate(c);
      if (!canManageOrg(principal, c.req.param('org') ?? '')) throw new ApiError(clerkErrors.forbidden());
      await next();
    }),
  };
}

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
