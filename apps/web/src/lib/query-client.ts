import { notifyManager, QueryClient } from '@tanstack/react-query';
import { type ApiError, isApiError } from './api-client.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** Retries only what may succeed on a second try: network failures and upstream trouble. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const transient =
    error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504;
  return transient && failureCount < 2;
}

/**
 * Components hear of an answer in the task that received it (a microtask after it), not in a timer
 * task of their own: while a page loads, that timer waits behind the page's other work (Clerk's
 * scripts, other queries, lazy chunks) before the rows it carries can be drawn. Updates made together
 * are still one batch.
 */
export function notifyInSameTask(): void {
  notifyManager.setScheduler(queueMicrotask);
}

/** The app's QueryClient with its defaults. */
export function createQueryClient(): QueryClient {
  notifyInSameTask();
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Forgets what one signed-in user was answered, before the next one is: every cached answer, the
 * answers still on their way (cancelled, and dropped when they come) and past mutations; what is on
 * screen asks again, with the new user's token. `clear()` alone would leave a component whose read was
 * under way waiting for ever: its query is destroyed under it, the read cancelled silently, and nothing
 * asks again.
 */
export function forgetUser(queryClient: QueryClient): Promise<void> {
  void queryClient.cancelQueries(undefined, { silent: true, revert: false });
  queryClient.getMutationCache().clear();
  return queryClient.resetQueries();
}

/**
 * Resolves once `started` has resolved and no query is fetching, or after `maxMs`, whichever is first.
 * The app's first render waits on it when the first page's reads are already on their way (main.tsx).
 */
export function firstReadsSettled(
  queryClient: QueryClient,
  started: Promise<unknown>,
  maxMs: number,
): Promise<void> {
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    void started.then(() => {
      if (queryClient.isFetching() === 0) return done();
      unsubscribe = queryClient.getQueryCache().subscribe(() => {
        if (queryClient.isFetching() === 0) done();
      });
    });
  });
}
