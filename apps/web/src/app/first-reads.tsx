import type { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { PendingPage } from './layouts/route-states.tsx';
import type { AppRouter } from './router.tsx';

/** How long the first page waits for its reads before it renders with its own loading states. */
export const FIRST_READS_WAIT_MS = 1000;

/**
 * Loads the first route (its code, its loaders) and settles once the reads that started (the signed-in
 * user, the page's data) have answered, or failed (the page shows the error), or after `waitMs`.
 */
export function loadFirstReads(
  router: AppRouter,
  queryClient: QueryClient,
  waitMs = FIRST_READS_WAIT_MS,
): Promise<unknown> {
  const answered = router
    .load()
    .catch(() => undefined)
    .then(() =>
      Promise.allSettled(
        queryClient
          .getQueryCache()
          .getAll()
          // `fetch` of a query already fetching is that fetch's promise.
          .flatMap((query) => (query.state.fetchStatus === 'fetching' ? [query.fetch()] : [])),
      ),
    );
  return Promise.race([answered, new Promise((resolve) => setTimeout(resolve, waitMs))]);
}

/**
 * Renders the first page once its reads have answered (`loadFirstReads`), "Loading…" until then:
 * rendered before, the page would suspend and show "Loading…" as a fallback, and React then holds the
 * finished page back until 300 ms after that fallback appeared (its Suspense reveal throttle), however
 * soon the data came. Shown here, "Loading…" is a page of its own, and the page replaces it at once.
 */
export function FirstReadsGate({ first, children }: { first: Promise<unknown>; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void first.then(() => setReady(true));
  }, [first]);
  return ready ? children : <PendingPage />;
}
