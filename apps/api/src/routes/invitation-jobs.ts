import { OpenAPIHono } from '@hono/zod-openapi';
import {
  type BulkJob,
  type ClerkFailure,
  clerkErrors,
  normalizeEmail,
  OrganizationInvitation,
  type ResentInvitation,
} from '@invites/clerk-schema';
import type { Context } from 'hono';
import { actorName } from '../activity/audit.ts';
import { actingUserId } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { createBulkUpstream } from '../bulk/clerk-bulk-upstream.ts';
import { createInvitationJob } from '../bulk/invitation-job-repository.ts';
import { parseUpstream } from '../bulk/list-all.ts';
import { guarded } from '../http/contract.ts';
import { ApiError } from '../http/errors.ts';
import { findTargets } from '../lifecycle/find-targets.ts';
import { runInline } from '../lifecycle/run-inline.ts';
import type { AppEnv } from '../types.ts';
import { readUpstream } from '../upstream/client.ts';
import { withoutPrivateMetadata } from '../upstream/relay.ts';
import { resendInvitation, startInvitationJob } from './invitation-job-contracts.ts';
import type { RouteDeps } from './route-deps.ts';

/** How long a resend holds its job before the worker may take it over (a crashed request). */
const RESEND_LEASE_MS = 60_000;

/** Clerk's envelope for a resend whose row ended skipped or failed, with the job to retry it through. */
function rowFailure(job: BulkJob): ClerkFailure {
  const row = job.rows[0];
  const code = row?.code ?? 'upstream_unavailable';
  const message = row?.message ?? 'The invitation was not resent.';
  const meta = { bulk_job_id: job.id, invitation_id: row?.source_invitation_id ?? null };
  if (row?.outcome === 'failed' && code === 'invitation_revoked_not_recreated') {
    return {
      status: 502,
      errors: [{ code, message: 'revoked, not re-created', long_message: message, meta }],
    };
  }
  const status =
    row?.outcome === 'failed'
      ? code.startsWith('upstream_') || code === 'internal_clerk_error'
        ? 502
        : code === 'resource_not_found'
          ? 404
          : 400
      : 400;
  return { status, errors: [{ code, message: 'not resent', long_message: message, meta }] };
}

/**
 * Resend one invitation, and jobs that re-issue or revoke many (the bulk-job engine, kinds `reissue`
 * and `revoke`). Staff, or an admin of `:org`; private metadata is carried on the server and never
 * answered to org admins. Mounted at `/api`.
 */
export function invitationJobRoutes(deps: RouteDeps) {
  const { store, access, upstream, activity, expiring, recipients, wakeWorker, now } = deps;
  const jobUpstream = createBulkUpstream(upstream);
  const forget = (org: string) => {
    recipients.forget(org);
    expiring.forget(org);
  };
  const strip = (p: Principal, value: unknown) => (p.isStaff ? value : withoutPrivateMetadata(value));

  /** Staff may name any organization: make sure it exists before queueing work for it. */
  const assertOrganizationExists = async (p: Principal, org: string) => {
    if (!p.isStaff || p.memberships.some((m) => m.id === org)) return;
    await readUpstream(await upstream.send({ method: 'GET', path: `/v1/organizations/${org}` }));
  };

  const readInvitation = async (org: string, id: string) =>
    parseUpstream(
      OrganizationInvitation,
      await readUpstream(
        await upstream.send({ method: 'GET', path: `/v1/organizations/${org}/invitations/${id}` }),
      ),
      'invitation',
    );

  const recordStart = (c: Context<AppEnv>, job: BulkJob) => {
    const p = c.get('principal');
    activity.record(
      {
        action: 'bulk_job.create',
        actor_id: p.userId,
        actor_name: actorName(p),
        organization_id: job.organization_id,
        email_addresses: [],
        outcome: 'ok',
        clerk_trace_id: null,
        detail: { bulk_job_id: job.id, kind: job.kind, row_count: job.rows.length },
      },
      c.get('log'),
    );
  };

  return new OpenAPIHono<AppEnv>()
    .openapi(guarded(startInvitationJob, access), async (c) => {
      const p = c.get('principal');
      const { org } = c.req.valid('param');
      const body = c.req.valid('json');
      await assertOrganizationExists(p, org);
      const targets = await findTargets({ upstream, expiring, now }, org, body);
      const job = await createInvitationJob(store, {
        kind: body.kind,
        organizationId: org,
        createdBy: p.userId,
        createdByName: actorName(p),
        inviterUserId: actingUserId(p, org, null),
        targets,
        now: now(),
      });
      recordStart(c, job);
      wakeWorker();
      return c.json(job, 201);
    })
    .openapi(guarded(resendInvitation, access), async (c) => {
      const p = c.get('principal');
      const { org, inv: id } = c.req.valid('param');
      const old = await readInvitation(org, id);
      if (old.status !== 'pending' && old.status !== 'expired') {
        throw new ApiError(clerkErrors.invitationNotResendable(old.status));
      }
      const owner = `resend-${c.get('requestId')}`;
      const created = await createInvitationJob(store, {
        kind: 'reissue',
        organizationId: org,
        createdBy: p.userId,
        createdByName: actorName(p),
        inviterUserId: actingUserId(p, org, null),
        targets: [{ invitation_id: id, email_address: normalizeEmail(old.email_address), role: old.role }],
        now: now(),
        leasedTo: { owner, untilMs: now() + RESEND_LEASE_MS },
      });
      let job: BulkJob;
      try {
        job = await runInline({
          store,
          jobId: created.id,
          owner,
          upstream: jobUpstream,
          leaseMs: RESEND_LEASE_MS,
          now,
        });
      } finally {
        forget(org);
      }
      const row = job.rows[0];
      if (row?.outcome === 'invited' && row.invitation_id) {
        const fresh = await readInvitation(org, row.invitation_id);
        return c.json(
          { ...(strip(p, fresh) as OrganizationInvitation), replaces: id } satisfies ResentInvitation,
          201,
        );
      }
      if (row?.outcome === 'pending') {
        // Clerk's rate limit: the worker sends it after `Retry-After`; the job says when.
        wakeWorker();
        return c.json(job, 202);
      }
      throw new ApiError(rowFailure(job));
    });
}
