// Routes and pages for the router's tests (src/lib/router/*.test.tsx).
import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import { useNavigate, useParams, useSearch } from '../lib/router/hooks.ts';
import { Link } from '../lib/router/link.tsx';
import { createRouter, type Router } from '../lib/router/router.ts';
import { Outlet, RouterProvider } from '../lib/router/router-view.tsx';
import type { ErrorComponentProps, RouteConfig } from '../lib/router/types.ts';
import { parseSearch, stringifySearch, validateOrgInvitationsSearch } from '../lib/url-state.ts';

const routers: Router[] = [];
/** How often OrgList mounted (a nested route must not remount its parent). */
export const mounts = { list: 0 };

export function Home() {
  return (
    <main id="main">
      <h1>Home</h1>
      <Link to="/orgs/$orgId/invitations" params={{ orgId: 'org_1' }} search={{ status: ['pending'] }}>
        Acme
      </Link>
      <Link to="/orgs/$orgId/invitations" params={{ orgId: 'org_1' }} target="_blank">
        Acme in a new tab
      </Link>
    </main>
  );
}

export function OrgList() {
  const { orgId } = useParams<'/orgs/$orgId/invitations'>();
  const search = useSearch(validateOrgInvitationsSearch);
  const navigate = useNavigate();
  useEffect(() => {
    mounts.list += 1;
  }, []);
  return (
    <main id="main">
      <h1>Invitations of {orgId}</h1>
      <p>Status: {search.status?.join(', ') ?? 'any'}</p>
      <button
        type="button"
        onClick={() =>
          navigate({ search: (prev) => validateOrgInvitationsSearch({ ...prev, page: 2 }), replace: true })
        }
      >
        Next page
      </button>
      <Link to="/orgs/$orgId/invitations/$invitationId" params={{ orgId, invitationId: 'inv_1' }} search>
        inv_1
      </Link>
      <Outlet />
    </main>
  );
}

export function Detail() {
  const { invitationId } = useParams<'/orgs/$orgId/invitations/$invitationId'>();
  return <div role="dialog" aria-label={invitationId} />;
}

export const Bulk = () => <h1>Bulk invite</h1>;
export const SlowPage = () => <h1>Slow page</h1>;
export const LoadedPage = () => <h1>Loaded page</h1>;

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  return (
    <div role="alert">
      {error instanceof Error ? error.message : 'Failed'}
      <button type="button" onClick={reset}>
        Retry
      </button>
    </div>
  );
}

/** Renders a router over `routes`, starting at `start`. */
export function setupRouter(routes: RouteConfig[], start = '/') {
  window.history.replaceState(null, '', start);
  const router = createRouter({
    routes,
    parseSearch,
    stringifySearch,
    notFoundComponent: () => <h1>Page not found</h1>,
    errorComponent: ErrorPage,
    pendingComponent: () => <p>Loading…</p>,
    pendingMs: 30,
  });
  routers.push(router);
  return { router, ...render(<RouterProvider router={router} />) };
}

export const appRoutes = (extra: RouteConfig[] = []): RouteConfig[] => [
  { path: '/', component: Home },
  {
    path: 'orgs/$orgId/invitations',
    component: OrgList,
    children: [{ path: '$invitationId', component: Detail }],
  },
  { path: 'orgs/$orgId/invitations/bulk', component: Bulk },
  ...extra,
];

export const here = () => window.location.pathname + window.location.search;

/** Registers the per-test reset: no real scrolling (jsdom has none), routers stop listening. */
export function resetRoutersBetweenTests() {
  beforeEach(() => {
    mounts.list = 0;
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });
  afterEach(() => {
    for (const router of routers.splice(0)) router.dispose();
  });
}
