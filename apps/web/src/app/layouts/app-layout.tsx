import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useMe } from '../../features/auth/api/get-me.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { brandMarkUrl } from '../../ui/brand-mark.ts';
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
 *
 * The frame and the page render before the signed-in user is known (the navigation and the user menu
 * join when it is): a page's first render is done before its reads answer, not after, and nothing here
 * suspends. React holds content revealed after a Suspense fallback back for 300 ms, which kept a page
 * whose reads had all answered hidden when an expired session token delayed them.
 */
export function AppLayout() {
  const { data: me, error } = useMe();
  const navigate = useNavigate();
  // The error page when the user could not be read at all, or sign-in for a session that ended
  // (router.tsx); a failed refresh keeps the user already read, as a suspending read did.
  if (error && me === undefined) throw error;
  const toSignIn = () => navigate({ to: '/sign-in' });
  const managesNothing = me !== undefined && !me.is_staff && me.organizations.length === 0;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/orgs" className="brand" activeOptions={EXACT}>
            <img src={brandMarkUrl} alt="" width={24} height={24} />
            <span>Invitations</span>
          </Link>
          {me === undefined || managesNothing ? null : (
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
            {me === undefined || managesNothing ? null : <UserMenu me={me} onSignedOut={toSignIn} />}
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
