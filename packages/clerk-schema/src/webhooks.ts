import { z } from 'zod';

// The Clerk webhook events the console handles (`POST /api/webhooks/clerk`), as much of each as it
// reads. Objects stay open: Clerk adds fields without notice, and the signature already vouches for
// the sender. The full shapes are checked against Clerk's spec in the emulator's tests.

const Millis = z.number().int();
const Id = z.string().min(1).max(128);

const WebhookInviter = z.object({
  user_id: Id,
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  identifier: z.string().nullable().optional(),
});

export const WebhookInvitation = z.object({
  object: z.literal('organization_invitation'),
  id: Id,
  email_address: z.string().min(1).max(320),
  role: z.string().min(1).max(128),
  organization_id: Id,
  status: z.string(),
  inviter_id: Id.nullable().optional(),
  public_inviter_data: WebhookInviter.nullable().optional(),
  expires_at: Millis.nullable().optional(),
  created_at: Millis,
  updated_at: Millis,
});
export type WebhookInvitation = z.infer<typeof WebhookInvitation>;

export const WebhookMembership = z.object({
  object: z.literal('organization_membership'),
  id: Id,
  role: z.string().min(1).max(128),
  organization: z.object({ id: Id, name: z.string().optional(), slug: z.string().optional() }),
  public_user_data: z.object({
    user_id: Id,
    first_name: z.string().nullable().optional(),
    last_name: z.string().nullable().optional(),
    identifier: z.string().nullable().optional(),
  }),
  created_at: Millis,
  updated_at: Millis,
});
export type WebhookMembership = z.infer<typeof WebhookMembership>;

const envelope = { object: z.literal('event').optional(), timestamp: Millis, instance_id: z.string() };

/** The six event types the console stores and processes; any other type is acknowledged and ignored. */
export const HANDLED_WEBHOOK_TYPES = [
  'organizationInvitation.created',
  'organizationInvitation.accepted',
  'organizationInvitation.revoked',
  'organizationMembership.created',
  'organizationMembership.updated',
  'organizationMembership.deleted',
] as const;
export type HandledWebhookType = (typeof HANDLED_WEBHOOK_TYPES)[number];

export const ClerkWebhookEvent = z.discriminatedUnion('type', [
  z.object({
    ...envelope,
    type: z.enum(['organizationInvitation.created', 'organizationInvitation.revoked']),
    data: WebhookInvitation,
  }),
  z.object({
    ...envelope,
    type: z.literal('organizationInvitation.accepted'),
    data: WebhookInvitation.extend({ user_id: Id }),
  }),
  z.object({
    ...envelope,
    type: z.enum([
      'organizationMembership.created',
      'organizationMembership.updated',
      'organizationMembership.deleted',
    ]),
    data: WebhookMembership,
  }),
]);
export type ClerkWebhookEvent = z.infer<typeof ClerkWebhookEvent>;

/** True for the event types the console handles. */
export function isHandledWebhookType(type: unknown): type is HandledWebhookType {
  return (HANDLED_WEBHOOK_TYPES as readonly unknown[]).includes(type);
}
