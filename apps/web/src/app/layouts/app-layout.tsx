import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { ShortcutsHelp } from '../../ui/shortcuts-help.tsx';
import { ThemeToggle } from '../../ui/theme-toggle.tsx';
import './app-layout.css';

// A section is current (aria-current="page") on its own page and every page below it, whatever the
// filters; the brand link only on the page it leads to.
const SECTION = { includeSearch: false } as const;
const EXACT = { exact: true, includeSearch: false } as const;

/** The signed-in frame: brand, navigation, theme, who is signed in; the page below. */
export function AppLayout() {
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const navigate = useNavigate();
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
          <nav className="app-nav" aria-label="Main">
            <Link to="/orgs" activeOptions={SECTION}>
              Organizations
            </Link>
            {me.is_staff ? (
              <Link to="/invitations" activeOptions={SECTION}>
                All invitations
              </Link>
            ) : null}
            {me.is_staff || me.organizations.length > 0 ? (
              <Link to="/activity" activeOptions={SECTION}>
                Activity
              </Link>
            ) : null}
            {me.is_staff ? (
              <Link to="/people" activeOptions={SECTION}>
                People
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
      <ShortcutsHelp />
    </>
  );
}
