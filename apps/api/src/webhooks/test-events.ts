import { webhookHeaders } from '@invites/clerk-emulator';
import { newClerkId } from '@invites/clerk-schema';

// Clerk webhook events for tests, shaped as the emulator sends them (which its own tests check
// against Clerk's webhooks spec), and signed the same way.

const DAY_MS = 86_400_000;

export interface InvitationFacts {
  id?: string;
  organizationId: string;
  email?: string;
  inviterId?: string | null;
  inviterName?: { first: string; last: string } | null;
  createdAt: number;
  /** Accepted or revoked at. */
  settledAt?: number;
  userId?: string;
}

export function invitationData(f: InvitationFacts, status: 'pending' | 'accepted' | 'revoked') {
  const id = f.id ?? newClerkId('orginv');
  return {
    object: 'organization_invitation',
    id,
    email_address: f.email ?? `${id.slice(-8).toLowerCase()}@invitee.example`,
    role: 'org:member',
    role_name: 'Member',
    organization_id: f.organizationId,
    inviter_id: f.inviterId ?? null,
    public_inviter_data: f.inviterId
      ? {
          user_id: f.inviterId,
          first_name: f.inviterName?.first ?? null,
          last_name: f.inviterName?.last ?? null,
          image_url: 'data:image/svg+xml,',
          has_image: false,
          identifier: `${f.inviterId}@inviter.example`,
        }
      : null,
    status,
    public_metadata: {},
    private_metadata: {},
    url: 'http://127.0.0.1/v1/accept-invitation?__clerk_ticket=x',
    expires_at: f.createdAt + 30 * DAY_MS,
    created_at: f.createdAt,
    updated_at: status === 'pending' ? f.createdAt : (f.settledAt ?? f.createdAt),
  };
}

type InvitationType =
  | 'organizationInvitation.created'
  | 'organizationInvitation.accepted'
  | 'organizationInvitation.revoked';

/** A Clerk event envelope around `data`. */
export function event<T>(type: string, data: T, timestamp = Date.now()) {
  return { data, event_attributes: {}, instance_id: 'ins_test', object: 'event', timestamp, type };
}

/** An invitation event with the invitation as it is after that change. */
export function invitationEvent(type: InvitationType, f: InvitationFacts) {
  const status =
    type === 'organizationInvitation.accepted'
      ? 'accepted'
      : type === 'organizationInvitation.revoked'
        ? 'revoked'
        : 'pending';
  const data = invitationData(f, status);
  const payload: ReturnType<typeof invitationData> & { user_id?: string; data?: object } =
    status === 'accepted' ? { ...data, user_id: f.userId ?? newClerkId('user'), data: {} } : data;
  return event(type, payload, status === 'pending' ? f.createdAt : (f.settledAt ?? f.createdAt));
}

/** An organization membership event. */
export function membershipEvent(
  type:
    | 'organizationMembership.created'
    | 'organizationMembership.updated'
    | 'organizationMembership.deleted',
  m: { organizationId: string; userId: string; email: string; role?: string; at: number },
) {
  return event(
    type,
    {
      object: 'organization_membership',
      id: newClerkId('orgmem'),
      role: m.role ?? 'org:member',
      role_name: 'Member',
      permissions: [],
      public_metadata: {},
      private_metadata: {},
      organization: { object: 'organization', id: m.organizationId, name: 'Org', slug: 'org' },
      public_user_data: {
        user_id: m.userId,
        first_name: null,
        last_name: null,
        image_url: 'data:image/svg+xml,',
        has_image: false,
        identifier: m.email,
      },
      created_at: m.at,
      updated_at: m.at,
    },
    m.at,
  );
}

/** The request init of a signed delivery: svix headers for `body` (an event or raw text). */
export function signed(
  secret: string,
  body: unknown,
  options: { id?: string; at?: Date } = {},
): { method: 'POST'; headers: Record<string, string>; body: string } {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const id = options.id ?? newClerkId('msg');
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...webhookHeaders(secret, id, text, options.at) },
    body: text,
  };
}
