import type { DevUser } from '@invites/clerk-schema';
import { useEffect } from 'react';
import { fullName } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/states.tsx';
import { useDevSignIn } from '../api/dev-sign-in.ts';
import { useDevUsers } from '../api/get-dev-users.ts';
import { useHealth } from '../api/get-health.ts';
import './sign-in-page.css';

/** Where Clerk's hosted sign-in should send the user back to. */
export function clerkSignInUrl(signInUrl: string, redirect: string, origin: string): string {
  const url = new URL(signInUrl, origin);
  url.searchParams.set('redirect_url', new URL(redirect, origin).toString());
  return url.toString();
}

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

/** Sign in: demo users against the emulator, a redirect to Clerk's sign-in otherwise. */
export function SignInPage({ redirect, onSignedIn }: { redirect: string; onSignedIn: () => void }) {
  const health = useHealth();
  const emulator = health.data?.upstream === 'emulator';
  const users = useDevUsers(emulator);
  const signIn = useDevSignIn();
  const clerkUrl =
    health.data && !emulator && health.data.sign_in_url
      ? clerkSignInUrl(health.data.sign_in_url, redirect, window.location.origin)
      : null;

  useEffect(() => {
    if (clerkUrl) window.location.assign(clerkUrl);
  }, [clerkUrl]);

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="sign-in-brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span>Invitations Console</span>
        </div>
        <h1>Sign in</h1>
        {health.isPending ? (
          <p className="muted">Checking how to sign you in…</p>
        ) : health.isError ? (
          <ErrorState error={health.error} onRetry={() => health.refetch()} retrying={health.isFetching} />
        ) : clerkUrl ? (
          <p className="muted">
            Redirecting you to sign in… <a href={clerkUrl}>Continue to sign in</a>
          </p>
        ) : !emulator ? (
          <p className="muted">Sign-in is not configured for this server.</p>
        ) : (
          <>
            <p className="muted">
              Demo mode: this server runs against the local Clerk emulator. Choose who to sign in as.
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
                : sortDevUsers(users.data ?? []).map((user) => {
                    const name = fullName(user, user.email_address);
                    const descriptionId = `dev-user-${user.id}`;
                    return (
                      <li key={user.id}>
                        <button
                          type="button"
                          className="sign-in-user"
                          aria-label={`Sign in as ${name} (${user.email_address})`}
                          aria-describedby={descriptionId}
                          disabled={signIn.isPending}
                          onClick={() => signIn.mutate(user.id, { onSuccess: onSignedIn })}
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
          </>
        )}
      </div>
    </main>
  );
}
