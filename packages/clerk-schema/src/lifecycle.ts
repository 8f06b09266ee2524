import { z } from 'zod';
import { BulkJobKind } from './dashboard.ts';
import { EmailAddress } from './email.ts';
import { EXPIRES_WITHIN_DAYS } from './enums.ts';
import { InvitationId } from './ids.ts';
import { OrganizationInvitation } from './invitation.ts';
import {
  InvitationStatus,
  intParam,
  ListInstanceInvitationsQuery,
  ListOrganizationInvitationsQuery,
  PaginationQuery,
  repeatedParam,
} from './query.ts';

// Wire shapes of the invitation lifecycle routes (the dashboard's own, outside Clerk's `/api/v1`):
// resend, jobs over many invitations (reissue, revoke), the expiring-soon lists and the person lookup.

/** `expires_within`: 3, 7, 14 or 30 (days), as a number in a body or as text in a query string. */
export const ExpiresWithin = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,3}$/.test(v) ? Number(v) : v),
  z.literal(EXPIRES_WITHIN_DAYS),
);
export type ExpiresWithin = (typeof EXPIRES_WITHIN_DAYS)[number];

/** `POST /api/organizations/{org}/invitations/{inv}/resend` answers 201 with the new invitation. */
export const ResentInvitation = OrganizationInvitation.extend({
  /** The id of the invitation this one replaces (revoked, or expired). */
  replaces: z.string(),
});
export type ResentInvitation = z.infer<typeof ResentInvitation>;

/** The resend body: nothing to choose, the new invitation is the old one's (an empty body reads as `{}`). */
export const ResendInvitationBody = z.strictObject({});

/** `GET /api/organizations/{org}/bulk-invitations`: a page of jobs, of some kinds (default all). */
export const ListBulkJobsQuery = PaginationQuery.extend({ kind: repeatedParam(BulkJobKind, 3) });

/** The most invitations one job acts on; a filter matching more is refused (narrow it). */
export const INVITATION_JOB_MAX_ROWS = 20_000;
/** The most invitation ids a job may be started with (a hand-made selection); use `filter` beyond. */
export const INVITATION_JOB_MAX_IDS = 500;

/**
 * "Every invitation of the organization matching these filters", read by the server page by page
 * from Clerk when the job starts. The same filters as the organization's table (its URL state).
 */
export const InvitationJobFilter = z.strictObject({
  /** Clerk's statuses, OR-ed; absent or empty means every status the job kind acts on. */
  status: z.array(InvitationStatus).max(4).optional(),
  /** Exact, case-insensitive address, as the organization list's `email_address`. */
  email_address: z.string().trim().min(1).max(320).optional(),
  /** Pending invitations expiring within this many days (then `status` may only be `pending`). */
  expires_within: ExpiresWithin.optional(),
});
export type InvitationJobFilter = z.infer<typeof InvitationJobFilter>;

/**
 * `POST /api/organizations/{org}/invitation-jobs`: a durable job (the bulk-job engine) that re-issues
 * or revokes invitations of one organization. Give exactly one of `invitation_ids` (a selection, at
 * most 500) or `filter` (every match, at most 20,000); `exclude_invitation_ids` takes rows out of a
 * filter's matches (deselected after "Select all N matching"). Answers 201 with the job (`BulkJob`,
 * followed through `GET /api/bulk-invitations/{id}`).
 */
export const StartInvitationJobBody = z
  .strictObject({
    /** `reissue`: pending ones are revoked then re-created, expired ones re-created. `revoke`: revoked. */
    kind: z.enum(['reissue', 'revoke']),
    invitation_ids: z.array(InvitationId).min(1).max(INVITATION_JOB_MAX_IDS).optional(),
    filter: InvitationJobFilter.optional(),
    exclude_invitation_ids: z.array(InvitationId).max(INVITATION_JOB_MAX_IDS).optional(),
  })
  .superRefine((body, ctx) => {
    const both = body.invitation_ids !== undefined && body.filter !== undefined;
    if (both || (body.invitation_ids === undefined && body.filter === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['invitation_ids'],
        message: 'give exactly one of invitation_ids or filter',
        input: body.invitation_ids,
      });
    }
    if (body.exclude_invitation_ids !== undefined && body.filter === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['exclude_invitation_ids'],
        message: 'exclude_invitation_ids goes with filter',
        input: body.exclude_invitation_ids,
      });
    }
    const { filter } = body;
    if (filter?.expires_within !== undefined && filter.status?.some((s) => s !== 'pending')) {
      ctx.addIssue({
        code: 'custom',
        path: ['filter', 'status'],
        message: 'expires_within applies to pending invitations only',
        input: filter.status,
      });
    }
  });
export type StartInvitationJobBody = z.infer<typeof StartInvitationJobBody>;

const page = { limit: intParam(1, 500, 10), offset: intParam(0, 1_000_000_000, 0) };

/**
 * `GET /api/organizations/{org}/invitations/expiring`: the organization's pending invitations that
 * expire within `expires_within` days, soonest first, in Clerk's list envelope (Clerk has no such
 * filter: the api reads the pending ones and keeps them briefly).
 */
export const ExpiringInvitationsQuery = z.object({
  expires_within: ExpiresWithin,
  email_address: z.string().trim().max(320).optional(),
  ...page,
});
export type ExpiringInvitationsQuery = z.infer<typeof ExpiringInvitationsQuery>;

/** `GET /api/invitations/expiring` (staff): the same across organizations, `query` as getAll's. */
export const ExpiringInstanceInvitationsQuery = z.object({
  expires_within: ExpiresWithin,
  query: z.string().trim().max(320).optional(),
  ...page,
});
export type ExpiringInstanceInvitationsQuery = z.infer<typeof ExpiringInstanceInvitationsQuery>;

/**
 * Query of the console's CSV export of an organization's invitations
 * (`GET /api/organizations/{id}/invitations/export.csv`): the list's filters and order, every page;
 * with `expires_within`, the expiring-soon list instead (pending ones, soonest expiry first).
 */
export const ExportOrganizationInvitationsQuery = ListOrganizationInvitationsQuery.omit({
  limit: true,
  offset: true,
}).extend({ expires_within: ExpiresWithin.optional() });
export type ExportOrganizationInvitationsQuery = z.infer<typeof ExportOrganizationInvitationsQuery>;

/** Query of the staff CSV export (`GET /api/organization_invitations/export.csv`): getAll's filters, or expiring soon. */
export const ExportInstanceInvitationsQuery = ListInstanceInvitationsQuery.omit({
  limit: true,
  offset: true,
}).extend({ expires_within: ExpiresWithin.optional() });
export type ExportInstanceInvitationsQuery = z.infer<typeof ExportInstanceInvitationsQuery>;

/** `GET /api/v1/users?email_address=` (staff, person lookup): one exact address, nothing else. */
export const UserByEmailQuery = z.strictObject({ email_address: EmailAddress });
export type UserByEmailQuery = z.infer<typeof UserByEmailQuery>;
