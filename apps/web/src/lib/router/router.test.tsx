import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { appRoutes, here, mounts, resetRoutersBetweenTests, setupRouter } from '../../test/router-app.tsx';
import type { Router } from './router.ts';
import { Outlet } from './router-view.tsx';
import type { RouteConfig } from './types.ts';

resetRoutersBetweenTests();

describe('matching', () => {
  it('renders the matching route with its decoded parameters', async () => {
    setupRouter(appRoutes(), '/orgs/org%201/invitations');
    expect(await screen.findByRole('heading', { name: 'Invitations of org 1' })).toBeTruthy();
  });

  it('prefers a literal segment to a parameter', async () => {
    setupRouter(appRoutes(), '/orgs/org_1/invitations/bulk');
    expect(await screen.findByRole('heading', { name: 'Bulk invite' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('renders the not-found component when nothing matches', async () => {
    setupRouter(appRoutes(), '/orgs/org_1/nothing/here');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it("renders a nested route in its parent's outlet without remounting the parent", async () => {
    const { router } = setupRouter(appRoutes(), '/orgs/org_1/invitations?status=pending');
    await screen.findByRole('heading', { name: 'Invitations of org_1' });
    fireEvent.click(screen.getByRole('link', { name: 'inv_1' }));
    expect(here()).toBe('/orgs/org_1/invitations/inv_1?status=pending');
    expect(screen.getByRole('dialog', { name: 'inv_1' })).toBeTruthy();
    act(() => router.navigate({ to: '/orgs/$orgId/invitations', params: { orgId: 'org_1' }, search: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(mounts.list).toBe(1);
  });
});

describe('search', () => {
  it('reads the search through a validator and updates it from the current one', async () => {
    const { router } = setupRouter(
      appRoutes(),
      '/orgs/org_1/invitations?status=expired&status=pending&page=x',
    );
    expect(await screen.findByText('Status: pending, expired')).toBeTruthy();
    const entries = window.history.length;
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(here()).toBe('/orgs/org_1/invitations?status=pending&status=expired&page=2');
    expect(window.history.length).toBe(entries);
    act(() => router.navigate({ search: { email: 'ada@acme.example' } }));
    expect(here()).toBe('/orgs/org_1/invitations?email=ada%40acme.example');
    expect(screen.getByText('Status: any')).toBeTruthy();
    expect(router.buildHref({ to: '/orgs/$orgId', params: { orgId: 'x' }, search: true })).toBe(
      '/orgs/x?email=ada%40acme.example',
    );
  });

  it('keeps search changes and nested views at the same scroll position and focus', async () => {
    setupRouter(appRoutes(), '/orgs/org_1/invitations');
    const button = await screen.findByRole('button', { name: 'Next page' });
    button.focus();
    fireEvent.click(button);
    expect(here()).toBe('/orgs/org_1/invitations?page=2');
    expect(document.activeElement).toBe(button);
    fireEvent.click(screen.getByRole('link', { name: 'inv_1' }));
    expect(window.scrollTo).not.toHaveBeenCalled();
  });
});

describe('guards', () => {
  const guarded = (beforeLoad: NonNullable<RouteConfig['beforeLoad']>): RouteConfig[] => [
    { path: 'sign-in', component: () => <h1>Sign in</h1> },
    { beforeLoad, component: Outlet, children: appRoutes() },
  ];

  it('redirects to sign-in with the whole address in redirect=, replacing the entry', async () => {
    const entries = window.history.length;
    setupRouter(
      guarded(async ({ location }) => ({ to: '/sign-in', search: { redirect: location.href } })),
      '/orgs/org_1/invitations?status=pending&status=expired',
    );
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(here()).toBe(
      '/sign-in?redirect=%2Forgs%2Forg_1%2Finvitations%3Fstatus%3Dpending%26status%3Dexpired',
    );
    expect(window.history.length).toBe(entries);
  });

  it('shows the error component when a guard throws, and Retry runs it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const guard = vi.fn().mockRejectedValueOnce(new Error('Api down')).mockResolvedValue(undefined);
    setupRouter(guarded(guard), '/orgs/org_1/invitations');
    expect((await screen.findByRole('alert')).textContent).toContain('Api down');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Invitations of org_1' })).toBeTruthy();
    expect(guard).toHaveBeenCalledTimes(2);
  });

  it('runs a synchronous guard without delaying the navigation', async () => {
    const { router } = setupRouter(guarded(() => undefined));
    await screen.findByRole('heading', { name: 'Home' });
    act(() => router.navigate({ to: '/orgs/$orgId/invitations/bulk', params: { orgId: 'o' } }));
    expect(screen.getByRole('heading', { name: 'Bulk invite' })).toBeTruthy();
  });
});

describe('history', () => {
  it('follows back and forward, restores the scroll position and focuses the new heading', async () => {
    const { router } = setupRouter(appRoutes());
    await screen.findByRole('heading', { name: 'Home' });
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 240 });
    act(() => router.navigate({ to: '/orgs/$orgId/invitations', params: { orgId: 'org_1' } }));
    expect(window.scrollTo).toHaveBeenLastCalledWith(0, 0);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Invitations of org_1' }));
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
    act(() => window.history.back());
    const home = await screen.findByRole('heading', { name: 'Home' });
    expect(document.activeElement).toBe(home);
    expect(window.scrollTo).toHaveBeenLastCalledWith(0, 240);
    act(() => window.history.forward());
    expect(await screen.findByRole('heading', { name: 'Invitations of org_1' })).toBeTruthy();
    await waitFor(() => expect(here()).toBe('/orgs/org_1/invitations'));
    Reflect.deleteProperty(window, 'scrollY');
  });

  it('requires the parameters a pattern names (types)', () => {
    const navigate = (() => {}) as Router['navigate'];
    // @ts-expect-error orgId is missing
    navigate({ to: '/orgs/$orgId/invitations' });
    // @ts-expect-error there is no such parameter
    navigate({ to: '/orgs/$orgId/invitations', params: { org: 'x' } });
    navigate({ to: '/orgs/$orgId/invitations', params: { orgId: 'x' }, search: true });
    navigate({ search: { page: 2 }, replace: true });
  });
});
