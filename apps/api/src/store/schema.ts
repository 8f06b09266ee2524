import type { ColumnType, Generated, Kysely } from 'kysely';

// Timestamps are Unix milliseconds (BIGINT on Postgres, parsed to numbers); JSON columns are text.

export interface BulkJobsTable {
  id: string;
  /** `invite`, `reissue` or `revoke` (`BulkJobKind`); the column defaults to `invite`. */
  kind?: string | undefined;
  organization_id: string;
  created_by: string;
  /** The creator's display name when the job was created (for the activity log). */
  created_by_name: string | null;
  /** What is sent to Clerk as `inviter_user_id`: the creator when an admin of the org, else null. */
  inviter_user_id: string | null;
  /** JSON of `BulkJobOptions`. */
  options: string;
  status: string;
  /** While waiting out a rate limit or backing off: not claimable before this time. */
  resume_at: number | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  row_count: number;
  created_at: number;
  updated_at: number;
}

export interface BulkJobRowsTable {
  job_id: string;
  position: number;
  /** The line of the paste the row came from (from 1), when the client sent it. */
  line: number | null;
  email_address: string;
  role: string;
  outcome: string;
  invitation_id: string | null;
  code: string | null;
  message: string | null;
  /** 1 when Clerk rejected this row's bulk chunk without naming the bad address: send it alone. */
  send_alone: number;
  /** Consecutive transient failures (5xx, network) of the calls carrying this row. */
  failures: number;
  /** Set just before a request carrying this row is sent, cleared on a definite answer. */
  in_flight_at: number | null;
  /** Start of the earliest attempt whose outcome was unknown (it may have created an invitation). */
  ambiguous_since: number | null;
  updated_at: number;
  // Rows of `reissue` and `revoke` jobs (absent, i.e. null, on `invite` rows).
  /** The invitation the row acts on. */
  source_invitation_id?: string | null | undefined;
  /** How far a reissue row got (`ReissueStep`); null before anything was sent. */
  step?: string | null | undefined;
  /** JSON of the invitation a reissue row will create (metadata included); dropped once it settles. */
  payload?: string | null | undefined;
}

export interface ActivityTable {
  id: string;
  action: string;
  actor_id: string;
  /** The actor's display name when the entry was recorded. */
  actor_name: string | null;
  organization_id: string | null;
  /** JSON array of strings. */
  email_addresses: string;
  outcome: string;
  clerk_trace_id: string | null;
  /** JSON object. */
  detail: string;
  created_at: number;
  /** `console` or `clerk` (a webhook). */
  source: Generated<string>;
  /** A Clerk entry's change (`invitation.revoke:<id>`); hidden when a console entry names the same. */
  change_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Clerk webhook events as received; `svix_id` makes a redelivery a no-op. */
export interface WebhookEventsTable {
  svix_id: string;
  type: string;
  organization_id: string | null;
  /** The verified event, JSON. */
  payload: string;
  /** The event's own time (Unix ms). */
  occurred_at: number;
  received_at: number;
  /** Set once the event is applied (to the figures and the activity log). */
  processed_at: number | null;
  attempts: number;
  last_error: string | null;
}

/** One invitation as the events (and the backfill) describe it: what the acceptance figures read. */
export interface InvitationOutcomesTable {
  id: string;
  organization_id: string;
  email_address: string;
  inviter_id: string | null;
  inviter_name: string | null;
  /** pending, accepted or revoked; accepted and revoked are final. */
  status: string;
  /** When the invitation was sent. */
  created_at: number;
  expires_at: number | null;
  /** When it was accepted or revoked. */
  settled_at: number | null;
  accepted_user_id: string | null;
  /** `webhook` or `backfill`: what first described it. */
  source: string;
  updated_at: number;
}

/** The changes a console entry of the activity log stands for (`invitation.revoke:<id>`, …). */
export interface ActivityChangesTable {
  change_key: string;
  activity_id: string;
}

export interface StoreMetaTable {
  key: string;
  value: string;
}

export interface StoreSchema {
  bulk_jobs: BulkJobsTable;
  bulk_job_rows: BulkJobRowsTable;
  activity: ActivityTable;
  webhook_events: WebhookEventsTable;
  invitation_outcomes: InvitationOutcomesTable;
  activity_changes: ActivityChangesTable;
  store_meta: StoreMetaTable;
}

export type StoreDb = Kysely<StoreSchema>;
