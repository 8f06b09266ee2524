import { z } from 'zod';
import { emailProblem } from './email-rules.ts';
import { ACTIVITY_SOURCES, BULK_JOB_KINDS, BULK_ROW_OUTCOMES } from './enums.ts';
import { InvitationId, OrganizationId } from './ids.ts';
import { intParam } from './query.ts';

// Wire shapes of the dashboard's own routes (not Clerk's): /api/health, /api/config, /api/me,
// /api/demo/*, /api/bulk-invitations and /api/activity.

export const Health = z.object({
  status: z.literal('ok'),
  /** `emulator` when the upstream is the local Clerk emulator (demo sign-in available), else `clerk`. */
  upstream: z.enum(['emulator', 'clerk']),
  /** Where a signed-out user goes to sign in against real Clerk; null with the emulator. */
  sign_in_url: z.string().nullable(),
});
export type Health = z.infer<typeof Health>;

/** What the browser needs to sign in with Clerk (`GET /api/config`, also inlined in index.html). */
export const ConsoleConfig = z.object({
  /** Handed to `ClerkProvider`. */
  publishable_key: z.string(),
  /** Where clerk-js reaches its scripts and Clerk's Frontend API on our origin. */
  proxy_url: z.string(),
  /** Set when sign-in happens on a Clerk-hosted page (Account Portal) instead of `<SignIn />` here. */
  sign_in_url: z.string().nullable(),
  /** True against the emulator outside production: one-click demo users beside Clerk's form. */
  demo: z.boolean(),
  /** Clerk's UI script (its pinned version, on our origin): loaded once a Clerk component is shown. */
  clerk_ui_url: z.string(),
});
export type ConsoleConfig = z.infer<typeof ConsoleConfig>;

export const MeOrganization = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: z.string(),
});
export const Me = z.object({
  user: z.object({
    id: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email_address: z.string().nullable(),
    image_url: z.string().nullable(),
  }),
  is_staff: z.boolean(),
  /** Organizations the user administers (`org:admin`); every organization is manageable by staff. */
  organizations: z.array(MeOrganization),
});
export type Me = z.infer<typeof Me>;

export const DevUser = z.object({
  id: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  email_address: z.string(),
  description: z.string(),
});
export type DevUser = z.infer<typeof DevUser>;
/** `GET /api/demo/users`: every user of the emulator and the password the demo gave them all. */
export const DemoUserList = z.object({ data: z.array(DevUser), password: z.string().nullable() });
export type DemoUserList = z.infer<typeof DemoUserList>;
export const DemoSignInBody = z.strictObject({ user_id: z.string() });
/** A single-use Clerk sign-in token for a demo user, redeemed by clerk-js (`strategy: 'ticket'`). */
export const DemoSignInTicket = z.object({ ticket: z.string() });
export type DemoSignInTicket = z.infer<typeof DemoSignInTicket>;

export const BULK_JOB_STATUSES = ['queued', 'running', 'waiting_rate_limit', 'done', 'cancelled'] as const;
export const BulkJobStatus = z.enum(BULK_JOB_STATUSES);
export const BulkRowOutcome = z.enum(BULK_ROW_OUTCOMES);
export const BulkJobKind = z.enum(BULK_JOB_KINDS);
export type BulkJobKind = z.infer<typeof BulkJobKind>;
export type BulkJobStatus = z.infer<typeof BulkJobStatus>;
export type BulkRowOutcome = z.infer<typeof BulkRowOutcome>;

/** Why a pasted row is recorded on the job but not sent (the preview said so). */
export const BULK_LEFT_OUT_REASONS = ['invalid', 'unknown_role', 'duplicate', 'pending', 'member'] as const;
export const BulkJobLeftOut = z.strictObject({
  reason: z.enum(BULK_LEFT_OUT_REASONS),
  /** The preview's words for it, about this row only. */
  message: z.string().trim().min(1).max(300),
});
export type BulkJobLeftOut = z.infer<typeof BulkJobLeftOut>;

/**
 * One pasted row. Rows without `left_out` are sent, so their address must be one Clerk accepts; a
 * left-out row keeps what was pasted (an invalid address too) so the results account for every line.
 */
