import { getRouteApi, useRouter } from '@tanstack/react-router';
import { SignInPage } from '../../features/auth/components/sign-in-page.tsx';

const route = getRouteApi('/sign-in');

/** `/sign-in?redirect=…`: after signing in, back to where the visit started. */
export function SignInRoutePage() {
  const { redirect } = route.useSearch();
  const router = useRouter();
  const target = redirect ?? '/orgs';
  return <SignInPage redirect={target} onSignedIn={() => router.history.push(target)} />;
}
