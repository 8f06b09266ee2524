import { QueryClient } from '@tanstack/react-query';
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

/** The app's QueryClient with its defaults. */
export function createQueryClient(): QueryClient {
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
