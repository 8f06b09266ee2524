import type { Db } from '../db/database.ts';
import type { MembershipRow } from '../store/memberships.ts';
import { getOrganizationById } from '../store/organizations.ts';
import { getRole, rolePermissions } from '../store/roles.ts';
import { emailsOf, getUser } from '../store/users.ts';
import { toMembership } from './membership.ts';
import { toOrganization } from './organization.ts';

/** Wire shapes of membership rows, loading each organization and user once. */
export function presentMemberships(db: Db, rows: MembershipRow[], now: number) {
  const orgs = new Map(
    [...new Set(rows.map((r) => r.org_id))].flatMap((id) => {
      const org = getOrganizationById(db, id, now);
      return org ? [[id, toOrganization(org)] as const] : [];
    }),
  );
  const emails = emailsOf(db, [...new Set(rows.map((r) => r.user_id))]);
  return rows.flatMap((row) => {
    const organization = orgs.get(row.org_id);
    if (!organization) return [];
    const user = getUser(db, row.user_id);
    const record = user && { user: user.user, emails: emails.get(row.user_id) ?? [] };
    return [
      toMembership(row, organization, record, getRole(db, row.role)?.name, rolePermissions(db, row.role)),
    ];
  });
}
