import { getRouteApi } from '@tanstack/react-router';
import { SignInPage } from '../../features/auth/components/sign-in-page.tsx';

const route = getRouteApi('/sign-in');

/** `/sign-in?redirect=…`: after signing in, back to where the visit started. */
export function SignInRoutePage() {
  const { redirect } = route.useSearch();
  const navigate = route.useNavigate();
  const target = redirect ?? '/orgs';
  return <SignInPage redirect={target} onSignedIn={() => navigate({ href: target })} />;
}
