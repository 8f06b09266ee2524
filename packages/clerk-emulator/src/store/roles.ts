import { all, type Db, first, run } from '../db/database.ts';
import { fixedId } from '../seed/fixed-id.ts';

interface PermissionDef {
  key: string;
  name: string;
  description: string;
  type: 'system' | 'user';
}

/** The permissions the roles below grant. */
export const PERMISSIONS: PermissionDef[] = [
  {
    key: 'org:sys_profile:manage',
    name: 'Manage organization',
    description: 'Update the organization profile.',
    type: 'system',
  },
  {
    key: 'org:sys_profile:delete',
    name: 'Delete organization',
    description: 'Delete the organization.',
    type: 'system',
  },
  {
    key: 'org:sys_memberships:read',
    name: 'Read members',
    description: 'See the members of the organization.',
    type: 'system',
  },
  {
    key: 'org:sys_memberships:manage',
    name: 'Manage members',
    description: 'Invite, remove and change members.',
    type: 'system',
  },
  {
    key: 'org:sys_domains:read',
    name: 'Read domains',
    description: 'See the verified domains.',
    type: 'system',
  },
  {
    key: 'org:sys_domains:manage',
    name: 'Manage domains',
    description: 'Add and verify domains.',
    type: 'system',
  },
  {
    key: 'org:billing:manage',
    name: 'Manage billing',
    description: 'See invoices and change the plan.',
    type: 'user',
  },
];

interface RoleDef {
  key: string;
  name: string;
  description: string;
  permissions: string[];
  creatorEligible: boolean;
}

/** The instance's organization roles: Clerk's two defaults and one custom role. */
export const ROLE_DEFS: RoleDef[] = [
  {
    key: 'org:admin',
    name: 'Admin',
    description: 'Offers full access to organization resources.',
    permissions: PERMISSIONS.filter((p) => p.type === 'system').map((p) => p.key),
    creatorEligible: true,
  },
  {
    key: 'org:member',
    name: 'Member',
    description: 'Offers read access to organization resources.',
    permissions: ['org:sys_memberships:read', 'org:sys_domains:read'],
    creatorEligible: false,
  },
  {
    key: 'org:billing',
    name: 'Billing manager',
    description: 'Manages billing and reads the member list.',
    permissions: ['org:sys_memberships:read', 'org:billing:manage'],
    creatorEligible: false,
  },
];

export interface RoleRow {
  id: string;
  key: string;
  name: string;
  description: string | null;
  permissions: string;
  is_creator_eligible: number;
  created_at: number;
  updated_at: number;
}

/** Inserts the instance roles if missing; each is a millisecond apart so `-created_at` is stable. */
export function ensureRoles(db: Db, now: number): void {
  ROLE_DEFS.forEach((role, index) => {
    run(
      db,
      `INSERT OR IGNORE INTO roles (id, key, name, description, permissions, is_creator_eligible, created_at, updated_at)
       VALUES (@id, @key, @name, @description, @permissions, @eligible, @at, @at)`,
      {
        id: fixedId('role', role.key.replace(/[^A-Za-z0-9]/g, '')),
        key: role.key,
        name: role.name,
        description: role.description,
        permissions: JSON.stringify(role.permissions),
        eligible: role.creatorEligible ? 1 : 0,
        at: now - 1000 * (ROLE_DEFS.length - index),
      },
    );
  });
}

export function getRole(db: Db, key: string): RoleRow | undefined {
  return first<RoleRow>(db, 'SELECT * FROM roles WHERE key = @key', { key });
}

export function listRoles(db: Db, limit: number, offset: number): { rows: RoleRow[]; total: number } {
  const rows = all<RoleRow>(
    db,
    'SELECT * FROM roles ORDER BY created_at DESC, seq DESC LIMIT @limit OFFSET @offset',
    {
      limit,
      offset,
    },
  );
  const total = first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM roles')?.n ?? 0;
  return { rows, total };
}

/** The permission keys a role grants (empty for an unknown role). */
export function rolePermissions(db: Db, key: string): string[] {
  const row = getRole(db, key);
  return row ? (JSON.parse(row.permissions) as string[]) : [];
}
