import type { ClerkWebhookEvent, WebhookInvitation } from '@invites/clerk-schema';
import type { Insertable, Kysely } from 'kysely';
import type { InvitationOutcomesTable, StoreSchema } from '../store/schema.ts';

export type InvitationOutcome = Insertable<InvitationOutcomesTable>;

/** How the figures name an inviter: "First Last", else their identifier (email), else null. */
export function inviterName(data: Pick<WebhookInvitation, 'public_inviter_data'>): string | null {
  const inviter = data.public_inviter_data;
  if (!inviter) return null;
  const name = [inviter.first_name, inviter.last_name].filter((part) => part?.trim()).join(' ');
  return name || inviter.identifier || null;
}

/** What an invitation event says about its invitation; null for membership events. */
export function outcomeOfEvent(event: ClerkWebhookEvent, now: number): InvitationOutcome | null {
  if (event.type.startsWith('organizationMembership.')) return null;
  const data = event.data as WebhookInvitation & { user_id?: string };
  const status =
    event.type === 'organizationInvitation.accepted'
      ? 'accepted'
      : event.type === 'organizationInvitation.revoked'
        ? 'revoked'
        : 'pending';
  return {
    id: data.id,
    organization_id: data.organization_id,
    email_address: data.email_address,
    inviter_id: data.inviter_id ?? data.public_inviter_data?.user_id ?? null,
    inviter_name: inviterName(data),
    status,
    created_at: data.created_at,
    expires_at: data.expires_at ?? null,
    settled_at: status === 'pending' ? null : data.updated_at,
    accepted_user_id: status === 'accepted' ? (data.user_id ?? null) : null,
    source: 'webhook',
    updated_at: now,
  };
}

/**
 * Merges what is known of one invitation, whatever order the facts arrive in: accepted and revoked
 * are final (a late `created` never reopens an invitation), the first settlement time stays, and
 * missing details are filled in. Applying the same fact twice changes nothing.
 */
export async function mergeOutcome(db: Kysely<StoreSchema>, outcome: InvitationOutcome): Promise<void> {
  await db
    .insertInto('invitation_outcomes')
    .values(outcome)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => {
        const stillPending = eb('invitation_outcomes.status', '=', 'pending');
        return {
          status: eb
            .case()
            .when(stillPending)
            .then(eb.ref('excluded.status'))
            .else(eb.ref('invitation_outcomes.status'))
            .end(),
          settled_at: eb
            .case()
            .when(stillPending)
            .then(eb.ref('excluded.settled_at'))
            .else(eb.ref('invitation_outcomes.settled_at'))
            .end(),
          accepted_user_id: eb.fn.coalesce(
            'invitation_outcomes.accepted_user_id',
            'excluded.accepted_user_id',
          ),
          inviter_id: eb.fn.coalesce('invitation_outcomes.inviter_id', 'excluded.inviter_id'),
          inviter_name: eb.fn.coalesce('invitation_outcomes.inviter_name', 'excluded.inviter_name'),
          expires_at: eb.fn.coalesce('invitation_outcomes.expires_at', 'excluded.expires_at'),
          created_at: eb
            .case()
            .when('excluded.created_at', '<', eb.ref('invitation_outcomes.created_at'))
            .then(eb.ref('excluded.created_at'))
            .else(eb.ref('invitation_outcomes.created_at'))
            .end(),
          updated_at: eb.ref('excluded.updated_at'),
        };
      }),
    )
    .execute();
}
