import { useCallback } from 'react';
import { SignInPage } from '../../features/auth/components/sign-in-page.tsx';
import { useRouter, useSearch } from '../../lib/router/hooks.ts';
import { validateSignInSearch } from '../../lib/url-state.ts';

/** `/sign-in?redirect=…`: after signing in, back to where the visit started. */
export function SignInRoutePage() {
  const { redirect } = useSearch(validateSignInSearch);
  const router = useRouter();
  const target = redirect ?? '/orgs';
  const onSignedIn = useCallback(() => router.visit(target, { replace: true }), [router, target]);
  return <SignInPage redirect={target} onSignedIn={onSignedIn} />;
}
