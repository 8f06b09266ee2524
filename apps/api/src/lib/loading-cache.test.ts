import { describe, expect, it } from 'vitest';
import { createLoadingCache } from './loading-cache.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('loading cache', () => {
  it('reuses an answer until the TTL has passed, then loads again', async () => {
    let now = 1_000;
    let loads = 0;
    const cache = createLoadingCache<number>({
      max: 10,
      ttlMs: 100,
      now: () => now,
      load: async () => ++loads,
    });
    expect(await cache.get('k')).toBe(1);
    now = 1_100;
    expect(await cache.get('k')).toBe(1);
    now = 1_101;
    expect(await cache.get('k')).toBe(2);
  });

  it('shares one load between callers and keeps no failure', async () => {
    const gate = deferred<string>();
    let loads = 0;
    const cache = createLoadingCache<string, () => Promise<string>>({
      max: 10,
      ttlMs: 100,
      now: () => 1_000,
      load: (_key, load) => {
        loads += 1;
        return load();
      },
    });
    const both = Promise.all([cache.get('k', () => gate.promise), cache.get('k', () => gate.promise)]);
    gate.resolve('v');
    expect(await both).toEqual(['v', 'v']);
    expect(loads).toBe(1);
    await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', async () => 'up')).toBe('up');
  });

  it('a load overtaken by delete answers its caller but is not kept', async () => {
    const cache = createLoadingCache<string, () => Promise<string>>({
      max: 10,
      ttlMs: 100,
      now: () => 1_000,
      load: (_key, load) => load(),
    });
    const stale = deferred<string>();
    const first = cache.get('k', () => stale.promise);
    cache.delete('k');
    stale.resolve('before the change');
    expect(await first).toBe('before the change');
    expect(await cache.get('k', async () => 'after the change')).toBe('after the change');
  });

  it('a load overtaken by delete is not kept even when another key is cached', async () => {
    const cache = createLoadingCache<string, () => Promise<string>>({
      max: 10,
      ttlMs: 100,
      now: () => 1_000,
      load: (_key, load) => load(),
    });
    await cache.get('other', async () => 'o');
    const stale = deferred<string>();
    const first = cache.get('k', () => stale.promise);
    cache.delete('k');
    const fresh = cache.get('k', async () => 'after the change');
    stale.resolve('before the change');
    expect(await first).toBe('before the change');
    expect(await fresh).toBe('after the change');
    expect(await cache.get('k', async () => 'reloaded')).toBe('after the change');
  });

  it('keeps each answer for its own TTL, and answers with none left without keeping them', async () => {
    let now = 1_000;
    let loads = 0;
    const cache = createLoadingCache<number | null>({
      max: 10,
      ttlMs: 100,
      now: () => now,
      load: async (key) => {
        loads += 1;
        return key === 'bad' ? null : loads;
      },
      ttlOf: (value) => (value === null ? 0 : 10),
    });
    expect(await cache.get('good')).toBe(1);
    now = 1_010;
    expect(await cache.get('good')).toBe(1);
    now = 1_011;
    expect(await cache.get('good')).toBe(2);
    expect(await cache.get('bad')).toBeNull();
    expect(await cache.get('bad')).toBeNull();
    expect(loads).toBe(4);
  });

  it('forgets the least recently used key when full', async () => {
    let loads = 0;
    const cache = createLoadingCache<number>({
      max: 2,
      ttlMs: 1_000,
      now: () => 1_000,
      load: async () => ++loads,
    });
    await cache.get('a');
    await cache.get('b');
    await cache.get('a');
    await cache.get('c'); // evicts b
    expect(loads).toBe(3);
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('b')).toBe(4);
  });
});
