import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { ShortcutsHelp } from '../../ui/shortcuts-help.tsx';
import { ThemeToggle } from '../../ui/theme-toggle.tsx';
import './app-layout.css';

// Few people see it: its code loads when someone who manages nothing signs in.
const NothingToManage = lazy(() =>
  import('../../features/auth/components/nothing-to-manage.tsx').then((m) => ({
    default: m.NothingToManage,
  })),
);

// A section is current (aria-current="page") on its own page and every page below it, whatever the
// filters; the brand link only on the page it leads to.
const SECTION = { includeSearch: false } as const;
const EXACT = { exact: true, includeSearch: false } as const;

/**
 * The signed-in frame: brand, navigation, theme, who is signed in; the page below. Someone who manages
 * nothing here (not staff, admin of no organization) gets one plain page instead, whatever the address.
 */
export function AppLayout() {
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const navigate = useNavigate();
  const toSignIn = () => navigate({ to: '/sign-in' });
  const managesNothing = !me.is_staff && me.organizations.length === 0;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/orgs" className="brand" activeOptions={EXACT}>
            <img src="/favicon.svg" alt="" width={24} height={24} />
            <span>Invitations</span>
          </Link>
          {managesNothing ? null : (
            <nav className="app-nav" aria-label="Main">
              <Link to="/orgs" activeOptions={SECTION}>
                Organizations
              </Link>
              {me.is_staff ? (
                <Link to="/invitations" activeOptions={SECTION}>
                  All invitations
                </Link>
              ) : null}
              <Link to="/activity" activeOptions={SECTION}>
                Activity
              </Link>
              {me.is_staff ? (
                <Link to="/people" activeOptions={SECTION}>
                  People
                </Link>
              ) : null}
            </nav>
          )}
          <div className="app-header-end">
            <ThemeToggle />
            {managesNothing ? null : <UserMenu me={me} onSignedOut={toSignIn} />}
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {managesNothing ? (
          <Suspense fallback={null}>
            <NothingToManage me={me} onSignedOut={toSignIn} />
          </Suspense>
        ) : (
          <Outlet />
        )}
      </main>
      <ShortcutsHelp />
    </>
  );
}
