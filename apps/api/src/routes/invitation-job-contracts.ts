import { z } from '@hono/zod-openapi';
import {
  BulkJob,
  ExpiringInstanceInvitationsQuery,
  ExpiringInvitationsQuery,
  OrganizationInvitationList,
  OrganizationInvitationWithOrgList,
  ResendInvitationBody,
  ResentInvitation,
  StartInvitationJobBody,
} from '@invites/clerk-schema';
import { consoleRoute, jsonContent } from '../http/contract.ts';

/**
 * The contracts of the invitation lifecycle routes (handlers in invitation-jobs.ts and
 * expiring-invitations.ts): resend one, a job that re-issues or revokes many, the expiring-soon lists.
 * Paths are under `/api`.
 */

const org = z.string().openapi({ description: 'An organization id (`org_…`).' });
const OrgParams = z.object({ org });
const InvitationParams = z.object({
  org,
  inv: z.string().openapi({ description: 'An invitation id (`orginv_…`).' }),
});
const jsonBody = <S extends z.ZodType>(schema: S, description: string) => ({
  ...jsonContent(schema, description),
  required: true,
});

export const startInvitationJob = consoleRoute('org_manager', {
  method: 'post',
  path: '/organizations/{org}/invitation-jobs',
  summary: 'Re-issue or revoke a selection, or every invitation matching filters, through a bulk job',
  description:
    'Exactly one of `invitation_ids` (at most 500) or `filter` (the organization list’s filters; the ' +
    'server reads every match from Clerk, at most 20,000). Follow the job with `GET /api/bulk-invitations/{id}`. ' +
    '422 `no_matching_invitations` when nothing matches, `too_many_matching_invitations` past 20,000.',
  request: { params: OrgParams, body: jsonBody(StartInvitationJobBody, 'The kind and the invitations.') },
  responses: { 201: jsonContent(BulkJob, 'The queued job, one row per invitation.') },
});

export const resendInvitation = consoleRoute('org_manager', {
  method: 'post',
  path: '/organizations/{org}/invitations/{inv}/resend',
  summary: 'Resend a pending or expired invitation (a pending one is revoked first)',
  description:
    'The new invitation keeps the address, role, public and private metadata, redirect URL and validity. ' +
    'Skipped or failed: Clerk’s envelope (`already_a_member_in_organization`, ' +
    '`organization_invitation_not_unique`, `organization_invitation_not_resendable`, or 502 ' +
    '`invitation_revoked_not_recreated` with `meta.bulk_job_id` to retry).',
  request: { params: InvitationParams, body: jsonBody(ResendInvitationBody, 'Nothing to choose: `{}`.') },
  responses: {
    201: jsonContent(ResentInvitation, 'The new invitation, with `replaces` (the old id).'),
    202: jsonContent(BulkJob, 'Clerk’s rate limit: the one-row job finishes after `Retry-After`.'),
  },
});

export const listExpiring = consoleRoute('org_manager', {
  method: 'get',
  path: '/organizations/{org}/invitations/expiring',
  summary: 'Pending invitations expiring within 3, 7, 14 or 30 days, soonest first',
  request: { params: OrgParams, query: ExpiringInvitationsQuery },
  responses: { 200: jsonContent(OrganizationInvitationList, 'A page, and the count of every match.') },
});

export const listExpiringEverywhere = consoleRoute('staff', {
  method: 'get',
  path: '/invitations/expiring',
  summary: 'Pending invitations of every organization expiring within 3, 7, 14 or 30 days',
  request: { query: ExpiringInstanceInvitationsQuery },
  responses: { 200: jsonContent(OrganizationInvitationWithOrgList, 'A page, and the count of every match.') },
});
