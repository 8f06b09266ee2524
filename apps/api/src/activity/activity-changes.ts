/**
 * Tells waiting activity pages that the log changed (a console entry written, Clerk's events applied),
 * in this process: `GET /api/activity/changes` answers a waiting page as soon as a change it may see
 * happens. Another replica's changes reach a page through its slower polling.
 */
export interface ActivityChanges {
  /** A number that grows with each change in this process (it starts again at 0 with the process). */
  version(): number;
  publish(organizationIds: readonly (string | null)[]): void;
  /**
   * Resolves with the current version once a change `visible` to the caller happened after `after`
   * (at once when one already has), or after `timeoutMs`, or when `signal` aborts.
   */
  wait(
    after: number,
    visible: (organizationId: string | null) => boolean,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<{ version: number; changed: boolean }>;
}

/** Changes remembered, so a page coming back with an older version learns what it missed. */
const KEPT = 1_000;

export function createActivityChanges(): ActivityChanges {
  let version = 0;
  const recent: { version: number; organizationIds: readonly (string | null)[] }[] = [];
  const waiters = new Set<() => void>();
  const changedSince = (after: number, visible: (id: string | null) => boolean) => {
    // After a restart the page's version is ahead of ours: it cannot know what changed meanwhile.
    if (after > version) return true;
    if (recent.length > 0 && after < (recent[0]?.version ?? 0) - 1) return true;
    return recent.some((c) => c.version > after && c.organizationIds.some(visible));
  };
  return {
    version: () => version,
    publish(organizationIds) {
      version += 1;
      recent.push({ version, organizationIds });
      if (recent.length > KEPT) recent.shift();
      for (const wake of [...waiters]) wake();
    },
    wait(after, visible, timeoutMs, signal) {
      if (changedSince(after, visible)) return Promise.resolve({ version, changed: true });
      return new Promise((resolve) => {
        const done = (changed: boolean) => {
          waiters.delete(check);
          clearTimeout(timer);
          signal?.removeEventListener('abort', abort);
          resolve({ version, changed });
        };
        const check = () => {
          if (changedSince(after, visible)) done(true);
        };
        const abort = () => done(false);
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(check);
        signal?.addEventListener('abort', abort);
      });
    },
  };
}
