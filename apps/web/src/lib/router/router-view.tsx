import {
  Component,
  type ComponentType,
  createContext,
  type ReactNode,
  Suspense,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { RouterContext, RouterStateContext, useRouter, useRouterState } from './hooks.ts';
import type { Router } from './router.ts';
import type { ErrorComponentProps, RouterState } from './types.ts';

const OutletDepth = createContext(0);

interface BoundaryProps {
  fallback: ComponentType<ErrorComponentProps>;
  /** The error clears when this changes (the user went somewhere else). */
  resetKey: string;
  onReset: () => void;
  children: ReactNode;
}
interface BoundaryState {
  failed: boolean;
  error: unknown;
  resetKey: string;
}

/** One per route: a render error (or a chunk that failed to load) shows the route's error component. */
class RouteErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, error: undefined, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey
      ? null
      : { failed: false, error: undefined, resetKey: props.resetKey };
  }

  reset = () => {
    this.props.onReset();
    this.setState({ failed: false, error: undefined });
  };

  override render() {
    const Fallback = this.props.fallback;
    return this.state.failed ? <Fallback error={this.state.error} reset={this.reset} /> : this.props.children;
  }
}

/** Renders the matched route at `depth` (its `<Outlet />` renders the next one). */
function RouteAt({ depth }: { depth: number }) {
  const router = useRouter();
  const state = useRouterState();
  const route = state.routes[depth];
  const RouteComponent = route?.component ?? Outlet;
  // The same element while the route stays: the page re-renders through the hooks it uses only.
  const element = useMemo(() => <RouteComponent />, [RouteComponent]);
  if (!route) return null;
  const ErrorComponent = route.errorComponent ?? router.options.errorComponent;
  const Pending = router.options.pendingComponent;
  const failure = state.failure?.index === depth ? state.failure : undefined;
  return (
    <OutletDepth.Provider value={depth + 1}>
      <RouteErrorBoundary fallback={ErrorComponent} resetKey={state.location.href} onReset={router.reload}>
        {failure ? (
          <ErrorComponent error={failure.error} reset={router.reload} />
        ) : (
          <Suspense fallback={<Pending />}>{element}</Suspense>
        )}
      </RouteErrorBoundary>
    </OutletDepth.Provider>
  );
}

/** Where a route renders the route nested in it. */
export function Outlet() {
  return <RouteAt depth={useContext(OutletDepth)} />;
}

/** The pending component, after `ms` (a quick first load shows nothing rather than a flash). */
function Delayed({ ms, children }: { ms: number; children: ReactNode }) {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShow(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return show ? children : null;
}

// A page whose code is still loading is kept in the DOM, hidden, under the pending state.
const isShown = (element: Element) => !element.closest('[hidden]') && (element.checkVisibility?.() ?? true);

/** Moves focus to the new page's main heading, so keyboard and screen reader users start there. */
export function focusMainHeading(): void {
  const main = document.getElementById('main');
  const target = [...(main ?? document).querySelectorAll('h1')].find(isShown) ?? main;
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/**
 * After a commit: a new page starts at the top with focus on its heading; back and forward return
 * to where that entry was scrolled. Search changes and nested views (a detail over its list) keep
 * both scroll and focus.
 */
function useScrollAndFocus(state: RouterState) {
  const { navigation } = state;
  useLayoutEffect(() => {
    if (state.status !== 'ready') return;
    if (navigation.type === 'pop') {
      if (navigation.scrollY !== undefined) window.scrollTo(0, navigation.scrollY);
    } else if (navigation.pageChanged) {
      window.scrollTo(0, 0);
    }
    if (navigation.pageChanged) focusMainHeading();
  }, [navigation, state.status]);
}

/** Renders the router's current routes. */
export function RouterProvider({ router }: { router: Router }) {
  const state = useSyncExternalStore(router.subscribe, router.getState);
  useScrollAndFocus(state);
  const { pendingComponent: Pending, notFoundComponent: NotFound } = router.options;
  return (
    <RouterContext.Provider value={router}>
      <RouterStateContext.Provider value={state}>
        {state.status === 'loading' ? (
          <Delayed ms={router.options.pendingMs ?? 300}>
            <Pending />
          </Delayed>
        ) : state.routes.length === 0 ? (
          <NotFound />
        ) : (
          <RouteAt depth={0} />
        )}
      </RouterStateContext.Provider>
    </RouterContext.Provider>
  );
}
