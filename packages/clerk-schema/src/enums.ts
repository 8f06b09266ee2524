// The value lists of the wire shapes, no zod: the web app validates every URL's search params with
// these before its first page renders, where zod's classic API would not fit the bundle budget.
// Import them from `@invites/clerk-schema/enums` there; everywhere else the package index has them.

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const INVITATION_ORDER_KEYS = ['created_at', 'email_address'] as const;
export const BULK_ROW_OUTCOMES = ['pending', 'invited', 'skipped', 'failed', 'revoked'] as const;
/** What a bulk job does to each row: invite an address, re-issue an invitation, or revoke one. */
export const BULK_JOB_KINDS = ['invite', 'reissue', 'revoke'] as const;
/** The "Expires within" filter: pending invitations expiring within this many days. */
export const EXPIRES_WITHIN_DAYS = [3, 7, 14, 30] as const;
export const ACTIVITY_ACTIONS = [
  'invitation.create',
  'invitation.revoke',
  'invitation.bulk_create',
  'bulk_job.create',
  'bulk_job.cancel',
  'bulk_job.retry',
  'invitation.resent',
  // From Clerk's webhooks: what the invitee or someone outside the console did.
  'invitation.accept',
  'membership.create',
  'membership.update',
  'membership.delete',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];
/** Who reported an activity entry: the console itself, or Clerk (a webhook) for changes made anywhere. */
export const ACTIVITY_SOURCES = ['console', 'clerk'] as const;
/** The actor of a Clerk-reported change when Clerk does not say who made it. */
export const UNKNOWN_ACTOR_ID = 'clerk';
