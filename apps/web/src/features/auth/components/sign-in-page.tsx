import { ClerkFailed, ClerkLoading, SignIn, useAuth } from '@clerk/react';
import { useEffect } from 'react';
import { preloadClerkUI } from '../../../lib/clerk-ui.ts';
import { useConsoleConfig } from '../../../lib/console-config.ts';
import { brandMarkUrl } from '../../../ui/brand-mark.ts';
import { DemoUsers } from './demo-users.tsx';
import './sign-in-page.css';

/** Where Clerk's hosted sign-in should send the user back to. */
export function clerkSignInUrl(signInUrl: string, redirect: string, origin: string): string {
  const url = new URL(signInUrl, origin);
  url.searchParams.set('redirect_url', new URL(redirect, origin).toString());
  return url.toString();
}

/**
 * Sign in with Clerk's own `<SignIn />` in our frame (or on the Clerk-hosted page the server names),
 * and in the demo, one-click demo users beside it. Once signed in, back to `redirect`.
 */
export function SignInPage({ redirect, onSignedIn }: { redirect: string; onSignedIn: () => void }) {
  const config = useConsoleConfig();
  const { isSignedIn } = useAuth();
  const hosted = config.sign_in_url
    ? clerkSignInUrl(config.sign_in_url, redirect, window.location.origin)
    : null;

  // Clerk's form is about to be shown: its UI loads without waiting for clerk-js to ask.
  useEffect(() => preloadClerkUI(), []);

  useEffect(() => {
    if (isSignedIn) onSignedIn();
    else if (hosted && isSignedIn === false) window.location.assign(hosted);
  }, [isSignedIn, hosted, onSignedIn]);

  return (
    <main className="sign-in" id="main">
      <div className={config.demo ? 'sign-in-layout has-demo' : 'sign-in-layout'}>
        <section className="sign-in-panel" aria-label="Sign in">
          <div className="sign-in-brand">
            <img src={brandMarkUrl} alt="" width={36} height={36} />
            <span>Invitations Console</span>
          </div>
          {hosted ? (
            <p className="muted">
              Redirecting you to sign in… <a href={hosted}>Continue to sign in</a>
            </p>
          ) : (
            <>
              <ClerkLoading>
                <div className="sign-in-loading" role="status">
                  <span className="spinner" aria-hidden="true" />
                  Loading sign-in…
                </div>
              </ClerkLoading>
              <ClerkFailed>
                <p className="sign-in-error" role="alert">
                  Sign-in could not be loaded: Clerk did not answer. Check your connection, then{' '}
                  <a href={window.location.href}>reload the page</a>.
                </p>
              </ClerkFailed>
              <SignIn routing="hash" forceRedirectUrl={redirect} />
            </>
          )}
        </section>
        {config.demo ? <DemoUsers /> : null}
      </div>
    </main>
  );
}
