import type { ActivityEntry, OrganizationMembership, User } from '@invites/clerk-schema';
import { UNKNOWN_ACTOR_ID } from '@invites/clerk-schema/enums';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { fullName } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { EMPTY } from '../utils/person-summary.ts';

/** A section's loading, failure or "nothing here" line; the content otherwise. */
export function SectionBody({
  query,
  empty,
  children,
}: {
  query: { isPending: boolean; error: ApiError | null; refetch: () => unknown };
  empty: string | null;
  children: ReactNode;
}) {
  if (query.error)
    return (
      <p className="person-problem" role="alert">
        {query.error.longMessage}{' '}
        <Button size="sm" onClick={() => query.refetch()}>
          Try again
        </Button>
      </p>
    );
  if (query.isPending) return <p className="muted person-loading">Loading…</p>;
  if (empty) return <p className="person-empty">{empty}</p>;
  return <>{children}</>;
}

function When({ ms }: { ms: number | null | undefined }) {
  if (ms === null || ms === undefined) return <span className="muted">Never</span>;
  return (
    <>
      <RelativeTime ms={ms} /> <span className="muted tabular">({formatDateTime(ms)})</span>
    </>
  );
}

/** The Clerk user: name, id, created, last sign-in, banned or locked. */
export function UserFacts({ user }: { user: User }) {
  const flags = [user.banned ? 'Banned' : null, user.locked ? 'Locked' : null].filter(Boolean);
  return (
    <dl className="person-facts">
      <dt>Name</dt>
      <dd>{fullName(user) || <span className="muted">No name</span>}</dd>
      <dt>User ID</dt>
      <dd>
        <code>{user.id}</code>
      </dd>
      <dt>Created</dt>
      <dd>
        <When ms={user.created_at} />
      </dd>
      <dt>Last sign-in</dt>
      <dd>
        <When ms={user.last_sign_in_at} />
      </dd>
      <dt>Access</dt>
      <dd>
        {flags.length > 0 ? (
          <span className="badge badge-revoked">{flags.join(' and ')}: cannot sign in</span>
        ) : (
          <span className="badge badge-accepted">Not banned or locked</span>
        )}
      </dd>
    </dl>
  );
}

/** The organizations they belong to: organization (to its invitations), role, since. */
export function MembershipTable({ memberships }: { memberships: OrganizationMembership[] }) {
  return (
    <table className="person-table">
      <thead>
        <tr>
          <th scope="col">Organization</th>
          <th scope="col">Role</th>
          <th scope="col">Since</th>
        </tr>
      </thead>
      <tbody>
        {memberships.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              <Link to="/orgs/$orgId/invitations" params={{ orgId: m.organization.id }}>
                {m.organization.name}
              </Link>
            </th>
            <td>{m.role_name ?? m.role}</td>
            <td>
              <When ms={m.created_at} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The activity entries about the address, newest first. */
export function ActivityTable({
  entries,
  describeAction,
}: {
  entries: ActivityEntry[];
  describeAction: (action: string) => string;
}) {
  return (
    <table className="person-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Who</th>
          <th scope="col">Source</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>
              <RelativeTime ms={e.created_at} />
            </td>
            <th scope="row">{describeAction(e.action)}</th>
            <td>
              {e.actor_id === UNKNOWN_ACTOR_ID ? (
                // Clerk reports the change without saying who made it (its dashboard, another app).
                <span className="muted" title="Clerk did not say who made this change">
                  Unknown
                </span>
              ) : (
                (e.actor_name ?? <code>{e.actor_id}</code>)
              )}
            </td>
            <td>
              {e.source === 'clerk' ? (
                <span className="badge badge-source-clerk" title="Reported by Clerk (a webhook)">
                  Clerk
                </span>
              ) : (
                <span className="badge badge-neutral" title="Done in this console">
                  Console
                </span>
              )}
            </td>
            <td>{e.outcome === 'ok' ? 'Done' : <code>{e.outcome}</code>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export { EMPTY };
