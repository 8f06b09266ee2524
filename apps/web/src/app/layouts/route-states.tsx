import { type ErrorComponentProps, Link, useRouter } from '@tanstack/react-router';
import { ApiError } from '../../lib/api-client.ts';
import { ErrorState, StateMessage } from '../../ui/states.tsx';

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

/** No route matches the address. */
export function NotFoundPage() {
  return (
    <div className="page page-center">
      <div className="panel">
        <StateMessage
          title="Page not found"
          description="The address doesn't match any page of the console."
          action={
            <Link to="/orgs" className="btn">
              Go to organizations
            </Link>
          }
        />
      </div>
    </div>
  );
}
