import { type ClerkError, OrganizationInvitation } from '@invites/clerk-schema';
import { lastRevokeOf } from '../activity/last-revoke.ts';
import { errorResponse } from '../http/errors.ts';
import type { Store } from '../store/create-store.ts';
import { readUpstream, type UpstreamClient } from '../upstream/client.ts';
import type { RelayOutcome } from '../upstream/relay.ts';

/** Clerk's answer to revoking an invitation that is no longer pending. */
export const NOT_PENDING = 'organization_invitation_not_pending';

/** What happened to it, for the person who tried (meta of the error) and the activity log. */
export interface NotPendingFacts {
  invitation_status: string;
  email_address: string;
  /** Who revoked it, when the activity log knows; null when it was accepted or revoked elsewhere. */
  revoked_by: string | null;
  revoked_at: number | null;
}

/**
 * A revoke that found the invitation no longer pending (another tab, another admin, the invitee):
 * reads the invitation and the log's revoke of it, so the answer can say "Already revoked by Ada"
 * or "Already accepted" and the audit entry can name the address. Null when that cannot be learned;
 * Clerk's own answer then goes out as it was.
 */
export async function explainNotPending(
  deps: { upstream: UpstreamClient; store: Store },
  orgId: string,
  invitationId: string,
  outcome: RelayOutcome,
): Promise<{ facts: NotPendingFacts; response: Response } | null> {
  const error = outcome.error;
  if (error?.code !== NOT_PENDING) return null;
  let facts: NotPendingFacts;
  try {
    const path = `/v1/organizations/${orgId}/invitations/${invitationId}`;
    const invitation = OrganizationInvitation.pick({ status: true, email_address: true }).parse(
      await readUpstream(await deps.upstream.send({ method: 'GET', path })),
    );
    const revoke =
      invitation.status === 'revoked' ? await lastRevokeOf(deps.store, orgId, invitationId) : null;
    facts = {
      invitation_status: invitation.status,
      email_address: invitation.email_address,
      revoked_by: revoke?.actor_name ?? null,
      revoked_at: revoke?.created_at ?? null,
    };
  } catch {
    return null;
  }
  const explained: ClerkError = { ...error, meta: { ...error.meta, ...facts } };
  return {
    facts,
    response: errorResponse({ status: outcome.status, errors: [explained] }, outcome.traceId ?? undefined),
  };
}
