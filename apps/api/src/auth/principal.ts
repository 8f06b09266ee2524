import type { Me, User } from '@invites/clerk-schema';

export interface OrgRole {
  id: string;
  name: string;
  slug: string;
  /** Role key, e.g. `org:admin`. */
  role: string;
}

/** The signed-in user as the access rules see them. */
export interface Principal {
  userId: string;
  user: User;
  isStaff: boolean;
  /** Every organization the user belongs to, with their role there. */
  memberships: OrgRole[];
}

export const ADMIN_ROLE = 'org:admin';

/** Organizations where the user is `org:admin`. */
export function adminOrgs(p: Principal): OrgRole[] {
  return p.memberships.filter((m) => m.role === ADMIN_ROLE);
}

export function isAdminOf(p: Principal, orgId: string): boolean {
  return p.memberships.some((m) => m.id === orgId && m.role === ADMIN_ROLE);
}

/** Staff manage every organization; org admins only their own. */
export function canManageOrg(p: Principal, orgId: string): boolean {
  return p.isStaff || isAdminOf(p, orgId);
}

/** True for staff and for anyone administering at least one organization. */
export function canUseConsole(p: Principal): boolean {
  return p.isStaff || adminOrgs(p).length > 0;
}

/** Responses to non-staff never carry private metadata. */
export function seesPrivateMetadata(p: Principal): boolean {
  return p.isStaff;
}

function primaryEmail(user: User): string | null {
  const primary = user.email_addresses.find((e) => e.id === user.primary_email_address_id);
  return (primary ?? user.email_addresses[0])?.email_address ?? null;
}

/** The `/api/me` answer. */
export function toMe(p: Principal): Me {
  return {
    user: {
      id: p.user.id,
      first_name: p.user.first_name,
      last_name: p.user.last_name,
      email_address: primaryEmail(p.user),
      image_url: p.user.image_url ?? null,
    },
    is_staff: p.isStaff,
    organizations: adminOrgs(p).map(({ id, name, slug, role }) => ({ id, name, slug, role })),
  };
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A one-line description for the demo sign-in list: "Staff", "Admin of Acme Corp", … */
export function describePrincipal(p: Principal): string {
  if (p.isStaff) return 'Staff';
  const admin = adminOrgs(p).map((m) => m.name);
  const member = p.memberships.filter((m) => m.role !== ADMIN_ROLE).map((m) => m.name);
  const parts = [
    ...(admin.length > 0 ? [`Admin of ${joinNames(admin)}`] : []),
    ...(member.length > 0 ? [`${admin.length > 0 ? 'member' : 'Member'} of ${joinNames(member)}`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'No organizations';
}

export { primaryEmail };
