import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { ErrorState } from '../../ui/states.tsx';

/** Shown while a page's code or data loads for more than a moment. */
export function PendingPage() {
  return (
    <div className="page-pending" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>Loading…</span>
    </div>
  );
}

/** A route failed to load (the api is down, a chunk failed): say why and offer to retry. */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const router = useRouter();
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError({
          status: 0,
          errors: [
            { code: 'client_error', message: 'Unexpected error', long_message: 'This page failed to load.' },
          ],
        });
  return (
    <main className="page page-center" id="main">
      <div className="panel">
        <ErrorState
          error={apiError}
          title="This page couldn't be loaded"
          onRetry={() => void router.invalidate()}
        />
      </div>
    </main>
  );
}

// Few visits miss every route: the page saying so loads only for them.
const NotFound = lazy(() => import('./not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })));

/** No route matches the address. */
export function NotFoundPage() {
  return (
    <Suspense fallback={<PendingPage />}>
      <NotFound />
    </Suspense>
  );
}
