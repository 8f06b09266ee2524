import { OpenAPIHono } from '@hono/zod-openapi';
import { type ActivityAction, type BulkJob, clerkErrors } from '@invites/clerk-schema';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { actorName } from '../activity/audit.ts';
import { actingUserId } from '../auth/access.ts';
import { canManageOrg, type Principal } from '../auth/principal.ts';
import { cancelBulkJob, retryFailedRows } from '../bulk/job-commands.ts';
import {
  createBulkJob,
  getBulkJob,
  getBulkJobRecord,
  isBulkJobId,
  listBulkJobs,
  TERMINAL_STATUSES,
} from '../bulk/job-repository.ts';
import { bulkJobResultsCsv } from '../bulk/results-csv.ts';
import { guarded } from '../http/contract.ts';
import { ApiError } from '../http/errors.ts';
import type { BulkJobsTable } from '../store/schema.ts';
import type { AppEnv } from '../types.ts';
import { readUpstream } from '../upstream/client.ts';
import {
  cancelJob,
  checkRecipients,
  createJob,
  getJob,
  getJobResults,
  listJobs,
  retryJob,
} from './bulk-invitation-contracts.ts';
import type { RouteDeps } from './route-deps.ts';

/** Addresses kept on the `bulk_job.create` entry; the job's Clerk calls list every address anyway. */
const LOGGED_ADDRESSES = 100;

type JobEnv = AppEnv & { Variables: { job: BulkJobsTable } };

const jobNotFound = (id: string) =>
  new ApiError(
    clerkErrors.notFound(
      isBulkJobId(id) ? `No bulk invitation job was found with id ${id}.` : 'No such bulk invitation job.',
    ),
  );

/** 404 for a malformed job id, before auth (like the ids of the `org_manager` guard). */
const checkJobId = createMiddleware<AppEnv>(async (c, next) => {
  const id = c.req.param('id') ?? '';
  if (!isBulkJobId(id)) throw jobNotFound(id);
  await next();
});

/**
 * Bulk-invite jobs and the preview check. Jobs of organizations the user may not manage answer 404,
 * exactly like jobs that do not exist, so job ids leak nothing. Mounted at `/api`.
 */
export function bulkInvitationRoutes(deps: RouteDeps) {
  const { store, access, activity, recipients, roles, upstream, wakeWorker, now } = deps;

  /** Puts the job on the context, or 404 when it does not exist or belongs to another organization. */
  const loadJob = createMiddleware<JobEnv>(async (c, next) => {
    const id = c.req.param('id') ?? '';
    const job = await getBulkJobRecord(store, id);
    if (!job || !canManageOrg(c.get('principal'), job.organization_id)) throw jobNotFound(id);
    c.set('job', job);
    await next();
  });
  const jobScoped = { before: [checkJobId], after: [loadJob] };

  const assertManages = (p: Principal, organizationId: string) => {
    if (!canManageOrg(p, organizationId)) throw new ApiError(clerkErrors.forbidden());
  };

  /** Staff may name any organization: make sure it exists before queueing work for it. */
  const assertOrganizationExists = async (p: Principal, organizationId: string) => {
    if (!p.isStaff || p.memberships.some((m) => m.id === organizationId)) return;
    await readUpstream(await upstream.send({ method: 'GET', path: `/v1/organizations/${organizationId}` }));
  };

  const recordJobEvent = (
    c: Context<JobEnv>,
    action: ActivityAction,
    job: BulkJob,
    detail: Record<string, unknown> = {},
  ) => {
    const p = c.get('principal');
    activity.record(
      {
        action,
        actor_id: p.userId,
        actor_name: actorName(p),
        organization_id: job.organization_id,
        email_addresses: [],
        outcome: 'ok',
        clerk_trace_id: null,
        detail: { bulk_job_id: job.id, status: job.status, ...detail },
      },
      c.get('log'),
    );
  };

  /** The context's job with counts and rows (404 if it was deleted meanwhile). */
  const jobOf = async (c: Context<JobEnv>): Promise<BulkJob> => {
    const job = await getBulkJob(store, c.get('job').id);
    if (!job) throw jobNotFound(c.get('job').id);
    return job;
  };

  return new OpenAPIHono<JobEnv>()
    .openapi(guarded(checkRecipients, access), async (c) => {
      const body = c.req.valid('json');
      assertManages(c.get('principal'), body.organization_id);
      return c.json(await recipients.check(body.organization_id, body.email_addresses), 200);
    })
    .openapi(guarded(createJob, access), async (c) => {
      const p = c.get('principal');
      const body = c.req.valid('json');
      const org = body.organization_id;
      assertManages(p, org);
      await assertOrganizationExists(p, org);
      await roles.assertKnown(body.rows.map((r) => (r.left_out ? null : r.role)));
      const job = await createBulkJob(store, {
        organizationId: org,
        createdBy: p.userId,
        createdByName: actorName(p),
        inviterUserId: actingUserId(p, org, null),
        rows: body.rows,
        options: body.options,
        now: now(),
      });
      // The addresses the job will send to; the rows left out were never meant for Clerk.
      const addresses = [
        ...new Set(job.rows.filter((r) => r.outcome === 'pending').map((r) => r.email_address)),
      ];
      const leftOut = body.rows.filter((r) => r.left_out).length;
      activity.record(
        {
          action: 'bulk_job.create',
          actor_id: p.userId,
          actor_name: actorName(p),
          organization_id: org,
          email_addresses: addresses.slice(0, LOGGED_ADDRESSES),
          outcome: 'ok',
          clerk_trace_id: null,
          detail: {
            bulk_job_id: job.id,
            row_count: job.rows.length,
            ...(leftOut > 0 ? { left_out_rows: leftOut } : {}),
            ...(addresses.length > LOGGED_ADDRESSES
              ? { email_addresses_omitted: addresses.length - LOGGED_ADDRESSES }
              : {}),
          },
        },
        c.get('log'),
      );
      wakeWorker();
      return c.json(job, 201);
    })
    .openapi(guarded(getJob, access, jobScoped), async (c) => c.json(await jobOf(c), 200))
    .openapi(guarded(getJobResults, access, jobScoped), async (c) => {
      const job = await jobOf(c);
      return c.body(bulkJobResultsCsv(job), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="bulk-${job.kind}-${job.id}.csv"`,
      });
    })
    .openapi(guarded(cancelJob, access, jobScoped), async (c) => {
      const before = c.get('job');
      const job = (await cancelBulkJob(store, before.id, now())) ?? (await jobOf(c));
      if (!TERMINAL_STATUSES.includes(before.status as BulkJob['status'])) {
        recordJobEvent(c, 'bulk_job.cancel', job, { pending_rows: job.counts.pending });
      }
      return c.json(job, 200);
    })
    .openapi(guarded(retryJob, access, jobScoped), async (c) => {
      const before = await jobOf(c);
      const job = (await retryFailedRows(store, before.id, now())) ?? before;
      if (before.counts.failed > 0 || before.status === 'cancelled') {
        recordJobEvent(c, 'bulk_job.retry', job, { retried_rows: before.counts.failed });
        wakeWorker();
      }
      return c.json(job, 200);
    })
    .openapi(guarded(listJobs, access), async (c) =>
      c.json(await listBulkJobs(store, c.req.valid('param').org, c.req.valid('query')), 200),
    );
}
