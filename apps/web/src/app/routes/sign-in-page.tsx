import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { SignInPage } from '../../features/auth/components/sign-in-page.tsx';

const route = getRouteApi('/sign-in');

/** `/sign-in?redirect=…`: after signing in, back to where the visit started. */
export function SignInRoutePage() {
  const { redirect } = route.useSearch();
  const navigate = route.useNavigate();
  const target = redirect ?? '/orgs';
  const onSignedIn = useCallback(() => navigate({ href: target, replace: true }), [navigate, target]);
  return <SignInPage redirect={target} onSignedIn={onSignedIn} />;
}
