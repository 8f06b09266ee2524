import { clerkErrors, isClerkId } from '@invites/clerk-schema';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';
import { canManageOrg, canUseConsole, isAdminOf, type Principal } from './principal.ts';
import type { Authenticate } from './require-auth.ts';

/**
 * Who may call a route: anyone; any signed-in user; staff or any org admin; staff or admins of `:org`
 * (403 otherwise); staff; staff or admins of the body's `organization_id` (the handler checks it after
 * validation; 403 otherwise); staff or admins of the `:id` bulk job's organization (the route loads the
 * job; 404 otherwise, so job ids leak nothing); the demo sign-in (the emulator only); Clerk's webhooks
 * (no session: the route checks the Standard Webhooks signature, 400 without one).
 */
export const ACCESS_LEVELS = [
  'public',
  'signed_in',
  'console_user',
  'org_manager',
  'staff',
  'body_org_manager',
  'job_manager',
  'demo',
  'webhook',
] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** A route's whole auth and access step as one middleware, marked with the level it enforces. */
export type AccessGuard = MiddlewareHandler<AppEnv> & { readonly access: AccessLevel };

/**
 * The guard of each access level: checks that need no user (malformed ids: 404), then authentication
 * (401), then the role check (403), in that order.
 */
export type AccessGuards = (level: Exclude<AccessLevel, 'demo' | 'webhook'>) => AccessGuard;

/** `middleware`, marked as the guard of `level` (what the route catalog and matrix read). */
export function asGuard(level: AccessLevel, middleware: MiddlewareHandler<AppEnv>): AccessGuard {
  return Object.assign(middleware, { access: level });
}

/** The access level a route handler enforces, when it is a guard. */
export function accessOf(handler: unknown): AccessLevel | undefined {
  const level = (handler as { access?: unknown } | null)?.access;
  return ACCESS_LEVELS.includes(level as AccessLevel) ? (level as AccessLevel) : undefined;
}

/** 404 unless `:org` (and `:inv`, when the route has it) are Clerk IDs; runs before auth. */
function checkPathIds(c: Context<AppEnv>): void {
  const org = c.req.param('org');
  if (org !== undefined && !isClerkId('org', org)) throw new ApiError(clerkErrors.organizationNotFound());
  const inv = c.req.param('inv');
  if (inv !== undefined && !isClerkId('orginv', inv)) throw new ApiError(clerkErrors.invitationNotFound(inv));
}

export function accessGuards(authenticate: Authenticate): AccessGuards {
  const consoleUser: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!canUseConsole(await authenticate(c))) throw new ApiError(clerkErrors.forbidden());
    await next();
  };
  const guards: Record<Exclude<AccessLevel, 'demo' | 'webhook'>, AccessGuard> = {
    public: asGuard('public', (_c, next) => next()),
    signed_in: asGuard('signed_in', async (c, next) => {
      await authenticate(c);
      await next();
    }),
    console_user: asGuard('console_user', consoleUser),
    body_org_manager: asGuard('body_org_manager', (c, next) => consoleUser(c, next)),
    job_manager: asGuard('job_manager', (c, next) => consoleUser(c, next)),
    staff: asGuard('staff', async (c, next) => {
      if (!(await authenticate(c)).isStaff) {
        throw new ApiError(
          clerkErrors.forbidden('Only support staff can list invitations across organizations.'),
        );
      }
      await next();
    }),
    org_manager: asGuard('org_manager', async (c, next) => {
      checkPathIds(c);
      const principal = await authenticate(c);
      if (!canManageOrg(principal, c.req.param('org') ?? '')) throw new ApiError(clerkErrors.forbidden());
      await next();
    }),
  };
  return (level) => guards[level];
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
