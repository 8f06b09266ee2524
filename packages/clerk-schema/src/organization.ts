import { z } from 'zod';
import { listOf, Metadata } from './invitation.ts';

export const Organization = z.object({
  object: z.literal('organization'),
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  image_url: z.string().optional(),
  has_image: z.boolean(),
  members_count: z.number().int().optional(),
  pending_invitations_count: z.number().int().optional(),
  max_allowed_memberships: z.number().int(),
  admin_delete_enabled: z.boolean(),
  public_metadata: Metadata,
  private_metadata: Metadata.optional(),
  created_by: z.string().optional(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});
export type Organization = z.infer<typeof Organization>;
export const OrganizationList = listOf(Organization);
export type OrganizationList = z.infer<typeof OrganizationList>;

export const CreateOrganizationBody = z.strictObject({
  name: z.string().min(1).max(256),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(256)
    .optional(),
  created_by: z.string().optional(),
  max_allowed_memberships: z.number().int().min(0).optional(),
  public_metadata: Metadata.optional(),
  private_metadata: Metadata.optional(),
});
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

export const Permission = z.object({
  object: z.literal('permission'),
  id: z.string(),
  name: z.string(),
  key: z.string(),
  description: z.string(),
  type: z.string(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});

export const Role = z.object({
  object: z.literal('role'),
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  is_creator_eligible: z.boolean(),
  permissions: z.array(Permission),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});
export type Role = z.infer<typeof Role>;
export const RoleList = listOf(Role);
export type RoleList = z.infer<typeof RoleList>;

export const MembershipPublicUserData = z.object({
  user_id: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  image_url: z.string(),
  has_image: z.boolean(),
  identifier: z.string().nullable().optional(),
});

export const OrganizationMembership = z.object({
  object: z.literal('organization_membership'),
  id: z.string(),
  role: z.string(),
  role_name: z.string().optional(),
  permissions: z.array(z.string()),
  public_metadata: Metadata,
  private_metadata: Metadata.optional(),
  organization: Organization,
  public_user_data: MembershipPublicUserData.optional(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});
export type OrganizationMembership = z.infer<typeof OrganizationMembership>;
export const OrganizationMembershipList = listOf(OrganizationMembership);
export type OrganizationMembershipList = z.infer<typeof OrganizationMembershipList>;

export const CreateMembershipBody = z.strictObject({
  user_id: z.string(),
  role: z.string().min(1),
  public_metadata: Metadata.nullable().optional(),
  private_metadata: Metadata.nullable().optional(),
});

/** `PATCH /organizations/{id}/memberships/{user_id}`: the membership's new role. */
export const UpdateMembershipBody = z.strictObject({ role: z.string().min(1) });

export const EmailAddressObject = z.object({
  object: z.literal('email_address'),
  id: z.string(),
  email_address: z.string(),
});

/** The part of Clerk's User the dashboard reads (the emulator returns the whole spec shape). */
export const User = z.object({
  object: z.literal('user'),
  id: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  image_url: z.string().optional(),
  has_image: z.boolean(),
  primary_email_address_id: z.string().nullable(),
  email_addresses: z.array(EmailAddressObject),
  public_metadata: Metadata,
  private_metadata: Metadata.optional(),
  /** Unix ms of the last sign-in, null before the first (read by the person lookup). */
  last_sign_in_at: z.number().int().nullable().optional(),
  banned: z.boolean().optional(),
  locked: z.boolean().optional(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});
export type User = z.infer<typeof User>;
export const UserList = z.array(User);

export const CreateUserBody = z.object({
  email_address: z.array(z.string()).min(1).optional(),
  first_name: z.string().max(256).optional(),
  last_name: z.string().max(256).optional(),
  public_metadata: Metadata.optional(),
  private_metadata: Metadata.optional(),
  skip_password_requirement: z.boolean().optional(),
  skip_password_checks: z.boolean().optional(),
  // Accepted as Clerk's spec allows them (the emulator stores or ignores them).
  external_id: z.string().max(256).nullable().optional(),
  username: z.string().max(256).nullable().optional(),
  password: z.string().max(256).nullable().optional(),
  unsafe_metadata: Metadata.optional(),
  locale: z.string().max(64).nullable().optional(),
  skip_legal_checks: z.boolean().nullable().optional(),
  delete_self_enabled: z.boolean().nullable().optional(),
  create_organization_enabled: z.boolean().nullable().optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const CreateSessionBody = z.strictObject({
  user_id: z.string(),
  active_organization_id: z.string().nullable().optional(),
});

export const CreateSessionTokenBody = z.strictObject({
  expires_in_seconds: z.number().int().min(30).max(315_360_000).nullable().optional(),
});

export const SessionToken = z.object({ object: z.literal('token'), jwt: z.string() });

export const Session = z.object({
  object: z.literal('session'),
  id: z.string(),
  user_id: z.string(),
  client_id: z.string(),
  status: z.enum(['active', 'revoked', 'ended', 'expired', 'removed', 'abandoned', 'replaced', 'pending']),
  last_active_organization_id: z.string().nullable().optional(),
  last_active_at: z.number().int(),
  expire_at: z.number().int(),
  abandon_at: z.number().int(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});
export type Session = z.infer<typeof Session>;

export const RsaJwk = z.object({
  use: z.literal('sig'),
  kty: z.literal('RSA'),
  kid: z.string(),
  alg: z.literal('RS256'),
  n: z.string(),
  e: z.string(),
});
export const Jwks = z.object({ keys: z.array(RsaJwk) });
export type Jwks = z.infer<typeof Jwks>;

/** `GET /users/count`. */
export const TotalCount = z.object({ object: z.literal('total_count'), total_count: z.number().int() });
