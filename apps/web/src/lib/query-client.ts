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
