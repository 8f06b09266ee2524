import type { Db } from '../../db/database.ts';
import { listUserMemberships } from '../../store/memberships.ts';
import { getOrganizationById } from '../../store/organizations.ts';
import { getRole, rolePermissions } from '../../store/roles.ts';
import { metadata } from '../../store/sql-helpers.ts';
import type { UserRecord } from '../../store/users.ts';
import { DEFAULT_IMAGE_URL } from '../../wire/image.ts';
import { toUser } from '../../wire/user.ts';

// What the browser sees of a user: Clerk's Frontend API User, which never carries private
// metadata (of the user, its memberships or their organizations).

function organizationMemberships(db: Db, userId: string, now: number) {
  const { rows } = listUserMemberships(db, userId, 500, 0);
  return rows.flatMap((row) => {
    const org = getOrganizationById(db, row.org_id, now);
    if (!org) return [];
    return [
      {
        object: 'organization_membership' as const,
        id: row.id,
        role: row.role,
        role_name: getRole(db, row.role)?.name ?? row.role,
        permissions: rolePermissions(db, row.role),
        public_metadata: metadata(row.public_metadata),
        organization: {
          object: 'organization' as const,
          id: org.id,
          name: org.name,
          slug: org.slug,
          image_url: DEFAULT_IMAGE_URL,
          has_image: false,
          members_count: org.members_count,
          pending_invitations_count: org.pending_invitations_count,
          max_allowed_memberships: org.max_allowed_memberships,
          admin_delete_enabled: org.admin_delete_enabled === 1,
          public_metadata: metadata(org.public_metadata),
          created_at: org.created_at,
          updated_at: org.updated_at,
        },
        created_at: row.created_at,
        updated_at: row.updated_at,
      },
    ];
  });
}

/** Clerk's Frontend API User, with its organization memberships. */
export function toFapiUser(db: Db, record: UserRecord, now: number) {
  // No private metadata for the browser; the spec's Frontend API User has no null organization limit.
  const { private_metadata: _private, create_organizations_limit: limit, ...user } = toUser(record);
  return {
    ...user,
    ...(limit === null ? {} : { create_organizations_limit: limit }),
    organization_memberships: organizationMemberships(db, record.user.id, now),
  };
}

/** `public_user_data` of a session or sign-in. */
export function fapiPublicUserData(record: UserRecord) {
  return {
    user_id: record.user.id,
    first_name: record.user.first_name,
    last_name: record.user.last_name,
    image_url: DEFAULT_IMAGE_URL,
    has_image: false,
    identifier: record.emails[0]?.email_address ?? '',
    username: record.user.username,
  };
}
