import {
  clerkErrors,
  INVITATION_JOB_MAX_ROWS,
  type InvitationJobFilter,
  type InvitationStatus,
  OrganizationInvitationList,
  type StartInvitationJobBody,
} from '@invites/clerk-schema';
import type { InvitationJobTarget } from '../bulk/invitation-job-repository.ts';
import { listAll } from '../bulk/list-all.ts';
import { ApiError } from '../http/errors.ts';
import type { UpstreamClient } from '../upstream/client.ts';
import type { ExpiringInvitations } from './expiring-invitations.ts';

/** The statuses each kind acts on; a filter's other statuses match nothing. */
const ACTS_ON: Record<StartInvitationJobBody['kind'], readonly InvitationStatus[]> = {
  reissue: ['pending', 'expired'],
  revoke: ['pending'],
};

const target = (inv: { id: string; email_address: string; role: string }): InvitationJobTarget => ({
  invitation_id: inv.id,
  email_address: inv.email_address,
  role: inv.role,
});

/**
 * Every invitation of the organization a filter matches, read from Clerk page by page (the expiring
 * ones from the expiring-soon index), among those the kind acts on; newest first as Clerk lists them.
 */
async function matching(
  deps: { upstream: UpstreamClient; expiring: ExpiringInvitations; now: () => number },
  organizationId: string,
  kind: StartInvitationJobBody['kind'],
  filter: InvitationJobFilter,
): Promise<InvitationJobTarget[]> {
  if (filter.expires_within !== undefined) {
    // Pending only (the schema refuses any other status here): both kinds act on those.
    const found = await deps.expiring.matches(
      organizationId,
      { withinDays: filter.expires_within, email: filter.email_address },
      deps.now(),
    );
    return found.map(target);
  }
  const wanted = filter.status?.length ? filter.status : ACTS_ON[kind];
  const statuses = ACTS_ON[kind].filter((s) => wanted.includes(s));
  if (statuses.length === 0) return [];
  const found = await listAll(
    deps.upstream,
    `/v1/organizations/${organizationId}/invitations`,
    { status: statuses, ...(filter.email_address ? { email_address: filter.email_address } : {}) },
    OrganizationInvitationList,
    'invitation list',
    (total) => {
      if (total > INVITATION_JOB_MAX_ROWS)
        throw new ApiError(clerkErrors.tooManyMatches(total, INVITATION_JOB_MAX_ROWS));
    },
  );
  return found.filter((inv) => statuses.includes(inv.status)).map(target);
}

/**
 * The invitations a job starts with: a selection as given (each row looks its invitation up when it
 * runs), or every match of a filter less the excluded ones. Nothing to do, or more than one job takes,
 * is the caller's 422.
 */
export async function findTargets(
  deps: { upstream: UpstreamClient; expiring: ExpiringInvitations; now: () => number },
  organizationId: string,
  body: StartInvitationJobBody,
): Promise<InvitationJobTarget[]> {
  if (body.invitation_ids) return body.invitation_ids.map((id) => ({ invitation_id: id }));
  const excluded = new Set(body.exclude_invitation_ids ?? []);
  const found = (await matching(deps, organizationId, body.kind, body.filter ?? {})).filter(
    (t) => !excluded.has(t.invitation_id),
  );
  if (found.length === 0) throw new ApiError(clerkErrors.noMatchingInvitations());
  if (found.length > INVITATION_JOB_MAX_ROWS) {
    throw new ApiError(clerkErrors.tooManyMatches(found.length, INVITATION_JOB_MAX_ROWS));
  }
  return found;
}
