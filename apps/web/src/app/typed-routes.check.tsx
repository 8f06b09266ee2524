// Compile-time checks of the route registry: `pnpm typecheck` covers this file (vitest does not run
// it). Each `@ts-expect-error` fails the typecheck as soon as the line below it compiles, so the
// routes, params and search params stay typed: a misspelt link is a build error, not a 404.
import { Link, redirect, useNavigate } from '@tanstack/react-router';

export function TypedRoutesCheck() {
  const navigate = useNavigate();
  const orgId = 'org_1';

  // What the app does compiles.
  void navigate({
    to: '/orgs/$orgId/invitations',
    params: { orgId },
    search: { page: 2, status: ['pending'] },
  });
  void navigate({ to: '/activity', search: { action: 'invitation.revoke' } });
  redirect({ to: '/sign-in', search: { redirect: '/orgs' } });

  // @ts-expect-error: no such route
  void navigate({ to: '/orgz/$orgId/invitatons', params: { orgId } });
  // @ts-expect-error: the route needs its orgId
  void navigate({ to: '/orgs/$orgId/invitations' });
  // @ts-expect-error: `page` is a number
  void navigate({ to: '/orgs/$orgId/invitations', params: { orgId }, search: { page: 'two' } });
  // @ts-expect-error: not a status
  void navigate({ to: '/invitations', search: { status: ['pendng'] } });
  // @ts-expect-error: 30 is not a page size
  void navigate({ to: '/invitations', search: { pageSize: 30 } });
  // @ts-expect-error: not an activity action
  void navigate({ to: '/activity', search: { action: 'invitation.delete' } });

  return (
    <>
      <Link
        to="/orgs/$orgId/invitations/bulk/$jobId"
        params={{ orgId, jobId: 'bulkjob_1' }}
        search={{ outcome: ['failed'] }}
      >
        A job's failed rows
      </Link>
      {/* @ts-expect-error: no such route */}
      <Link to="/invitatons">All invitations</Link>
      {/* @ts-expect-error: `page` is a number */}
      <Link to="/orgs/$orgId/invitations" params={{ orgId }} search={{ page: 'two' }}>
        Page two
      </Link>
      {/* @ts-expect-error: the list has no `emial` filter */}
      <Link to="/orgs/$orgId/invitations" params={{ orgId }} search={{ emial: 'ada@acme.example' }}>
        Ada
      </Link>
    </>
  );
}
