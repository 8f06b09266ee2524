import type { BulkJob } from '@invites/clerk-schema';
import { getBulkJob } from '../bulk/job-repository.ts';
import type { Store } from '../store/create-store.ts';

/** Polls a job until `done` says so (default: status done or cancelled); throws after `timeoutMs`. */
export async function waitForJob(
  store: Store,
  id: string,
  timeoutMs = 15_000,
  done: (job: BulkJob) => boolean = (job) => job.status === 'done' || job.status === 'cancelled',
): Promise<BulkJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getBulkJob(store, id);
    if (job && done(job)) return job;
    if (Date.now() > deadline)
      throw new Error(`job ${id} still ${job?.status} ${JSON.stringify(job?.counts)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runner settings that keep tests fast. */
export const FAST_SETTINGS = {
  pollMs: 10,
  leaseMs: 5_000,
  backoffBaseMs: 5,
  backoffMaxMs: 50,
  rateLimitFallbackMs: 200,
} as const;

/** Addresses `user<start>@<domain>` … */
export function addresses(n: number, domain = 'example.com', start = 0) {
  return Array.from({ length: n }, (_, i) => ({
    email_address: `user${start + i}@${domain}`,
    role: 'org:member',
  }));
}
