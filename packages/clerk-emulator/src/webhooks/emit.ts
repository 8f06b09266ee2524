import type { Context } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { baseUrl } from '../http/request.ts';
import { getInvitation } from '../store/invitations.ts';
import type { MembershipRow } from '../store/memberships.ts';
import { getOrganizationById } from '../store/organizations.ts';
import { DEFAULT_IMAGE_URL } from '../wire/image.ts';
import { toInvitation } from '../wire/invitation.ts';
import { presentMemberships } from '../wire/present-memberships.ts';
import type { EventAttributes } from './dispatcher.ts';

// The events Clerk sends for the changes the emulator makes, built from the same wire shapes as
// its Backend API answers. Called after the change is written.

function attributes(c: Context<AppEnv>): EventAttributes {
  return { userAgent: c.req.header('user-agent') };
}

/** `organizationInvitation.created` or `.revoked` for each invitation id. */
export function emitInvitations(
  ctx: EmulatorContext,
  c: Context<AppEnv>,
  type: 'organizationInvitation.created' | 'organizationInvitation.revoked',
  ids: readonly string[],
): void {
  if (!ctx.webhooks.enabled) return;
  const now = ctx.clock.now();
  const base = baseUrl(c, ctx.options.publicUrl);
  for (const id of ids) {
    const view = getInvitation(ctx.db, id, now);
    if (view) ctx.webhooks.emit(type, toInvitation(view, base), attributes(c));
  }
}

/** `organizationInvitation.accepted` (with the user who accepted) and the membership it created. */
export function emitAcceptance(
  ctx: EmulatorContext,
  c: Context<AppEnv>,
  invitationId: string,
  userId: string,
  membership: MembershipRow,
): void {
  if (!ctx.webhooks.enabled) return;
  const now = ctx.clock.now();
  const view = getInvitation(ctx.db, invitationId, now);
  const org = view && getOrganizationById(ctx.db, view.org_id, now);
  if (!view || !org) return;
  ctx.webhooks.emit(
    'organizationInvitation.accepted',
    {
      ...toInvitation(view, baseUrl(c, ctx.options.publicUrl)),
      user_id: userId,
      data: {
        public_organization_data: {
          id: org.id,
          name: org.name,
          slug: org.slug,
          image_url: DEFAULT_IMAGE_URL,
          has_image: false,
        },
      },
    },
    attributes(c),
  );
  emitMembership(ctx, c, 'organizationMembership.created', membership);
}

/** An `organizationMembership.*` event; a deleted membership is sent as it was. */
export function emitMembership(
  ctx: EmulatorContext,
  c: Context<AppEnv>,
  type:
    | 'organizationMembership.created'
    | 'organizationMembership.updated'
    | 'organizationMembership.deleted',
  row: MembershipRow,
): void {
  if (!ctx.webhooks.enabled) return;
  const [membership] = presentMemberships(ctx.db, [row], ctx.clock.now());
  if (membership) ctx.webhooks.emit(type, membership, attributes(c));
}
