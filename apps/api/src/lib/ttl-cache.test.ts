import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('ttl cache', () => {
  it('reuses an answer until the TTL passes, then loads again', async () => {
    let now = 0;
    let loads = 0;
    const cache = createTtlCache<number>({ ttlMs: 100, now: () => now });
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    now = 99;
    expect(await cache.get('k', load)).toBe(1);
    now = 100;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('shares one load between callers and keeps no failure', async () => {
    const cache = createTtlCache<string>({ ttlMs: 100, now: () => 0 });
    const gate = deferred<string>();
    let loads = 0;
    const load = () => {
      loads += 1;
      return gate.promise;
    };
    const both = Promise.all([cache.get('k', load), cache.get('k', load)]);
    gate.resolve('v');
    expect(await both).toEqual(['v', 'v']);
    expect(loads).toBe(1);
    await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', async () => 'up')).toBe('up');
  });

  it('a load overtaken by delete answers its caller but is not kept', async () => {
    const cache = createTtlCache<string>({ ttlMs: 100, now: () => 0 });
    const stale = deferred<string>();
    const first = cache.get('k', () => stale.promise);
    cache.delete('k');
    stale.resolve('before the change');
    expect(await first).toBe('before the change');
    expect(await cache.get('k', async () => 'after the change')).toBe('after the change');
  });
});
