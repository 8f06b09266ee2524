import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { NotAllowedPanel } from './not-allowed-panel.tsx';

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

/** An organization page the user may not open (403) or that does not exist (404). */
export function OrgNotAllowedPage({ heading, notFound }: { heading: string; notFound: boolean }) {
  return (
    <div className="page">
      <h1 className="visually-hidden">{heading}</h1>
      <NotAllowedPanel
        title={
          notFound
            ? "This organization doesn't exist, or you're not allowed to view it"
            : "You're not allowed to view this organization"
        }
        description="Only admins of this organization and support staff can see its invitations."
      />
    </div>
  );
}
