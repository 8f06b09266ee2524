import { z } from 'zod';
import { EmailAddress } from './email.ts';
import { InvitationStatus } from './query.ts';

export const Metadata = z.record(z.string(), z.unknown());
export type Metadata = z.infer<typeof Metadata>;

/** Unix milliseconds, like every Clerk timestamp. */
const Millis = z.number().int();

export const PublicInviterData = z.object({
  user_id: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  image_url: z.string(),
  has_image: z.boolean(),
  identifier: z.string(),
});
export type PublicInviterData = z.infer<typeof PublicInviterData>;

export const PublicOrganizationData = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  image_url: z.string().optional(),
  has_image: z.boolean(),
});
export type PublicOrganizationData = z.infer<typeof PublicOrganizationData>;

export const OrganizationInvitation = z.object({
  object: z.literal('organization_invitation'),
  id: z.string(),
  email_address: z.string(),
  role: z.string(),
  role_name: z.string(),
  organization_id: z.string(),
  inviter_id: z.string().nullable(),
  public_inviter_data: PublicInviterData.nullable(),
  status: InvitationStatus,
  public_metadata: Metadata,
  private_metadata: Metadata.optional(),
  url: z.string().nullable(),
  expires_at: Millis.nullable(),
  created_at: Millis,
  updated_at: Millis,
});
export type OrganizationInvitation = z.infer<typeof OrganizationInvitation>;

export const OrganizationInvitationWithPublicOrganizationData = OrganizationInvitation.extend({
  public_organization_data: PublicOrganizationData,
});
export type OrganizationInvitationWithPublicOrganizationData = z.infer<
  typeof OrganizationInvitationWithPublicOrganizationData
>;

/** Clerk's list envelope: one page of `data` and the count of every match. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), total_count: z.number().int() });
}

export const OrganizationInvitationList = listOf(OrganizationInvitation);
export type OrganizationInvitationList = z.infer<typeof OrganizationInvitationList>;
export const OrganizationInvitationWithOrgList = listOf(OrganizationInvitationWithPublicOrganizationData);
export type OrganizationInvitationWithOrgList = z.infer<typeof OrganizationInvitationWithOrgList>;

const RedirectUrl = z
  .string()
  .max(2048)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
    message: 'must be an http(s) URL',
  });

/** One invitation to create, as `create` takes it and as one item of `bulkCreate`. */
export const CreateInvitationBody = z.strictObject({
  email_address: EmailAddress,
  role: z.string().min(1).max(64),
  inviter_user_id: z.string().max(64).nullable().optional(),
  public_metadata: Metadata.nullable().optional(),
  private_metadata: Metadata.nullable().optional(),
  redirect_url: RedirectUrl.nullable().optional(),
  expires_in_days: z.number().int().min(1).max(365).nullable().optional(),
  notify: z.boolean().nullable().optional(),
});
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

export const BULK_MAX = 10;

/** bulkCreate's body: 1..10 invitations, all-or-nothing. */
export const BulkCreateInvitationsBody = z.array(CreateInvitationBody).min(1).max(BULK_MAX);
export type BulkCreateInvitationsBody = z.infer<typeof BulkCreateInvitationsBody>;

export const RevokeInvitationBody = z.strictObject({
  requesting_user_id: z.string().max(64).nullable().optional(),
});
export type RevokeInvitationBody = z.infer<typeof RevokeInvitationBody>;
