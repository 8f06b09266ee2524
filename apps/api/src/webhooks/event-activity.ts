import {
  type ClerkWebhookEvent,
  UNKNOWN_ACTOR_ID,
  type WebhookInvitation,
  type WebhookMembership,
} from '@invites/clerk-schema';
import { type ClerkActivity, changeKey } from '../activity/activity-log.ts';
import { inviterName } from './invitation-outcomes.ts';

/** An event's `timestamp` in ms (Clerk sends ms; the spec's examples show seconds: accept both). */
export function eventTimeMs(timestamp: number): number {
  return timestamp < 100_000_000_000 ? timestamp * 1000 : timestamp;
}

const unknownActor = { actor_id: UNKNOWN_ACTOR_ID, actor_name: null };

function memberName(data: WebhookMembership): string | null {
  const user = data.public_user_data;
  const name = [user.first_name, user.last_name].filter((part) => part?.trim()).join(' ');
  return name || user.identifier || null;
}

const MEMBERSHIP_ACTIONS = {
  'organizationMembership.created': 'membership.create',
  'organizationMembership.updated': 'membership.update',
  'organizationMembership.deleted': 'membership.delete',
} as const;

/**
 * The activity entry of a Clerk event: who did it (the inviter, the invitee who accepted, or unknown:
 * Clerk does not say who revoked or changed a membership elsewhere), when (the object's own time) and
 * what changed. The entry id comes from the svix-id, so processing an event again writes nothing new.
 */
export function activityOfEvent(event: ClerkWebhookEvent, svixId: string): ClerkActivity {
  const base = { id: `act_${svixId}`, outcome: 'ok', clerk_trace_id: null };
  if (event.type.startsWith('organizationInvitation.')) {
    const data = event.data as WebhookInvitation & { user_id?: string };
    const invitation = {
      ...base,
      organization_id: data.organization_id,
      email_addresses: [data.email_address],
    };
    const detail = { invitation_id: data.id, role: data.role, svix_id: svixId };
    if (event.type === 'organizationInvitation.created') {
      const inviter = data.inviter_id ?? data.public_inviter_data?.user_id ?? null;
      return {
        ...invitation,
        ...(inviter ? { actor_id: inviter, actor_name: inviterName(data) } : unknownActor),
        action: 'invitation.create',
        created_at: data.created_at,
        change_key: changeKey('invitation.create', data.id),
        detail,
      };
    }
    if (event.type === 'organizationInvitation.accepted') {
      return {
        ...invitation,
        actor_id: data.user_id ?? UNKNOWN_ACTOR_ID,
        actor_name: data.email_address,
        action: 'invitation.accept',
        created_at: data.updated_at,
        change_key: null,
        detail: { ...detail, user_id: data.user_id },
      };
    }
    return {
      ...invitation,
      ...unknownActor,
      action: 'invitation.revoke',
      created_at: data.updated_at,
      change_key: changeKey('invitation.revoke', data.id),
      detail,
    };
  }
  const data = event.data as WebhookMembership;
  const type = event.type as keyof typeof MEMBERSHIP_ACTIONS;
  const identifier = data.public_user_data.identifier;
  return {
    ...base,
    ...unknownActor,
    action: MEMBERSHIP_ACTIONS[type],
    organization_id: data.organization.id,
    email_addresses: identifier ? [identifier] : [],
    // A deleted membership is sent as it was: the event's own time is when it was removed.
    created_at:
      type === 'organizationMembership.created'
        ? data.created_at
        : type === 'organizationMembership.updated'
          ? data.updated_at
          : eventTimeMs(event.timestamp),
    change_key: null,
    detail: {
      membership_id: data.id,
      user_id: data.public_user_data.user_id,
      member_name: memberName(data),
      role: data.role,
      svix_id: svixId,
    },
  };
}
