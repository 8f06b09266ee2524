import type { Logger } from '../log.ts';
import type { Store } from '../store/create-store.ts';
import { type NewActivity, recordActivity } from './activity-log.ts';

/** Writes activity entries off the request path. */
export interface ActivityRecorder {
  /** Starts writing the entry and returns at once; a failed write is logged, never thrown. */
  record(entry: NewActivity, log?: Logger): void;
  /** Resolves once every entry recorded so far is written or has failed (shutdown, tests). */
  flush(): Promise<void>;
}

/** An ActivityRecorder over the store; `created_at` is taken when `record` is called. */
export function createActivityRecorder(options: {
  store: Store;
  logger: Logger;
  now: () => number;
  /** Hears each written entry's organization (pages waiting for changes). */
  onWritten?: (organizationId: string | null) => void;
}): ActivityRecorder {
  const pending = new Set<Promise<void>>();
  return {
    record(entry, log = options.logger) {
      const write = recordActivity(options.store, { created_at: options.now(), ...entry }).then(
        () => options.onWritten?.(entry.organization_id),
        (err: unknown) => {
          log.error(
            { action: entry.action, organization_id: entry.organization_id, error: err },
            'could not record activity',
          );
        },
      );
      pending.add(write);
      void write.finally(() => pending.delete(write));
    },
    async flush() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
