import { LRUCache } from 'lru-cache';

/**
 * A per-key cache of async loads (lru-cache's `fetchMethod`): an answer is reused for its TTL, one
 * load is in flight per key, a failed load is not kept, and a `delete` that overtakes a load wins:
 * the load still answers the callers waiting for it, but what it read is not kept.
 */
export interface LoadingCache<V, C = undefined> {
  /** The key's answer; `context` reaches `load` (when several callers share one load, the first's). */
  get(key: string, ...context: undefined extends C ? [context?: C] : [context: C]): Promise<V>;
  delete(key: string): void;
}

export interface LoadingCacheOptions<V, C> {
  /** Entries kept at most (the least recently used goes first). */
  max: number;
  ttlMs: number;
  now: () => number;
  load: (key: string, context: C) => Promise<V>;
  /** How long one answer is kept, when it is not `ttlMs`; 0 or less: answered, but not kept. */
  ttlOf?: (value: V, now: number) => number;
}

/** Boxed so `null` answers can be kept (lru-cache keeps no `undefined`). */
type Box<V> = { value: V; keep: boolean };

export function createLoadingCache<V, C = undefined>(options: LoadingCacheOptions<V, C>): LoadingCache<V, C> {
  const cache = new LRUCache<string, Box<V>, unknown>({
    max: options.max,
    ttl: options.ttlMs,
    // The injected clock, read on every check (no 1 ms reuse of the time, which would hide a test clock).
    perf: { now: options.now },
    ttlResolution: 0,
    // A delete aborts the load's signal; ignoring that lets the load answer its callers, and lru-cache
    // still keeps nothing, since the deleted entry no longer holds this load.
    ignoreFetchAbort: true,
    fetchMethod: async (key, _stale, { options: entry, context }) => {
      const value = await options.load(key, context as C);
      const ttl = options.ttlOf ? options.ttlOf(value, options.now()) : options.ttlMs;
      if (ttl > 0) entry.ttl = ttl;
      return { value, keep: ttl > 0 };
    },
  });
  return {
    async get(key, ...[context]) {
      // A kept answer within its TTL, read without `fetch` (which builds its options and a promise
      // chain on every call); `get` answers nothing for a key whose load is still in flight.
      const hit = cache.get(key);
      if (hit?.keep) return hit.value;
      const box = (await cache.fetch(key, { context })) as Box<V>;
      if (!box.keep && cache.peek(key) === box) cache.delete(key);
      return box.value;
    },
    delete: (key) => {
      cache.delete(key);
    },
  };
}
