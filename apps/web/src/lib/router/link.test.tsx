import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  appRoutes,
  here,
  LoadedPage,
  resetRoutersBetweenTests,
  setupRouter,
} from '../../test/router-app.tsx';
import { lazyRoute } from './lazy.ts';
import { Link } from './link.tsx';

const LinkToLazy = () => <Link to="/lazy">Lazy page</Link>;

resetRoutersBetweenTests();

describe('Link', () => {
  it('renders a real anchor and navigates in the page on a plain left click', async () => {
    setupRouter(appRoutes());
    const link = await screen.findByRole('link', { name: 'Acme' });
    expect(link.getAttribute('href')).toBe('/orgs/org_1/invitations?status=pending');
    const entries = window.history.length;
    expect(fireEvent.click(link)).toBe(false); // default prevented: no page load
    expect(here()).toBe('/orgs/org_1/invitations?status=pending');
    expect(window.history.length).toBe(entries + 1);
    expect(screen.getByRole('heading', { name: 'Invitations of org_1' })).toBeTruthy();
  });

  it('leaves modified clicks, other buttons and other targets to the browser', async () => {
    setupRouter(appRoutes());
    const link = await screen.findByRole('link', { name: 'Acme' });
    const prevented: boolean[] = [];
    // After React's handler: note what it did, then keep jsdom from trying to load the page.
    const after = (event: Event) => {
      prevented.push(event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener('click', after);
    window.addEventListener('auxclick', after);
    try {
      for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const)
        fireEvent.click(link, { [modifier]: true });
      fireEvent.click(link, { button: 1 });
      fireEvent.click(screen.getByRole('link', { name: 'Acme in a new tab' }));
    } finally {
      window.removeEventListener('click', after);
      window.removeEventListener('auxclick', after);
    }
    expect(prevented).toEqual([false, false, false, false, false, false]);
    expect(here()).toBe('/');
  });

  it('loads the code of the page it leads to when hovered or focused', async () => {
    const importer = vi.fn(async () => ({ Page: LoadedPage }));
    const lazy = lazyRoute(importer, 'Page');
    setupRouter([
      { path: '/', component: LinkToLazy },
      { path: 'lazy', component: lazy },
    ]);
    const link = await screen.findByRole('link', { name: 'Lazy page' });
    fireEvent.mouseEnter(link);
    fireEvent.focus(link);
    expect(importer).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(lazy.loaded).toBe(true));
    fireEvent.click(link);
    expect(screen.getByRole('heading', { name: 'Loaded page' })).toBeTruthy(); // no pending state
  });
});
