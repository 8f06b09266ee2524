import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { validateActivitySearch } from '../features/activity/utils/activity-search.ts';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { validateBulkJobSearch } from '../features/bulk-invite/utils/job-search.ts';
import { isApiError } from '../lib/api-client.ts';
import {
  validateAllInvitationsSearch,
  validateOrgInvitationsSearch,
  validateSignInSearch,
} from '../lib/url-state.ts';
import { AppLayout } from './layouts/app-layout.tsx';
import { NotFoundPage, RouteErrorPage } from './layouts/route-states.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: validateSignInSearch,
  component: lazyRouteComponent(() => import('./routes/sign-in-page.tsx'), 'SignInRoutePage'),
});

/** Every signed-in page: a 401 from /api/me sends the visit to sign-in and back afterwards. */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authed',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQueryOptions());
    } catch (error) {
      if (isApiError(error, 401)) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
      throw error;
    }
  },
  component: AppLayout,
  errorComponent: RouteErrorPage,
});

const indexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/orgs' });
  },
});

const orgsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'orgs',
  component: lazyRouteComponent(
    () => import('./routes/organizations-route-page.tsx'),
    'OrganizationsRoutePage',
  ),
});

const orgIndexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'orgs/$orgId',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/orgs/$orgId/invitations', params });
  },
});

const orgInvitationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'orgs/$orgId/invitations',
  validateSearch: validateOrgInvitationsSearch,
  component: lazyRouteComponent(() => import('./routes/org-invitations-page.tsx'), 'OrgInvitationsPage'),
});

const orgInvitationDetailRoute = createRoute({
  getParentRoute: () => orgInvitationsRoute,
  path: '$invitationId',
  component: lazyRouteComponent(
    () => import('./routes/invitation-detail-page.tsx'),
    'OrgInvitationDetailPage',
  ),
});

const bulkInviteRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'orgs/$orgId/invitations/bulk',
  component: lazyRouteComponent(() => import('./routes/bulk-invite-page.tsx'), 'BulkInvitePage'),
});

const bulkProgressRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'orgs/$orgId/invitations/bulk/$jobId',
  validateSearch: validateBulkJobSearch,
  component: lazyRouteComponent(() => import('./routes/bulk-progress-page.tsx'), 'BulkProgressPage'),
});

const allInvitationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'invitations',
  validateSearch: validateAllInvitationsSearch,
  component: lazyRouteComponent(() => import('./routes/all-invitations-page.tsx'), 'AllInvitationsPage'),
});

const allInvitationDetailRoute = createRoute({
  getParentRoute: () => allInvitationsRoute,
  path: '$orgId/$invitationId',
  component: lazyRouteComponent(
    () => import('./routes/invitation-detail-page.tsx'),
    'AllInvitationDetailPage',
  ),
});

const activityRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'activity',
  validateSearch: validateActivitySearch,
  component: lazyRouteComponent(() => import('./routes/activity-page.tsx'), 'ActivityPage'),
});

export const routeTree = rootRoute.addChildren([
  signInRoute,
  authedRoute.addChildren([
    indexRoute,
    orgsRoute,
    orgIndexRoute,
    orgInvitationsRoute.addChildren([orgInvitationDetailRoute]),
    bulkInviteRoute,
    bulkProgressRoute,
    activityRoute,
    allInvitationsRoute.addChildren([allInvitationDetailRoute]),
  ]),
]);
