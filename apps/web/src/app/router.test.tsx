import type { Me } from '@invites/clerk-schema';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { ApiError } from '../lib/api-client.ts';
import type { Router } from '../lib/router/router.ts';
import { RouterProvider } from '../lib/router/router-view.tsx';
import { clerkError, json, mockApi } from '../test/render.tsx';
import { ToastProvider } from '../ui/toast.tsx';
import { requireSignIn } from './route-tree.tsx';
import { createAppRouter, redirectToSignInOn401 } from './router.tsx';

const ME: Me = {
  user: {
    id: 'user_1',
    first_name: 'Ada',
    last_name: 'Lovelace',
    email_address: 'ada@acme.example',
    image_url: null,
  },
  is_staff: true,
  organizations: [],
};
const unauthorized = () => clerkError(401, 'authentication_invalid', 'You need to be signed in.');
const here = () => window.location.pathname + window.location.search;
const routers: Router[] = [];

function start(path: string, client: QueryClient) {
  window.history.replaceState(null, '', path);
  const router = createAppRouter(client);
  routers.push(router);
  redirectToSignInOn401(client, router);
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
  for (const router of routers.splice(0)) router.dispose();
  client.clear();
});

describe('requireSignIn', () => {
  const location = { pathname: '/orgs', search: '?x=1', hash: '', href: '/orgs?x=1' };

  it('lets a visit through at once when /api/me is cached', () => {
    client.setQueryData(meQueryOptions().queryKey, ME);
    expect(requireSignIn(client, location)).toBeUndefined();
  });

  it('sends a 401 to sign-in with the address to come back to, and rethrows anything else', async () => {
    mockApi({ 'GET /api/me': unauthorized });
    await expect(requireSignIn(client, location)).resolves.toEqual({
      to: '/sign-in',
      search: { redirect: '/orgs?x=1' },
    });
    client.clear();
    mockApi({ 'GET /api/me': () => clerkError(503, 'service_unavailable', 'Down.') });
    await expect(requireSignIn(client, location)).rejects.toHaveProperty('status', 503);
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

  it('shows "Page not found" for an unknown address, signed in or not', async () => {
    mockApi({});
    start('/nothing/here', client);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to organizations' }).getAttribute('href')).toBe('/orgs');
  });

  it('redirects / to /orgs and /orgs/:orgId to its invitations once signed in', async () => {
    mockApi({ 'GET /api/me': () => json(200, ME) });
    const router = start('/', client);
    await waitFor(() => expect(here()).toBe('/orgs'));
    act(() => router.visit('/orgs/org_1?status=pending'));
    await waitFor(() => expect(here()).toBe('/orgs/org_1/invitations'));
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
