import type { QueryClient } from '@tanstack/react-query';
import {
  type AnyRouteMatch,
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  type ParsedLocation,
  redirect,
  rootRouteId,
  stripSearchParams,
} from '@tanstack/react-router';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { allInvitationsQueryOptions } from '../features/invitations/api/get-all-invitations.ts';
import { invitationQueryOptions } from '../features/invitations/api/get-invitation.ts';
import { orgInvitationsQueryOptions } from '../features/invitations/api/get-org-invitations.ts';
import { organizationQueryOptions } from '../features/organizations/api/get-organization.ts';
import { organizationsQueryOptions } from '../features/organizations/api/get-organizations.ts';
import { isApiError } from '../lib/api-client.ts';
import {
  ACTIVITY_DEFAULTS,
  activitySearch,
  allInvitationsSearch,
  BULK_JOB_DEFAULTS,
  bulkJobSearch,
  LIST_DEFAULTS,
  orgInvitationsSearch,
  peopleSearch,
  signInSearch,
} from '../lib/search-schemas.ts';
import { probablySignedIn } from '../lib/session-cookies.ts';
import { AppLayout } from './layouts/app-layout.tsx';
import { NotFoundPage, RouteErrorPage } from './layouts/route-states.tsx';

/** What every route's `beforeLoad` and `loader` get. Clerk's session state joins it as `auth`. */
export interface RouterContext {
  queryClient: QueryClient;
}

/**
 * Lets a signed-in visit through (at once when /api/me is cached); a 401 sends it to sign-in, which
 * brings it back afterwards (`redirect` keeps the whole address). Any other failure shows the error page.
 * A browser Clerk marks as signed in does not wait for /api/me: the page's own requests start
 * alongside it (the layout waits for it), and a 401 still goes to sign-in (`redirectToSignInOn401`).
 */
export function requireSignIn(queryClient: QueryClient, location: ParsedLocation): void | Promise<void> {
  const me = meQueryOptions();
  if (queryClient.getQueryData(me.queryKey)) return;
  const checked = queryClient.ensureQueryData(me).then(
    () => undefined,
    (error: unknown) => {
      if (isApiError(error, 401)) {
        throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true });
      }
      throw error;
    },
  );
  if (!probablySignedIn()) return checked;
  void checked.catch(() => undefined);
}

/**
 * A loader's queries run in the background: they start as the route matches (or a link to it is
 * hovered), alongside the page's code, but the page does not wait for them. It has its own loading,
 * error and not-allowed states, and keeps the previous rows on screen while a list's next page loads.
 */
function inBackground(...queries: Promise<unknown>[]): void {
  for (const query of queries) void query.catch(() => undefined);
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: signInSearch,
  component: lazyRouteComponent(() => import('./routes/sign-in-page.tsx'), 'SignInRoutePage'),
});

/** Every signed-in page, in the app's frame. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: ({ context, location }) => requireSignIn(context.queryClient, location),
  component: AppLayout,
  errorComponent: RouteErrorPage,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/orgs', replace: true });
  },
});

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orgs',
  loader: ({ context: { queryClient } }) =>
    inBackground(queryClient.ensureQueryData(organizationsQueryOptions())),
  component: lazyRouteComponent(
    () => import('./routes/organizations-route-page.tsx'),
    'OrganizationsRoutePage',
  ),
});

const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orgs/$orgId',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/orgs/$orgId/invitations', params, replace: true });
  },
});

// The pattern to copy for a list page: the URL state validated by one schema (defaults left out of
// the URL), a loader keyed on it that starts the page's queries, and the page reading both through
// `getRouteApi('/_app/orgs/$orgId/invitations')`.
const orgInvitationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orgs/$orgId/invitations',
  validateSearch: orgInvitationsSearch,
  search: { middlewares: [stripSearchParams(LIST_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, params: { orgId }, deps }) =>
    inBackground(
      queryClient.ensureQueryData(organizationQueryOptions(orgId)),
      queryClient.ensureQueryData(orgInvitationsQueryOptions(orgId, deps)),
    ),
  component: lazyRouteComponent(() => import('./routes/org-invitations-page.tsx'), 'OrgInvitationsPage'),
});

const invitationDetailPage = lazyRouteComponent(
  () => import('./routes/invitation-detail-page.tsx'),
  'InvitationDetailPage',
);

/** One invitation in a side sheet over its organization's list. */
const orgInvitationDetailRoute = createRoute({
  getParentRoute: () => orgInvitationsRoute,
  path: '$invitationId',
  loader: ({ context: { queryClient }, params: { orgId, invitationId } }) =>
    inBackground(queryClient.ensureQueryData(invitationQueryOptions(orgId, invitationId))),
  component: invitationDetailPage,
});

const bulkInviteRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orgs/$orgId/invitations/bulk',
  loader: ({ context: { queryClient }, params: { orgId } }) =>
    inBackground(queryClient.ensureQueryData(organizationQueryOptions(orgId))),
  component: lazyRouteComponent(() => import('./routes/bulk-invite-page.tsx'), 'BulkInvitePage'),
});

const bulkJobRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orgs/$orgId/invitations/bulk/$jobId',
  validateSearch: bulkJobSearch,
  search: { middlewares: [stripSearchParams(BULK_JOB_DEFAULTS)] },
  loader: ({ context: { queryClient }, params: { orgId, jobId } }) =>
    inBackground(
      queryClient.ensureQueryData(organizationQueryOptions(orgId)),
      // The job's query (and its status rules) loads beside the page's code: no other page needs it.
      import('../features/bulk-invite/api/get-bulk-job.ts').then(({ bulkJobQueryOptions }) =>
        queryClient.ensureQueryData(bulkJobQueryOptions(jobId)),
      ),
    ),
  component: lazyRouteComponent(() => import('./routes/bulk-progress-page.tsx'), 'BulkProgressPage'),
});

const allInvitationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'invitations',
  validateSearch: allInvitationsSearch,
  search: { middlewares: [stripSearchParams(LIST_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps }) =>
    inBackground(queryClient.ensureQueryData(allInvitationsQueryOptions(deps))),
  component: lazyRouteComponent(() => import('./routes/all-invitations-page.tsx'), 'AllInvitationsPage'),
});

/** One invitation in a side sheet over the instance-wide list. */
const allInvitationDetailRoute = createRoute({
  getParentRoute: () => allInvitationsRoute,
  path: '$orgId/$invitationId',
  loader: ({ context: { queryClient }, params: { orgId, invitationId } }) =>
    inBackground(queryClient.ensureQueryData(invitationQueryOptions(orgId, invitationId))),
  component: invitationDetailPage,
});

const activityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'activity',
  validateSearch: activitySearch,
  search: { middlewares: [stripSearchParams(ACTIVITY_DEFAULTS)] },
  loaderDeps: ({ search }) => search,
  // The activity query (day ranges in the viewer's zone, the live-update watch) loads with the page's
  // code, in parallel: no other page needs it at start.
  loader: ({ context: { queryClient }, deps }) =>
    inBackground(
      import('../features/activity/api/get-activity.ts').then(({ activityQueryOptions }) =>
        queryClient.ensureQueryData(activityQueryOptions(deps)),
      ),
    ),
  component: lazyRouteComponent(() => import('./routes/activity-page.tsx'), 'ActivityPage'),
});

/** `/people?email=` (staff): everything about one address, for support. */
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'people',
  validateSearch: peopleSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps: { email } }) => {
    if (!email) return;
    // Staff only, and a page of its own: its queries load beside its code, not with every page.
    inBackground(
      import('../features/people/api/get-person.ts').then(({ personQueryOptions }) =>
        queryClient.ensureQueryData(personQueryOptions(email)),
      ),
      import('../features/people/api/get-person-invitations.ts').then(({ personInvitationsQueryOptions }) =>
        queryClient.ensureQueryData(personInvitationsQueryOptions(email)),
      ),
      import('../features/people/api/get-person-activity.ts').then(({ personActivityQueryOptions }) =>
        queryClient.ensureQueryData(personActivityQueryOptions(email)),
      ),
    );
  },
  component: lazyRouteComponent(() => import('./routes/people-page.tsx'), 'PeoplePage'),
});

/** Every page of the console; each page's code is its own chunk, loaded on first visit or on hover. */
export const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    indexRoute,
    organizationsRoute,
    organizationRoute,
    orgInvitationsRoute.addChildren([orgInvitationDetailRoute]),
    bulkInviteRoute,
    bulkJobRoute,
    allInvitationsRoute.addChildren([allInvitationDetailRoute]),
    activityRoute,
    peopleRoute,
  ]),
]);

/** The page a set of matches shows: the first match below the layout (a detail over a list is the list's). */
export function pageOf(matches: readonly AnyRouteMatch[]): string | undefined {
  return matches.find((m) => m.routeId !== rootRouteId && m.routeId !== appRoute.id)?.pathname;
}
