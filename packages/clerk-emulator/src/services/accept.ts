import { clerkErrors, newClerkId } from '@invites/clerk-schema';
import type { Db } from '../db/database.ts';
import { raise } from '../http/respond.ts';
import { getInvitation, settleInvitation } from '../store/invitations.ts';
import { getMembership, insertMembership } from '../store/memberships.ts';
import { metadata } from '../store/sql-helpers.ts';
import { insertUser, userIdByEmail } from '../store/users.ts';

/**
 * What happens when the invitee accepts: their user is created if no user has the address, a
 * membership with the invited role and the invitation's metadata is added, and the invitation
 * becomes accepted.
 */
export function acceptInvitation(
  db: Db,
  invitationId: string,
  now: number,
): { userId: string; orgId: string } {
  const view = getInvitation(db, invitationId, now);
  if (!view) return raise(clerkErrors.invitationNotFound(invitationId));
  if (view.status !== 'pending') raise(clerkErrors.invitationNotPending());
  return db.transaction(() => {
    let userId = userIdByEmail(db, view.email_address);
    if (!userId) {
      userId = newClerkId('user');
      insertUser(db, {
        id: userId,
        emailIds: [newClerkId('idn')],
        emails: [view.email_address],
        createdAt: now,
      });
    }
    if (getMembership(db, view.org_id, userId)) raise(clerkErrors.alreadyMember(view.email_address));
    insertMembership(db, {
      id: newClerkId('orgmem'),
      orgId: view.org_id,
      userId,
      role: view.role,
      publicMetadata: metadata(view.public_metadata),
      privateMetadata: metadata(view.private_metadata),
      createdAt: now,
    });
    settleInvitation(db, invitationId, 'accepted', now);
    return { userId, orgId: view.org_id };
  })();
}
