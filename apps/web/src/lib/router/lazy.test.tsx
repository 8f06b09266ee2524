import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  appRoutes,
  here,
  LoadedPage,
  resetRoutersBetweenTests,
  SlowPage,
  setupRouter,
} from '../../test/router-app.tsx';
import { lazyRoute } from './lazy.ts';

resetRoutersBetweenTests();

describe('lazy routes', () => {
  it('loads the code first, shows the pending component when slow, then the page', async () => {
    let release: () => void = () => {};
    const importer = vi.fn(
      () =>
        new Promise<{ Slow: typeof SlowPage }>((resolve) => {
          release = () => resolve({ Slow: SlowPage });
        }),
    );
    const { router } = setupRouter(appRoutes([{ path: 'slow', component: lazyRoute(importer, 'Slow') }]));
    await screen.findByRole('heading', { name: 'Home' });
    act(() => router.preload('/slow?x=1'));
    expect(importer).toHaveBeenCalledTimes(1);
    act(() => router.navigate({ to: '/slow' }));
    expect(here()).toBe('/slow');
    expect(screen.getByRole('heading', { name: 'Home' })).toBeTruthy(); // the old page meanwhile
    expect(await screen.findByText('Loading…')).toBeTruthy();
    await act(async () => release());
    const heading = await screen.findByRole('heading', { name: 'Slow page' });
    expect(document.activeElement).toBe(heading); // focus waits for the page, not its pending state
    // Loaded code renders at once the next time.
    act(() => router.navigate({ to: '/' }));
    act(() => router.navigate({ to: '/slow' }));
    expect(screen.getByRole('heading', { name: 'Slow page' })).toBeTruthy();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it("shows the route's error component when its code fails to load, and Retry loads it again", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const importer = vi
      .fn<() => Promise<{ Page: typeof LoadedPage }>>()
      .mockRejectedValueOnce(new Error('Chunk failed'))
      .mockResolvedValue({ Page: LoadedPage });
    setupRouter(appRoutes([{ path: 'page', component: lazyRoute(importer, 'Page') }]), '/page');
    expect((await screen.findByRole('alert')).textContent).toContain('Chunk failed');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Loaded page' })).toBeTruthy();
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('stays on the page when Back is pressed while the next page loads', async () => {
    let release: () => void = () => {};
    const importer = vi.fn(
      () =>
        new Promise<{ Slow: typeof SlowPage }>((resolve) => {
          release = () => resolve({ Slow: SlowPage });
        }),
    );
    const { router } = setupRouter(appRoutes([{ path: 'slow', component: lazyRoute(importer, 'Slow') }]));
    await screen.findByRole('heading', { name: 'Home' });
    act(() => router.navigate({ to: '/slow' }));
    act(() => window.history.back());
    await waitFor(() => expect(here()).toBe('/'));
    await act(async () => release());
    expect(screen.getByRole('heading', { name: 'Home' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Slow page' })).toBeNull();
  });
});
