import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { isApiError } from '../lib/api-client.ts';
import { lazyRoute } from '../lib/router/lazy.ts';
import type { NavigateTarget, RouteConfig, RouterLocation } from '../lib/router/types.ts';
import { AppLayout } from './layouts/app-layout.tsx';
import { RouteErrorPage } from './layouts/route-states.tsx';

/**
 * Lets a signed-in visit through (synchronously when /api/me is cached); a 401 sends it to sign-in,
 * which brings it back afterwards. Any other failure shows the route's error page.
 */
export function requireSignIn(queryClient: QueryClient, location: RouterLocation) {
  const me = meQueryOptions();
  if (queryClient.getQueryData(me.queryKey)) return undefined;
  return queryClient.ensureQueryData(me).then(
    () => undefined,
    (error: unknown): NavigateTarget => {
      if (isApiError(error, 401)) return { to: '/sign-in', search: { redirect: location.href } };
      throw error;
    },
  );
}

/** Every page of the console; each page's code is its own chunk, loaded when first visited. */
export function createRouteTree(queryClient: QueryClient): RouteConfig[] {
  return [
    {
      path: 'sign-in',
      component: lazyRoute(() => import('./routes/sign-in-page.tsx'), 'SignInRoutePage'),
    },
    {
      // Every signed-in page, in the app's frame.
      component: AppLayout,
      errorComponent: RouteErrorPage,
      beforeLoad: ({ location }) => requireSignIn(queryClient, location),
      children: [
        { path: '/', beforeLoad: () => ({ to: '/orgs' }) },
        {
          path: 'orgs',
          component: lazyRoute(
            () => import('./routes/organizations-route-page.tsx'),
            'OrganizationsRoutePage',
          ),
        },
        {
          path: 'orgs/$orgId',
          beforeLoad: ({ params }) => ({ to: '/orgs/$orgId/invitations', params }),
        },
        {
          path: 'orgs/$orgId/invitations',
          component: lazyRoute(() => import('./routes/org-invitations-page.tsx'), 'OrgInvitationsPage'),
          children: [
            {
              path: '$invitationId',
              component: lazyRoute(
                () => import('./routes/invitation-detail-page.tsx'),
                'OrgInvitationDetailPage',
              ),
            },
          ],
        },
        {
          path: 'orgs/$orgId/invitations/bulk',
          component: lazyRoute(() => import('./routes/bulk-invite-page.tsx'), 'BulkInvitePage'),
        },
        {
          path: 'orgs/$orgId/invitations/bulk/$jobId',
          component: lazyRoute(() => import('./routes/bulk-progress-page.tsx'), 'BulkProgressPage'),
        },
        {
          path: 'invitations',
          component: lazyRoute(() => import('./routes/all-invitations-page.tsx'), 'AllInvitationsPage'),
          children: [
            {
              path: '$orgId/$invitationId',
              component: lazyRoute(
                () => import('./routes/invitation-detail-page.tsx'),
                'AllInvitationDetailPage',
              ),
            },
          ],
        },
        {
          path: 'activity',
          component: lazyRoute(() => import('./routes/activity-page.tsx'), 'ActivityPage'),
        },
      ],
    },
  ];
}
