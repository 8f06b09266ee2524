import { Link } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';

// The trail's links lead to pages above this one: never marked as the current page.
const EXACT = { exact: true } as const;

/**
 * The trail of an organization's pages: Organizations / <org> [/ <links>] / <current>. Without
 * `current` the organization itself is the current page.
 */
export function OrgBreadcrumbs({
  orgId,
  orgName,
  current,
  children,
}: {
  orgId: string;
  orgName: string | undefined;
  current?: string;
  /** `<li>` links between the organization and the current page. */
  children?: ReactNode;
}) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link to="/orgs" activeOptions={EXACT}>
            Organizations
          </Link>
        </li>
        {current === undefined ? (
          <li aria-current="page">{orgName ?? '…'}</li>
        ) : (
          <>
            <li>
              <Link to="/orgs/$orgId/invitations" params={{ orgId }} activeOptions={EXACT}>
                {orgName ?? '…'}
              </Link>
            </li>
            {children}
            <li aria-current="page">{current}</li>
          </>
        )}
      </ol>
    </nav>
  );
}

// Few visits end on a refusal: its panel loads only for them.
const NotAllowedPage = lazy(() =>
  import('./org-not-allowed-page.tsx').then((m) => ({ default: m.OrgNotAllowedPage })),
);

/** An organization page the user may not open (403) or that does not exist (404). */
export function OrgNotAllowedPage(props: { heading: string; notFound: boolean }) {
  return (
    <Suspense fallback={null}>
      <NotAllowedPage {...props} />
    </Suspense>
  );
}