export const BulkJobRowInput = z
  .strictObject({
    email_address: z.string().trim().max(320),
    role: z.string().min(1).max(64),
    /** The line of the paste the row came from, from 1. */
    line: z.number().int().min(1).max(10_000_000).optional(),
    left_out: BulkJobLeftOut.optional(),
    /**
     * The address already has this pending invitation (the check said so) and the admin chose to send
     * it again: the row re-issues it (revoked, then created again with its role and metadata). The job
     * checks that the invitation is the address's, in the job's organization, when it runs.
     */
    reissue_invitation_id: InvitationId.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.left_out && row.reissue_invitation_id) {
      ctx.addIssue({
        code: 'custom',
        path: ['reissue_invitation_id'],
        message: 'a left-out row is not re-issued',
        input: row.reissue_invitation_id,
      });
    }
    if (row.left_out) return;
    const problem = emailProblem(row.email_address);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        path: ['email_address'],
        message: `email address ${problem}`,
        params: { clerk_code: 'form_param_format_invalid' },
      });
    }
  });
export type BulkJobRowInput = z.infer<typeof BulkJobRowInput>;
export const BulkJobOptions = z.strictObject({
  expires_in_days: z.number().int().min(1).max(365).nullable().optional(),
  redirect_url: z.string().url().max(2048).nullable().optional(),
  notify: z.boolean().optional(),
});
export type BulkJobOptions = z.infer<typeof BulkJobOptions>;
export const CreateBulkJobBody = z.strictObject({
  organization_id: OrganizationId,
  rows: z
    .array(BulkJobRowInput)
    .min(1)
    .max(20_000)
    .refine((rows) => rows.some((r) => !r.left_out), {
      message: 'rows must include at least one row to send (one without left_out).',
      params: { clerk_code: 'form_param_missing' },
    }),
  options: BulkJobOptions.optional(),
});
export type CreateBulkJobBody = z.infer<typeof CreateBulkJobBody>;

