import { createContext, useContext, useMemo } from 'react';
import type { PathParams } from './path.ts';
import type { Router } from './router.ts';
import type { RouterState } from './types.ts';

export const RouterContext = createContext<Router | null>(null);
export const RouterStateContext = createContext<RouterState | null>(null);

/** The router (stable for the app's lifetime). */
export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('router: render this inside <RouterProvider>');
  return router;
}

/** The committed state: location, matched routes, parameters. */
export function useRouterState(): RouterState {
  const state = useContext(RouterStateContext);
  if (!state) throw new Error('router: render this inside <RouterProvider>');
  return state;
}

/** The location the page shows. */
export function useLocation() {
  return useRouterState().location;
}

/** The path parameters, typed by the route's pattern: `useParams<'/orgs/$orgId/invitations'>()`. */
export function useParams<P extends string>(): PathParams<P> {
  return useRouterState().params as PathParams<P>;
}

/** The search params as `validate` reads them (one of the url-state validators). */
export function useSearch<T>(validate: (raw: Record<string, unknown>) => T): T {
  const router = useRouter();
  const { search } = useLocation();
  return useMemo(() => validate(router.options.parseSearch(search)), [router, search, validate]);
}

/** `navigate({ to, params, search, replace })`; stable, so safe in effect and callback deps. */
export function useNavigate(): Router['navigate'] {
  return useRouter().navigate;
}
