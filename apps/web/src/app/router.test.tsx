import type { Me } from '@invites/clerk-schema';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isRedirect, type ParsedLocation, RouterProvider } from '@tanstack/react-router';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { ApiError } from '../lib/api-client.ts';
import { setTestCookie } from '../test/cookies.ts';
import { clerkError, json, mockApi } from '../test/render.tsx';
import { ToastProvider } from '../ui/toast.tsx';
import { requireSignIn } from './route-tree.tsx';
import { type AppRouter, createAppRouter, focusHeadingOnNewPage, redirectToSignInOn401 } from './router.tsx';

// The header's user menu reads Clerk's signed-in user, which needs clerk-js (ClerkProvider, covered by
// e2e/specs/auth.spec.ts against the emulator); routing is this file's subject.
vi.mock('../features/auth/components/user-menu.tsx', () => ({ UserMenu: () => null }));

const ME: Me = {
  user: {
    id: 'user_1',
    first_name: 'Ada',
    last_name: 'Lovelace',
    email_address: 'ada@acme.example',
    image_url: null,
  },
  is_staff: true,
  organizations: [{ id: 'org_1', name: 'Acme Corp', slug: 'acme', role: 'org:admin' }],
};
const ORG = {
  object: 'organization',
  id: 'org_1',
  name: 'Acme Corp',
  slug: 'acme',
  has_image: false,
  max_allowed_memberships: 0,
  admin_delete_enabled: true,
  public_metadata: {},
  private_metadata: {},
  created_by: 'user_1',
  created_at: 1,
  updated_at: 1,
  members_count: 3,
  pending_invitations_count: 0,
};
const unauthorized = () => clerkError(401, 'authentication_invalid', 'You need to be signed in.');
const signedIn = {
  'GET /api/me': () => json(200, ME),
  'GET /api/v1/organizations': () => json(200, { data: [ORG], total_count: 1 }),
  'GET /api/v1/organizations/org_1': () => json(200, ORG),
  'GET /api/v1/organizations/org_1/invitations': () => json(200, { data: [], total_count: 0 }),
};
const here = () => window.location.pathname + window.location.search;

/** `/api/me` held back until `answer()`: the app before it knows who is signed in. */
function heldMe() {
  let answer: (response: Response) => void = () => {};
  const handler = () =>
    new Promise<Response>((resolve) => {
      answer = resolve;
    });
  return { handler, answer: () => answer(json(200, ME)) };
}
/** The signed-in api, with `/api/me` answering 503 while `down` is set. */
function meThatFails(down: boolean) {
  const me = {
    down,
    routes: {
      ...signedIn,
      'GET /api/me': () =>
        me.down ? clerkError(503, 'service_unavailable', 'The api is down.') : json(200, ME),
    },
  };
  return me;
}
const routers: AppRouter[] = [];

function start(path: string, client: QueryClient) {
  window.history.replaceState(null, '', path);
  const router = createAppRouter(client);
  routers.push(router);
  redirectToSignInOn401(client, router);
  focusHeadingOnNewPage(router);
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return router;
}

let client: QueryClient;
beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});
afterEach(() => {
  for (const router of routers.splice(0)) router.history.destroy();
  client.clear();
});

describe('requireSignIn', () => {
  const location = { pathname: '/orgs', href: '/orgs?x=1' } as ParsedLocation;

  it('lets a visit through at once when /api/me is cached', () => {
    client.setQueryData(meQueryOptions().queryKey, ME);
    expect(requireSignIn(client, location)).toBeUndefined();
  });

  it('sends a 401 to sign-in with the address to come back to, and rethrows anything else', async () => {
    mockApi({ 'GET /api/me': unauthorized });
    const redirect = await Promise.resolve(requireSignIn(client, location)).catch((error: unknown) => error);
    expect(isRedirect(redirect) && redirect.options).toMatchObject({
      to: '/sign-in',
      search: { redirect: '/orgs?x=1' },
    });
    client.clear();
    mockApi({ 'GET /api/me': () => clerkError(503, 'service_unavailable', 'Down.') });
    await expect(requireSignIn(client, location)).rejects.toHaveProperty('status', 503);
  });

  it('does not hold up a browser Clerk marks as signed in: /api/me is asked, the page goes on', async () => {
    setTestCookie('__client_uat', '1764860000');
    try {
      const { calls } = mockApi({ 'GET /api/me': () => json(200, ME) });
      expect(requireSignIn(client, location)).toBeUndefined();
      await waitFor(() => expect(calls.map((c) => c.path)).toEqual(['/api/me']));
      await waitFor(() => expect(client.getQueryData(meQueryOptions().queryKey)).toEqual(ME));
    } finally {
      setTestCookie('__client_uat', null);
    }
  });
});