export const BulkJobCounts = z.object({
  invited: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  /** Rows whose invitation was revoked: only on `revoke` jobs. */
  revoked: z.number().int().optional(),
});
export const BulkJobRow = z.object({
  /** The line of the paste, when the job was created with line numbers. */
  line: z.number().int().nullable(),
  /** Empty until looked up, on a row started from an invitation id (`reissue`, `revoke`). */
  email_address: z.string(),
  role: z.string(),
  outcome: BulkRowOutcome,
  /** The invitation the row ended with: invite and reissue, the one created; revoke, the one revoked. */
  invitation_id: z.string().nullable(),
  /** Only on reissue and revoke rows: the invitation the row acts on (a reissue's new one replaces it). */
  source_invitation_id: z.string().nullable().optional(),
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export type BulkJobRow = z.infer<typeof BulkJobRow>;
export const BulkJob = z.object({
  id: z.string(),
  /** `invite` (a paste), `reissue` (resend / re-issue invitations) or `revoke`. */
  kind: BulkJobKind,
  organization_id: z.string(),
  created_by: z.string(),
  status: BulkJobStatus,
  counts: BulkJobCounts,
  /** When a rate-limited job resumes (Unix ms), else null. */
  resume_at: z.number().int().nullable(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  rows: z.array(BulkJobRow),
});
export type BulkJob = z.infer<typeof BulkJob>;
export type BulkJobCounts = z.infer<typeof BulkJobCounts>;
/** A job without its rows, as listed by `GET /api/organizations/:org/bulk-invitations`. */
export const BulkJobSummary = BulkJob.omit({ rows: true });
export type BulkJobSummary = z.infer<typeof BulkJobSummary>;
export const BulkJobList = z.object({ data: z.array(BulkJobSummary), total_count: z.number().int() });
export type BulkJobList = z.infer<typeof BulkJobList>;

/** Who reported an entry: the console itself, or Clerk (a webhook) for changes made anywhere. */
export const ActivitySource = z.enum(ACTIVITY_SOURCES);
export type ActivitySource = z.infer<typeof ActivitySource>;
export const ActivityEntry = z.object({
  id: z.string(),
  action: z.string(),
  source: ActivitySource,
  actor_id: z.string(),
  /** The actor's name (or email) when the entry was recorded, for display. */
  actor_name: z.string().nullable(),
  organization_id: z.string().nullable(),
  email_addresses: z.array(z.string()),
  outcome: z.string(),
  clerk_trace_id: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  created_at: z.number().int(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;
export const ActivityList = z.object({ data: z.array(ActivityEntry), total_count: z.number().int() });
export type ActivityList = z.infer<typeof ActivityList>;
export const ActivityQuery = z.object({
  organization_id: z.string().optional(),
  actor_id: z.string().optional(),
  /** A name or an email address (or an id): entries by an actor so named, or with that address. */
  actor: z.string().trim().min(1).max(320).optional(),
  action: z.string().optional(),
  /** Entries about this address (exact, case-insensitive). */
  email_address: z.string().trim().max(320).optional(),
  source: ActivitySource.optional(),
  since: intParam(0, Number.MAX_SAFE_INTEGER, 0),
  until: intParam(0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 1_000_000_000, 0),
});

/**
 * `GET /api/activity/changes?after=&wait=`: answers once the log has changed (in a way the user may
 * see) since `after`, or after `wait` seconds (0: at once, to learn the current version).
 */
export const ActivityChangesQuery = z.object({
  after: intParam(0, Number.MAX_SAFE_INTEGER, 0),
  wait: intParam(0, 25, 0),
});
export const ActivityChangesAnswer = z.object({ version: z.number().int(), changed: z.boolean() });
export type ActivityChangesAnswer = z.infer<typeof ActivityChangesAnswer>;

/** `POST /api/bulk-invitations/check`: which addresses already have a pending invitation or are members. */
export const BulkCheckBody = z.strictObject({
  organization_id: OrganizationId,
  email_addresses: z.array(z.string().max(320)).min(1).max(20_000),
});
export type BulkCheckBody = z.infer<typeof BulkCheckBody>;
export const BulkCheckResult = z.object({
  /** Addresses (lower-cased) with a pending invitation in the organization. */
  pending: z.array(z.object({ email_address: z.string(), invitation_id: z.string() })),
  /** Addresses (lower-cased) that belong to a member of the organization. */
  members: z.array(z.object({ email_address: z.string(), user_id: z.string() })),
});
export type BulkCheckResult = z.infer<typeof BulkCheckResult>;

/**
 * Acceptance figures of invitations known from Clerk's webhooks (and the one-time backfill): those
 * sent in the last `window_days`, how many of them were accepted, the rate and the median time from
 * sending to accepting, and how many invitations are still pending (not expired) after `stale_days`.
 */
export const AcceptanceFigures = z.object({
  sent: z.number().int(),
  accepted: z.number().int(),
  /** accepted / sent, between 0 and 1; null when nothing was sent. */
  acceptance_rate: z.number().nullable(),
  /** Null when none of them was accepted. */
  median_time_to_accept_ms: z.number().int().nullable(),
  /** Invitations still pending (not expired) more than `stale_days` after they were sent. */
  stale_pending: z.number().int(),
});
export type AcceptanceFigures = z.infer<typeof AcceptanceFigures>;
export const AcceptanceWindow = z.object({
  window_days: z.number().int(),
  stale_days: z.number().int(),
  /** The time the figures are computed for (Unix ms). */
  as_of: z.number().int(),
});
export const InviterAcceptance = AcceptanceFigures.extend({
  /** Null for invitations sent without an inviter (Clerk's dashboard, an api key). */
  inviter_id: z.string().nullable(),
  inviter_name: z.string().nullable(),
});
export type InviterAcceptance = z.infer<typeof InviterAcceptance>;
/** `GET /api/organizations/:org/acceptance`. */
export const OrganizationAcceptance = AcceptanceFigures.extend({
  ...AcceptanceWindow.shape,
  organization_id: z.string(),
  inviters: z.array(InviterAcceptance),
});
export type OrganizationAcceptance = z.infer<typeof OrganizationAcceptance>;
/** `GET /api/acceptance?organization_id=…`: the figures of several organizations (a list page). */
export const AcceptanceList = z.object({
  ...AcceptanceWindow.shape,
  data: z.array(AcceptanceFigures.extend({ organization_id: z.string() })),
});
export type AcceptanceList = z.infer<typeof AcceptanceList>;
/** Without `organization_id`: every organization the user manages (staff: every one with figures). */
export const AcceptanceListQuery = z.object({
  organization_id: z
    .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(OrganizationId).min(1).max(100))
    .optional(),
});
