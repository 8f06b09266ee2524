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

/** Staff first, then admins, then everyone else; by name within each group. */
export function sortDevUsers(users: readonly DevUser[]): DevUser[] {
  const rank = (u: DevUser) => (/^staff/i.test(u.description) ? 0 : /^admin/i.test(u.description) ? 1 : 2);
  return [...users].sort(
    (a, b) => rank(a) - rank(b) || fullName(a, a.email_address).localeCompare(fullName(b, b.email_address)),
  );
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
      <ul className="sign-in-users" aria-busy={users.isPending}>
        {users.isPending
          ? [0, 1, 2, 3].map((i) => (
              <li key={i} className="sign-in-user is-skeleton" aria-hidden="true">
                <span className="skeleton" />
              </li>
            ))
          : sortDevUsers(users.data?.data ?? []).map((user) => {
              const name = fullName(user, user.email_address);
              const descriptionId = `demo-user-${user.id}`;
              return (
                <li key={user.id}>
                  <button
                    type="button"
                    className="sign-in-user"
                    aria-label={`Sign in as ${name} (${user.email_address})`}
                    aria-describedby={descriptionId}
                    disabled={signIn.isPending}
                    onClick={() => signIn.mutate(user.id)}
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
                    {signIn.isPending && signIn.variables === user.id ? (
                      <span className="spinner" aria-hidden="true" />
                    ) : null}
                  </button>
                </li>
              );
            })}
      </ul>
    </section>
  );
}
