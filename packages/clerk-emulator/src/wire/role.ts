import type { Role } from '@invites/clerk-schema';
import { fixedId } from '../seed/fixed-id.ts';
import { PERMISSIONS, type RoleRow } from '../store/roles.ts';

/** The wire shape of a role. */
export function toRole(row: RoleRow): Role {
  const keys = JSON.parse(row.permissions) as string[];
  return {
    object: 'role',
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    is_creator_eligible: row.is_creator_eligible === 1,
    permissions: PERMISSIONS.filter((p) => keys.includes(p.key)).map((p) => ({
      object: 'permission',
      id: fixedId('perm', p.key.replace(/[^A-Za-z0-9]/g, '').slice(0, 26)),
      name: p.name,
      key: p.key,
      description: p.description,
      type: p.type,
      created_at: row.created_at,
      updated_at: row.updated_at,
    })),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
