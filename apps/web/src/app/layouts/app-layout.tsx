import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useRouter } from '@tanstack/react-router';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { ThemeToggle } from '../../ui/theme-toggle.tsx';
import './app-layout.css';

/** The signed-in frame: brand, navigation, theme, who is signed in; the page below. */
export function AppLayout() {
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const router = useRouter();
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
            <Link
              to="/orgs"
              activeProps={{ 'aria-current': 'page' }}
              activeOptions={{ includeSearch: false }}
            >
              Organizations
            </Link>
            {me.is_staff ? (
              <Link
                to="/invitations"
                activeProps={{ 'aria-current': 'page' }}
                activeOptions={{ includeSearch: false }}
              >
                All invitations
              </Link>
            ) : null}
            {me.is_staff || me.organizations.length > 0 ? (
              <Link
                to="/activity"
                activeProps={{ 'aria-current': 'page' }}
                activeOptions={{ includeSearch: false }}
              >
                Activity
              </Link>
            ) : null}
          </nav>
          <div className="app-header-end">
            <ThemeToggle />
            <UserMenu me={me} onSignedOut={() => void router.navigate({ to: '/sign-in' })} />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
