import type { Organization } from '@invites/clerk-schema';
import type { MembershipRow } from '../store/memberships.ts';
import { metadata } from '../store/sql-helpers.ts';
import type { UserRecord } from '../store/users.ts';
import { publicUserData } from './user.ts';

/** Clerk's OrganizationMembership object. */
export function toMembership(
  row: MembershipRow,
  organization: Organization,
  user: UserRecord | undefined,
  roleName: string | undefined,
  permissions: string[],
) {
  const publicData = user && publicUserData(user);
  return {
    object: 'organization_membership' as const,
    id: row.id,
    role: row.role,
    ...(roleName ? { role_name: roleName } : {}),
    permissions,
    public_metadata: metadata(row.public_metadata),
    private_metadata: metadata(row.private_metadata),
    organization,
    ...(publicData
      ? {
          public_user_data: {
            ...publicData,
            profile_image_url: publicData.image_url,
            username: user?.user.username ?? null,
            banned: false,
            deprovisioned: false,
          },
        }
      : {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
