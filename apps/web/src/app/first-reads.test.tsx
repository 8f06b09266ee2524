import { QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FirstReadsGate, loadFirstReads } from './first-reads.tsx';
import type { AppRouter } from './router.tsx';

/** A router whose first load starts the given reads, as the route's loaders do. */
function routerStarting(queryClient: QueryClient, reads: Record<string, Promise<unknown>>) {
  return {
    load: async () => {
      for (const [key, read] of Object.entries(reads))
        void queryClient.prefetchQuery({ queryKey: [key], queryFn: () => read, retry: false });
    },
  } as unknown as AppRouter;
}

function deferred() {
  let resolve!: (value: unknown) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const state = (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  return () => settled;
};

describe('loadFirstReads', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('settles once every read the first route started has answered or failed', async () => {
    const queryClient = new QueryClient();
    const me = deferred();
    const list = deferred();
    const settled = state(
      loadFirstReads(routerStarting(queryClient, { me: me.promise, list: list.promise }), queryClient),
    );
    await vi.advanceTimersByTimeAsync(10);
    me.resolve({ id: 'user_1' });
    await vi.advanceTimersByTimeAsync(10);
    expect(settled()).toBe(false);
    list.reject(new Error('the api is down'));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(true);
  });

  it('stops waiting after the wait, however long a read takes', async () => {
    const queryClient = new QueryClient();
    const never = new Promise(() => undefined);
    const settled = state(loadFirstReads(routerStarting(queryClient, { list: never }), queryClient, 500));
    await vi.advanceTimersByTimeAsync(499);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled()).toBe(true);
  });

  it('settles at once when the route started no read, and when its load fails', async () => {
    const queryClient = new QueryClient();
    const failing = { load: () => Promise.reject(new Error('chunk failed')) } as unknown as AppRouter;
    const none = state(loadFirstReads(routerStarting(queryClient, {}), queryClient));
    const failed = state(loadFirstReads(failing, queryClient));
    await vi.advanceTimersByTimeAsync(0);
    expect(none()).toBe(true);
    expect(failed()).toBe(true);
  });
});

describe('FirstReadsGate', () => {
  it('shows "Loading…" until the first reads are in, then the page', async () => {
    const first = deferred();
    render(
      <FirstReadsGate first={first.promise}>
        <h1>Acme Corp invitations</h1>
      </FirstReadsGate>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(screen.queryByRole('heading')).toBeNull();
    await act(async () => first.resolve(undefined));
    expect(screen.getByRole('heading', { name: 'Acme Corp invitations' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
