import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { isApiError } from '../lib/api-client.ts';
import { parseSearch, stringifySearch } from '../lib/search-schemas.ts';
import { NotFoundPage, PendingPage, RouteErrorPage } from './layouts/route-states.tsx';
import { pageOf, routeTree } from './route-tree.tsx';

/** The app's router: typed routes, URL state with repeated keys for lists, pages loaded on intent. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    // TanStack Query caches the data; the loaders only start its queries, so they may run every time.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PendingPage,
    defaultPendingMs: 300,
    // Once "Loading…" shows, a page that is ready replaces it at once. The library's default holds the
    // spinner a while to avoid a flash, which kept a loaded page (its rows already fetched) hidden.
    defaultPendingMinMs: 0,
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    // An unknown address shows "Page not found" on its own, signed in or not (no sign-in check).
    notFoundMode: 'root',
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}

/** A session that ends mid-visit (any 401) goes to sign-in, which comes back to the same view. */
export function redirectToSignInOn401(queryClient: QueryClient, router: AppRouter): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error') return;
    if (!isApiError(event.action.error, 401)) return;
    const location = router.latestLocation;
    if (location.pathname === '/sign-in') return;
    void router.navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true });
  });
}

// A page that is still loading sits hidden under the pending state.
const isShown = (element: Element) => !element.closest('[hidden]') && (element.checkVisibility?.() ?? true);

/** Moves focus to the main heading, so keyboard and screen reader users start on the new page. */
export function focusMainHeading(): void {
  const main = document.getElementById('main');
  const target = [...(main ?? document).querySelectorAll('h1')].find(isShown) ?? main;
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/**
 * After a new page renders, focus moves to its heading. Search changes and views over the same page
 * (a detail over its list) keep focus where it is; the router's scroll restoration handles scrolling.
 */
export function focusHeadingOnNewPage(router: AppRouter): () => void {
  // The first render is the page the visit starts on: focus stays where the browser puts it.
  let page: string | undefined | null = null;
  return router.subscribe('onRendered', () => {
    const next = pageOf(router.state.matches);
    const changed = page !== null && next !== page;
    page = next;
    if (changed) focusMainHeading();
  });
}