describe('the app router', () => {
  it('sends a signed-out deep link to sign-in with redirect=', async () => {
    mockApi({ 'GET /api/me': unauthorized });
    start('/invitations?status=pending&pageSize=10', client);
    // The sign-in page itself is Clerk's (e2e/specs/auth.spec.ts): here, only where the visit lands.
    await waitFor(() =>
      expect(here()).toBe('/sign-in?redirect=%2Finvitations%3Fstatus%3Dpending%26pageSize%3D10'),
    );
  });

  it('sends a deep link to sign-in also when a stale cookie says signed in (the page did not wait for /api/me)', async () => {
    setTestCookie('__client_uat', '1764860000');
    try {
      mockApi({ 'GET /api/me': unauthorized, 'GET /api/v1/organization_invitations': unauthorized });
      start('/invitations?status=pending&pageSize=10', client);
      await waitFor(() =>
        expect(here()).toBe('/sign-in?redirect=%2Finvitations%3Fstatus%3Dpending%26pageSize%3D10'),
      );
    } finally {
      setTestCookie('__client_uat', null);
    }
  });

  it('shows "Page not found" for an unknown address, signed in or not', async () => {
    const api = mockApi({});
    start('/nothing/here', client);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to organizations' }).getAttribute('href')).toBe('/orgs');
    expect(api.calls).toEqual([]);
  });

  it('redirects / to /orgs and /orgs/:orgId to its invitations once signed in', async () => {
    mockApi(signedIn);
    const router = start('/', client);
    await waitFor(() => expect(here()).toBe('/orgs'));
    await act(() => router.navigate({ href: '/orgs/org_1?status=pending' }));
    await waitFor(() => expect(here()).toBe('/orgs/org_1/invitations'));
  });

  it('draws the frame and the page before the signed-in user is known; the navigation joins once it is', async () => {
    setTestCookie('__client_uat', '1764860000');
    try {
      const me = heldMe();
      mockApi({ ...signedIn, 'GET /api/me': me.handler });
      start('/orgs/org_1/invitations', client);
      // Nothing suspends on the user: no "Loading…" stands in for the page (React would hold the page
      // back 300 ms after one).
      expect(await screen.findByRole('heading', { level: 1, name: 'Acme Corp invitations' })).toBeTruthy();
      expect(screen.queryByRole('status', { name: /Loading/ })).toBeNull();
      expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
      me.answer();
      const nav = await screen.findByRole('navigation', { name: 'Main' });
      expect(within(nav).getByRole('link', { name: 'All invitations' })).toBeTruthy();
    } finally {
      setTestCookie('__client_uat', null);
    }
  });

  it.each([
    ['/invitations', 'All invitations'],
    ['/activity', 'Activity'],
    ['/people', 'People'],
  ])(
    '%s shows its heading while the signed-in user is read, and what the user decides once known',
    async (path, heading) => {
      setTestCookie('__client_uat', '1764860000');
      try {
        const me = heldMe();
        mockApi({
          ...signedIn,
          'GET /api/v1/organization_invitations': () => json(200, { data: [], total_count: 0 }),
          'GET /api/me': me.handler,
        });
        start(path, client);
        // The page is there (it does not suspend); only what the user decides waits.
        expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
        expect(screen.getByRole('status').textContent).toContain('Loading');
        me.answer();
        await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
        expect(screen.queryByText(/not allowed/)).toBeNull();
      } finally {
        setTestCookie('__client_uat', null);
      }
    },
  );

  it('keeps the URL shape of a list view: repeated keys, defaults left out, junk dropped', async () => {
    mockApi(signedIn);
    start('/orgs/org_1/invitations?status=pending&status=expired&page=1&pageSize=10&sort=nope', client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Corp invitations' })).toBeTruthy();
    await waitFor(() =>
      expect(here()).toBe('/orgs/org_1/invitations?status=pending&status=expired&pageSize=10'),
    );
  });

  it('starts the list query with the page code, from the loader, with the URL state', async () => {
    const api = mockApi(signedIn);
    start('/orgs/org_1/invitations?pageSize=10&page=3', client);
    await waitFor(() =>
      expect(api.calls.map((c) => c.path)).toContain('/api/v1/organizations/org_1/invitations'),
    );
    const url = vi
      .mocked(fetch)
      .mock.calls.map(([input]) => new URL(String(input), 'http://localhost'))
      .find((u) => u.pathname.endsWith('/invitations'));
    expect(Object.fromEntries(url?.searchParams ?? [])).toMatchObject({ limit: '10', offset: '20' });
  });

  it('moves focus to the heading of a new page, not on a search change', async () => {
    mockApi(signedIn);
    const router = start('/orgs', client);
    await screen.findByRole('heading', { level: 1, name: 'Organizations' });
    await act(() => router.navigate({ to: '/orgs/$orgId/invitations', params: { orgId: 'org_1' } }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Acme Corp invitations' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const filter = screen.getByRole('searchbox', { name: /^Email$/ });
    filter.focus();
    await act(() =>
      router.navigate({
        to: '/orgs/$orgId/invitations',
        params: { orgId: 'org_1' },
        search: { pageSize: 10 },
      }),
    );
    await waitFor(() => expect(here()).toBe('/orgs/org_1/invitations?pageSize=10'));
    expect(document.activeElement).toBe(filter);
  });

  it('shows the error page when /api/me fails for another reason, and Try again checks again', async () => {
    const me = meThatFails(true);
    mockApi(me.routes);
    start('/orgs', client);
    expect(await screen.findByRole('heading', { name: "This page couldn't be loaded" })).toBeTruthy();
    expect(screen.getByText('The api is down.')).toBeTruthy();
    me.down = false;
    await act(() => screen.getByRole('button', { name: 'Try again' }).click());
    expect(await screen.findByRole('heading', { level: 1, name: 'Organizations' })).toBeTruthy();
    expect(here()).toBe('/orgs');
  });

  it('keeps the page when a refresh of the signed-in user fails (the user already read stays)', async () => {
    const me = meThatFails(false);
    mockApi(me.routes);
    start('/orgs', client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Organizations' })).toBeTruthy();
    me.down = true;
    await act(() => client.refetchQueries({ queryKey: meQueryOptions().queryKey }));
    expect(client.getQueryState(meQueryOptions().queryKey)?.status).toBe('error');
    expect(screen.getByRole('heading', { level: 1, name: 'Organizations' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: "This page couldn't be loaded" })).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('goes to sign-in when any query answers 401 mid-visit, and comes back to the same view', async () => {
    mockApi({});
    start('/unknown?status=pending', client);
    await screen.findByRole('heading', { name: 'Page not found' });
    const failing = new ApiError({
      status: 401,
      errors: [{ code: 'authentication_invalid', message: 'x', long_message: 'Signed out.' }],
    });
    await act(() =>
      client.fetchQuery({ queryKey: ['any'], queryFn: () => Promise.reject(failing) }).catch(() => {}),
    );
    await waitFor(() => expect(here()).toBe('/sign-in?redirect=%2Funknown%3Fstatus%3Dpending'));
    // A second 401 on the sign-in page itself changes nothing.
    await act(() =>
      client.fetchQuery({ queryKey: ['again'], queryFn: () => Promise.reject(failing) }).catch(() => {}),
    );
    expect(here()).toBe('/sign-in?redirect=%2Funknown%3Fstatus%3Dpending');
  });

  it('ignores errors other than 401', async () => {
    mockApi({});
    start('/unknown', client);
    await screen.findByRole('heading', { name: 'Page not found' });
    const failing = new ApiError({
      status: 500,
      errors: [{ code: 'internal', message: 'x', long_message: 'Broken.' }],
    });
    await act(() =>
      client.fetchQuery({ queryKey: ['any'], queryFn: () => Promise.reject(failing) }).catch(() => {}),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(here()).toBe('/unknown');
  });
});
