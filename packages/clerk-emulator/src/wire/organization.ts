import type { Organization } from '@invites/clerk-schema';
import type { OrganizationRow } from '../store/organizations.ts';
import { metadata } from '../store/sql-helpers.ts';
import { DEFAULT_IMAGE_URL } from './image.ts';

/** Clerk's Organization object, always with `members_count` and `pending_invitations_count`. */
export function toOrganization(row: OrganizationRow): Organization {
  return {
    object: 'organization',
    id: row.id,
    name: row.name,
    slug: row.slug,
    image_url: DEFAULT_IMAGE_URL,
    has_image: false,
    members_count: row.members_count,
    pending_invitations_count: row.pending_invitations_count,
    max_allowed_memberships: row.max_allowed_memberships,
    admin_delete_enabled: row.admin_delete_enabled === 1,
    public_metadata: metadata(row.public_metadata),
    private_metadata: metadata(row.private_metadata),
    ...(row.created_by ? { created_by: row.created_by } : {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
