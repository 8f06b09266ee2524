import { useSuspenseQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { useLocation, useNavigate } from '../../lib/router/hooks.ts';
import { Link } from '../../lib/router/link.tsx';
import { Outlet } from '../../lib/router/router-view.tsx';
import { ThemeToggle } from '../../ui/theme-toggle.tsx';
import './app-layout.css';

/** The signed-in frame: brand, navigation, theme, who is signed in; the page below. */
export function AppLayout() {
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // A section is current on its own page and on every page below it.
  const current = (base: string) =>
    pathname === base || pathname.startsWith(`${base}/`) ? ('page' as const) : undefined;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/orgs" className="brand">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            <span>Invitations</span>
          </Link>
          <nav className="app-nav" aria-label="Main">
            <Link to="/orgs" aria-current={current('/orgs')}>
              Organizations
            </Link>
            {me.is_staff ? (
              <Link to="/invitations" aria-current={current('/invitations')}>
                All invitations
              </Link>
            ) : null}
            {me.is_staff || me.organizations.length > 0 ? (
              <Link to="/activity" aria-current={current('/activity')}>
                Activity
              </Link>
            ) : null}
          </nav>
          <div className="app-header-end">
            <ThemeToggle />
            <UserMenu me={me} onSignedOut={() => navigate({ to: '/sign-in' })} />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
