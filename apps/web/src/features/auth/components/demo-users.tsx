import type { DevUser } from '@invites/clerk-schema';
import { fullName } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/states.tsx';
import { useDemoUsers } from '../api/get-demo-users.ts';
import { useSignInAsDemoUser } from '../api/sign-in-as-demo-user.ts';

function initials(user: DevUser): string {
  return (
    [user.first_name, user.last_name]
      .map((p) => p?.[0] ?? '')
      .join('')
      .toUpperCase() ||
    user.email_address[0]?.toUpperCase() ||
    '?'
  );
}

const GROUPS = [
  { title: 'Support staff', note: 'Every organization, the instance-wide list' },
  { title: 'Organization admins', note: 'Their own organizations' },
  { title: 'Members', note: 'Manage nothing: the console tells them so' },
] as const;

const groupOf = (u: DevUser) => (/^staff/i.test(u.description) ? 0 : /^admin/i.test(u.description) ? 1 : 2);

/** Demo users by what they can do (staff, admins, everyone else), by name within each group. */
export function groupDemoUsers(users: readonly DevUser[]) {
  const byName = (a: DevUser, b: DevUser) =>
    fullName(a, a.email_address).localeCompare(fullName(b, b.email_address));
  return GROUPS.map((group, i) => ({
    ...group,
    users: users.filter((u) => groupOf(u) === i).sort(byName),
  })).filter((group) => group.users.length > 0);
}

/** Demo mode: every user of the emulator as a button that signs in through clerk-js with a ticket. */
export function DemoUsers() {
  const users = useDemoUsers(true);
  const signIn = useSignInAsDemoUser();
  return (
    <section className="sign-in-demo" aria-labelledby="demo-users-title">
      <h2 id="demo-users-title">Demo users</h2>
      <p className="muted">
        This server runs against the local Clerk emulator. Sign in with the form, or pick someone to sign in
        as.
        {users.data?.password ? (
          <>
            {' '}
            Every demo user's password is <code>{users.data.password}</code>.
          </>
        ) : null}
      </p>
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} retrying={users.isFetching} />
      ) : null}
      {signIn.isError ? (
        <p className="sign-in-error" role="alert">
          {signIn.error.longMessage}
        </p>
      ) : null}
      {users.isPending ? (
        <ul className="sign-in-users" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="sign-in-user is-skeleton" aria-hidden="true">
              <span className="skeleton" />
            </li>
          ))}
        </ul>
      ) : (
        groupDemoUsers(users.data?.data ?? []).map((group) => (
          <section key={group.title} className="sign-in-group" aria-label={group.title}>
            <h3>
              {group.title} <span className="muted">· {group.note}</span>
            </h3>
            <ul className="sign-in-users">
              {group.users.map((user) => (
                <li key={user.id}>
                  <DemoUserButton
                    user={user}
                    busy={signIn.isPending || !signIn.ready}
                    signingIn={signIn.isPending && signIn.variables === user.id}
                    onClick={() => signIn.mutate(user.id)}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

function DemoUserButton({
  user,
  busy,
  signingIn,
  onClick,
}: {
  user: DevUser;
  busy: boolean;
  signingIn: boolean;
  onClick: () => void;
}) {
  const name = fullName(user, user.email_address);
  const descriptionId = `demo-user-${user.id}`;
  return (
    <button
      type="button"
      className="sign-in-user"
      aria-label={`Sign in as ${name} (${user.email_address})`}
      aria-describedby={descriptionId}
      disabled={busy}
      onClick={onClick}
    >
      <span className="avatar" aria-hidden="true">
        {initials(user)}
      </span>
      <span className="sign-in-user-text">
        <span className="sign-in-user-line">
          <span className="sign-in-user-name">{name}</span>
          <span className="sign-in-user-email">{user.email_address}</span>
        </span>
        <span className="sign-in-user-description" id={descriptionId}>
          {user.description}
        </span>
      </span>
      {signingIn ? <span className="spinner" aria-hidden="true" /> : null}
    </button>
  );
}
