import type { Context } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { baseUrl } from '../http/request.ts';
import { signSessionToken } from '../jwt/session-token.ts';
import { getMembership } from '../store/memberships.ts';
import { getOrganizationByIdOrSlug } from '../store/organizations.ts';
import type { SessionRow } from '../store/sessions.ts';

type Org = { id: string; slug: string } | null | undefined;

/**
 * A session token as the Frontend API mints it: v2 claims, `azp` from the page's Origin, the org claim
 * for `org` (the session's active organization when not given), the configured lifetime.
 */
export function mintSessionToken(ctx: EmulatorContext, c: Context<AppEnv>, session: SessionRow, org?: Org) {
  const active =
    org === undefined
      ? session.active_org_id && getOrganizationByIdOrSlug(ctx.db, session.active_org_id, ctx.clock.now())
      : org;
  const membership = active ? getMembership(ctx.db, active.id, session.user_id) : undefined;
  const azp = c.req.header('Origin');
  return signSessionToken(
    ctx.keys.get(),
    {
      sub: session.user_id,
      sid: session.id,
      iss: `${baseUrl(c, ctx.options.publicUrl)}/fapi`,
      ...(azp ? { azp } : {}),
      ...(active && membership ? { org: { id: active.id, slug: active.slug, role: membership.role } } : {}),
    },
    ctx.options.tokenTtlSeconds,
  );
}

/** Mints the `last_active_token` of each active session a Client answer carries (clerk-js reads its claims). */
export type SessionTokenMinter = (session: SessionRow) => string;

export function sessionTokenMinter(ctx: EmulatorContext, c: Context<AppEnv>): SessionTokenMinter {
  return (session) => mintSessionToken(ctx, c, session);
}
