import type { BulkJob } from '@invites/clerk-schema';
import { getBulkJob, getBulkJobRecord } from '../bulk/job-repository.ts';
import { DEFAULT_RUNNER_SETTINGS, type JobRun } from '../bulk/job-run.ts';
import { releaseLease, renewLease } from '../bulk/lease.ts';
import { runStep } from '../bulk/run-job.ts';
import type { BulkUpstream } from '../bulk/upstream.ts';
import type { Store } from '../store/create-store.ts';

/** Steps one request may take: a lookup, checks, a revoke, a create and a confirmation or two. */
const MAX_STEPS = 12;

/**
 * Runs a small job created leased to `owner` in the request that made it, so a single resend answers
 * with its outcome. It uses the worker's own steps, with one difference: a transient failure ends the
 * row at once (failed, with a retry) instead of being retried for minutes. A rate limit hands the job to
 * the worker (it resumes after `Retry-After`); a crash leaves it leased until the lease runs out, and
 * then the worker finishes it, so nothing revoked is left without its new invitation silently.
 */
export async function runInline(options: {
  store: Store;
  jobId: string;
  owner: string;
  upstream: BulkUpstream;
  leaseMs: number;
  now: () => number;
}): Promise<BulkJob> {
  const { store, jobId, owner, leaseMs, now } = options;
  const job = await getBulkJobRecord(store, jobId);
  if (!job) throw new Error(`job ${jobId} vanished`);
  const run: JobRun = {
    store,
    job,
    options: job.parsedOptions,
    upstream: options.upstream,
    settings: { ...DEFAULT_RUNNER_SETTINGS, maxFailures: 1 },
    now,
  };
  for (let steps = 0; ; steps += 1) {
    if (steps >= MAX_STEPS || !(await renewLease(store, jobId, owner, leaseMs, now()))) {
      await releaseLease(store, jobId, owner, { kind: 'yield' }, now());
      break;
    }
    const step = await runStep(run);
    if (step.kind === 'done') {
      await releaseLease(store, jobId, owner, { kind: 'done' }, now());
      break;
    }
    if (step.kind === 'wait' && step.status === 'waiting_rate_limit') {
      await releaseLease(store, jobId, owner, step, now());
      break;
    }
    // `continue`, or a backoff: with one failure allowed, the next step settles what failed.
  }
  const after = await getBulkJob(store, jobId);
  if (!after) throw new Error(`job ${jobId} vanished`);
  return after;
}
