import { randomBytes } from 'node:crypto';
import { type CreateInvitationBody, clerkErrors, newClerkId, normalizeEmail } from '@invites/clerk-schema';
import type { Db } from '../db/database.ts';
import { raise } from '../http/respond.ts';
import { countPending, insertInvitation, pendingEmails } from '../store/invitations.ts';
import { countMembers, getMembership, memberEmails } from '../store/memberships.ts';
import type { OrganizationRecord } from '../store/organizations.ts';
import { getRole } from '../store/roles.ts';
import { getUser } from '../store/users.ts';

const DAY_MS = 86_400_000;
export const DEFAULT_EXPIRES_IN_DAYS = 30;

/** A fresh accept-link ticket. */
export function newTicket(): string {
  return randomBytes(24).toString('base64url');
}

/** Throws 404 for an unknown user and 403 when the user is not an admin of the organization. */
export function assertOrgAdmin(db: Db, orgId: string, userId: string): void {
  if (!getUser(db, userId)) raise(clerkErrors.userNotFound(userId));
  if (getMembership(db, orgId, userId)?.role !== 'org:admin') raise(clerkErrors.notAnAdmin(userId));
}

/**
 * Checks every Clerk rule for creating `items` in `org` (roles, inviters, members, duplicates, quota)
 * and inserts them all or none. `bulk` switches the duplicate error to bulk create's `duplicate_record`.
 * Returns the new invitation IDs in input order.
 */
export function createInvitations(
  db: Db,
  org: OrganizationRecord,
  items: CreateInvitationBody[],
  now: number,
  bulk: boolean,
): string[] {
  const emails = items.map((item) => normalizeEmail(item.email_address));
  for (const role of new Set(items.map((item) => item.role))) {
    if (!getRole(db, role)) raise(clerkErrors.roleNotFound());
  }
  for (const inviter of new Set(items.map((item) => item.inviter_user_id))) {
    if (inviter) assertOrgAdmin(db, org.id, inviter);
  }
  const members = memberEmails(db, org.id, emails);
  if (members[0] !== undefined) raise(clerkErrors.alreadyMember(members[0]));
  const pending = pendingEmails(db, org.id, emails, now);
  if (bulk) {
    const repeated = emails.filter((email, index) => emails.indexOf(email) !== index);
    const duplicates = [...new Set([...pending, ...repeated])].sort();
    if (duplicates.length > 0) raise(clerkErrors.duplicateRecord(duplicates));
  } else if (pending.length > 0) {
    raise(clerkErrors.invitationNotUnique());
  }
  const max = org.max_allowed_memberships;
  if (max > 0 && countMembers(db, org.id) + countPending(db, org.id, now) + items.length > max) {
    raise(clerkErrors.membershipQuotaExceeded(max));
  }
  const ids = items.map(() => newClerkId('orginv'));
  db.transaction(() => {
    items.forEach((item, index) => {
      insertInvitation(db, {
        id: ids[index] ?? newClerkId('orginv'),
        orgId: org.id,
        email: emails[index] ?? normalizeEmail(item.email_address),
        role: item.role,
        inviterId: item.inviter_user_id ?? null,
        publicMetadata: item.public_metadata ?? {},
        privateMetadata: item.private_metadata ?? {},
        redirectUrl: item.redirect_url ?? null,
        ticket: newTicket(),
        expiresAt: now + (item.expires_in_days ?? DEFAULT_EXPIRES_IN_DAYS) * DAY_MS,
        createdAt: now,
      });
    });
  })();
  return ids;
}
