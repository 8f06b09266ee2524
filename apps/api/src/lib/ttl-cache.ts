/** A per-key cache of async loads: answers reused for `ttlMs`, one load in flight per key, failures not kept. */
export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
}

export function createTtlCache<V>(options: {
  ttlMs: number;
  now: () => number;
  maxEntries?: number;
}): TtlCache<V> {
  const entries = new Map<string, { value: V; until: number }>();
  const inFlight = new Map<string, Promise<V>>();
  const maxEntries = options.maxEntries ?? 1_000;
  return {
    get(key, load) {
      const hit = entries.get(key);
      if (hit && hit.until > options.now()) return Promise.resolve(hit.value);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const loading: Promise<V> = load()
        .then((value) => {
          // A load overtaken by `delete` may predate the change that caused it: answer, but do not keep.
          if (inFlight.get(key) !== loading) return value;
          entries.delete(key);
          if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
          entries.set(key, { value, until: options.now() + options.ttlMs });
          return value;
        })
        .finally(() => {
          if (inFlight.get(key) === loading) inFlight.delete(key);
        });
      inFlight.set(key, loading);
      return loading;
    },
    delete(key) {
      entries.delete(key);
      inFlight.delete(key);
    },
  };
}
