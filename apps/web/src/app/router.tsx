import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client.ts';
import { createRouter, type Router } from '../lib/router/router.ts';
import { parseSearch, stringifySearch } from '../lib/url-state.ts';
import { NotFoundPage, PendingPage, RouteErrorPage } from './layouts/route-states.tsx';
import { createRouteTree } from './route-tree.tsx';

/** The app's router: lazy pages, URL state with repeated keys for arrays. */
export function createAppRouter(queryClient: QueryClient): Router {
  return createRouter({
    routes: createRouteTree(queryClient),
    parseSearch,
    stringifySearch,
    pendingComponent: PendingPage,
    pendingMs: 300,
    errorComponent: RouteErrorPage,
    notFoundComponent: NotFoundPage,
  });
}

/** A session that ends mid-visit (any 401) goes to sign-in, which comes back to the same view. */
export function redirectToSignInOn401(queryClient: QueryClient, router: Router): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error') return;
    if (!isApiError(event.action.error, 401)) return;
    const location = router.latestLocation();
    if (location.pathname === '/sign-in') return;
    router.navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true });
  });
}
