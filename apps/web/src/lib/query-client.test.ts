import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstReadsSettled, forgetUser } from './query-client.ts';

/** A read whose answer (per call) the test gives; the signal it was asked with, to see it cancelled. */
function controlledRead() {
  const calls: { answer: (value: string) => void; signal: AbortSignal }[] = [];
  const queryFn = ({ signal }: { signal: AbortSignal }) =>
    new Promise<string>((resolve) => {
      calls.push({ answer: resolve, signal });
    });
  return { calls, queryFn };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('forgetUser', () => {
  it('drops a read under way and asks again for what is on screen, so it is never left waiting', async () => {
    const client = new QueryClient();
    const { calls, queryFn } = controlledRead();
    const observer = new QueryObserver(client, { queryKey: ['me'], queryFn });
    const seen: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await flush();
    expect(calls).toHaveLength(1);

    void forgetUser(client);
    await flush();
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(calls).toHaveLength(2);
    // The first user's answer arrives late: dropped. The new one shows.
    calls[0]?.answer('ada');
    calls[1]?.answer('grace');
    await flush();
    expect(observer.getCurrentResult().data).toBe('grace');
    expect(seen).not.toContain('ada');
    unsubscribe();
  });

  it('keeps no answer of the previous user, on screen or not, and forgets past mutations', async () => {
    const client = new QueryClient();
    client.setQueryData(['org', 'org_1'], { name: 'Acme' });
    await client
      .getMutationCache()
      .build(client, { mutationFn: async () => 'done' })
      .execute(undefined);
    await forgetUser(client);
    expect(client.getQueryData(['org', 'org_1'])).toBeUndefined();
    expect(client.getMutationCache().getAll()).toEqual([]);
  });
});

describe('firstReadsSettled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether `promise` has settled, after the microtasks and timers due now have run. */
  async function isSettled(promise: Promise<unknown>) {
    let settled = false;
    void promise.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    return settled;
  }

  it("waits for the reads the router's load started, and no longer", async () => {
    const client = new QueryClient();
    const me = controlledRead();
    const list = controlledRead();
    let started = () => {};
    const load = new Promise<void>((resolve) => {
      started = resolve;
    });
    const ready = firstReadsSettled(client, load, 150);
    void client.fetchQuery({ queryKey: ['me'], queryFn: me.queryFn });
    void client.fetchQuery({ queryKey: ['list'], queryFn: list.queryFn });
    started();
    expect(await isSettled(ready)).toBe(false);
    me.calls[0]?.answer('ada');
    expect(await isSettled(ready)).toBe(false);
    list.calls[0]?.answer('rows');
    expect(await isSettled(ready)).toBe(true);
  });

  it('gives up after its limit: a slow read does not hold the first render back', async () => {
    const client = new QueryClient();
    const slow = controlledRead();
    void client.fetchQuery({ queryKey: ['list'], queryFn: slow.queryFn });
    const ready = firstReadsSettled(client, Promise.resolve(), 150);
    await vi.advanceTimersByTimeAsync(149);
    expect(await isSettled(ready)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await isSettled(ready)).toBe(true);
    expect(slow.calls[0]?.signal.aborted).toBe(false);
  });

  it('gives up after its limit when the page itself is slow to load', async () => {
    const ready = firstReadsSettled(new QueryClient(), new Promise(() => {}), 150);
    await vi.advanceTimersByTimeAsync(150);
    expect(await isSettled(ready)).toBe(true);
  });

  it('resolves as soon as the load is done when it started no read', async () => {
    const ready = firstReadsSettled(new QueryClient(), Promise.resolve(), 150);
    expect(await isSettled(ready)).toBe(true);
  });
});
