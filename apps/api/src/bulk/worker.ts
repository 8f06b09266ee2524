import type { Store } from '../store/create-store.ts';
import type { BulkJobsTable } from '../store/schema.ts';
import { DEFAULT_RUNNER_SETTINGS, type RunnerSettings } from './job-run.ts';
import { claimNextJob } from './lease.ts';
import { runClaimedJob } from './run-job.ts';
import type { BulkUpstream } from './upstream.ts';

export interface BulkWorkerOptions extends Partial<RunnerSettings> {
  store: Store;
  upstream: BulkUpstream;
  /** Unique per process (replica). */
  workerId: string;
  /** Longest idle sleep between looks for work (default 1 s). */
  pollMs?: number;
  /** Lease length; renewed before every step, so it must exceed one step's requests (default 30 s). */
  leaseMs?: number;
  /** Jobs worked at once by this worker (default 2). */
  concurrency?: number;
  clock?: () => number;
  onError?: (err: unknown) => void;
  /** After each step of a job, which may have created or revoked invitations. */
  onProgress?: (job: BulkJobsTable) => void;
}

export interface BulkWorker {
  /** Look for work now (e.g. right after a job was created). */
  wake(): void;
  /** Finishes the current step of every job, lets go of their leases and stops. */
  stop(): Promise<void>;
}

const RUNNABLE = ['queued', 'running', 'waiting_rate_limit'];

/** Starts a worker loop that claims runnable jobs (a lease per job) and runs them. */
export function startBulkWorker(options: BulkWorkerOptions): BulkWorker {
  const { store, upstream, workerId } = options;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const now = options.clock ?? Date.now;
  const settings: RunnerSettings = { ...DEFAULT_RUNNER_SETTINGS };
  for (const key of Object.keys(DEFAULT_RUNNER_SETTINGS) as (keyof RunnerSettings)[]) {
    const value = options[key];
    if (value !== undefined) settings[key] = value;
  }
  const onError = options.onError ?? ((err: unknown) => console.error('bulk worker:', err));
  let stopping = false;
  const sleepers = new Set<() => void>();

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      sleepers.add(done);
    });
  }

  // Sleep until the earliest job waiting out a rate limit or backoff resumes, at most pollMs.
  async function idleDelay(): Promise<number> {
    const next = await store.db
      .selectFrom('bulk_jobs')
      .select((eb) => eb.fn.min<number | null>('resume_at').as('at'))
      .where('status', 'in', RUNNABLE)
      .executeTakeFirst();
    const at = next?.at == null ? null : Number(next.at);
    return at === null ? pollMs : Math.min(pollMs, Math.max(0, at - now()) + 1);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        const job = await claimNextJob(store, workerId, leaseMs, now());
        if (job) {
          await runClaimedJob({
            store,
            job,
            upstream,
            settings,
            workerId,
            leaseMs,
            now,
            shouldStop: () => stopping,
            onProgress: options.onProgress,
          });
        } else {
          await sleep(await idleDelay());
        }
      } catch (err) {
        onError(err);
        await sleep(pollMs);
      }
    }
  }

  const loops = Array.from({ length: options.concurrency ?? 2 }, () => loop());
  return {
    wake() {
      for (const wake of [...sleepers]) wake();
    },
    async stop() {
      stopping = true;
      for (const wake of [...sleepers]) wake();
      await Promise.all(loops);
    },
  };
}
