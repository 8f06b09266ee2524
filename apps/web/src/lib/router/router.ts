import { isLazy } from './lazy.ts';
import {
  bySpecificity,
  type CompiledPath,
  compilePath,
  interpolatePath,
  joinPath,
  matchPath,
} from './path.ts';
import type {
  NavigateOptions,
  NavigateTarget,
  NavigationType,
  RouteConfig,
  RouterLocation,
  RouterOptions,
  RouterState,
} from './types.ts';

interface Branch {
  path: CompiledPath;
  routes: RouteConfig[];
  page: string;
}

function flatten(routes: RouteConfig[], parentPath = '/', parents: RouteConfig[] = [], page?: string) {
  return routes.flatMap((route): Branch[] => {
    const path = route.path === undefined ? parentPath : joinPath(parentPath, route.path);
    const chain = [...parents, route];
    // The page is the outermost route with a path: the routes nested in it are views over it.
    const pageOfChain = page ?? (route.path === undefined ? undefined : path);
    const own =
      route.path === undefined ? [] : [{ path: compilePath(path), routes: chain, page: pageOfChain ?? path }];
    return [...own, ...flatten(route.children ?? [], path, chain, pageOfChain)];
  });
}

const newKey = () => Math.random().toString(36).slice(2, 10);
const isPromise = <T>(value: unknown): value is Promise<T> =>
  typeof (value as Promise<T> | undefined)?.then === 'function';

function readLocation(): RouterLocation {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash, href: pathname + search + hash };
}

/** The current history entry's key (scroll positions are kept per entry). */
function entryKey(): string {
  const key = (window.history.state as { key?: unknown } | null)?.key;
  if (typeof key === 'string') return key;
  const fresh = newKey();
  window.history.replaceState({ key: fresh }, '');
  return fresh;
}

export type Router = ReturnType<typeof createRouter>;

/** A router over the browser's history: matches the address, runs guards, loads route code, commits. */
export function createRouter(options: RouterOptions) {
  const branches = flatten(options.routes).sort((a, b) => bySpecificity(a.path, b.path));
  const listeners = new Set<() => void>();
  const scrollPositions = new Map<string, number>();
  const pendingMs = options.pendingMs ?? 300;
  let currentKey = entryKey();
  let loadId = 0;
  let state: RouterState = {
    status: 'loading',
    location: readLocation(),
    routes: [],
    params: {},
    navigation: { type: 'initial', pageChanged: false, scrollY: undefined },
    pageKey: '',
  };

  function find(pathname: string) {
    for (const branch of branches) {
      const params = matchPath(branch.path, pathname);
      if (params) return { branch, params };
    }
    return null;
  }

  function commit(
    type: NavigationType,
    location: RouterLocation,
    found: ReturnType<typeof find>,
    failure?: RouterState['failure'],
  ) {
    const pageKey = found ? interpolatePath(found.branch.page, found.params) : `?${location.pathname}`;
    // The second commit of a navigation that showed its pending state first: same page, same move.
    const again = state.status === 'ready' && state.location === location;
    state = {
      status: 'ready',
      location,
      routes: found?.branch.routes ?? [],
      params: found?.params ?? {},
      ...(failure ? { failure } : {}),
      navigation: {
        type,
        pageChanged: again
          ? state.navigation.pageChanged
          : state.status === 'ready' && pageKey !== state.pageKey,
        scrollY: type === 'pop' ? scrollPositions.get(currentKey) : undefined,
      },
      pageKey,
    };
    for (const listener of listeners) listener();
  }

  /** Resolves the address bar: guards (parents first) while the route code loads, then commits. */
  async function resolve(type: NavigationType): Promise<void> {
    const id = ++loadId;
    const location = readLocation();
    const found = find(location.pathname);
    if (!found) return commit(type, location, null);
    const unloaded = found.branch.routes.flatMap((r) =>
      isLazy(r.component) && !r.component.loaded ? [r.component] : [],
    );
    const loading = Promise.allSettled(unloaded.map((c) => c.load()));
    for (const [index, route] of found.branch.routes.entries()) {
      if (!route.beforeLoad) continue;
      let redirect: NavigateTarget | undefined;
      try {
        const result = route.beforeLoad({ location, params: found.params });
        redirect = isPromise<NavigateTarget | undefined>(result) ? await result : result;
      } catch (error) {
        if (id === loadId) commit(type, location, found, { index, error });
        return;
      }
      if (id !== loadId) return;
      if (redirect) return visit(buildHref(redirect), { replace: true });
    }
    if (unloaded.length > 0) {
      // Slow code: after a moment, render the route anyway; its pending component shows until the
      // code arrives (or its error component, if it fails). Then commit again, so that scroll and
      // focus are set on the page itself.
      const timer = setTimeout(() => {
        if (id === loadId) commit(type, location, found);
      }, pendingMs);
      await loading;
      clearTimeout(timer);
      if (id !== loadId) return;
    }
    commit(type, location, found);
  }

  /** The href for a target; `from` is the location that `search: true` and `to`-less targets build on. */
  function buildHref(target: NavigateTarget, from: RouterLocation = readLocation()): string {
    const pathname = target.to === undefined ? from.pathname : interpolatePath(target.to, target.params);
    const { search } = target;
    const searchText =
      search === undefined
        ? ''
        : search === true
          ? from.search
          : options.stringifySearch(
              (typeof search === 'function' ? search(options.parseSearch(from.search)) : search) as Record<
                string,
                unknown
              >,
            );
    const hash = target.hash ? `#${target.hash.replace(/^#/, '')}` : '';
    return pathname + searchText + hash;
  }

  /** Goes to a same-origin href ('/orgs?x=1'): a new history entry, or the current one replaced. */
  function visit(href: string, { replace = false }: { replace?: boolean } = {}): void {
    scrollPositions.set(currentKey, window.scrollY);
    currentKey = newKey();
    window.history[replace ? 'replaceState' : 'pushState']({ key: currentKey }, '', href);
    void resolve(replace ? 'replace' : 'push');
  }

  function onPopState() {
    scrollPositions.set(currentKey, window.scrollY);
    currentKey = entryKey();
    const { pathname, search } = readLocation();
    // A jump to a fragment (the skip link): the browser scrolls; there is nothing to resolve.
    if (
      state.status === 'ready' &&
      pathname === state.location.pathname &&
      search === state.location.search
    ) {
      loadId += 1;
      return;
    }
    void resolve('pop');
  }

  window.history.scrollRestoration = 'manual';
  window.addEventListener('popstate', onPopState);
  void resolve('initial');

  return {
    options,
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** The address bar now (it runs ahead of `getState().location` while a navigation loads). */
    latestLocation: readLocation,
    buildHref,
    visit,
    navigate<P extends string>(target: NavigateOptions<P>): void {
      visit(buildHref(target as NavigateTarget), { replace: target.replace ?? false });
    },
    /** Loads the code of the routes an href leads to (a link is hovered or focused). */
    preload(href: string): void {
      const found = find(new URL(href, window.location.origin).pathname);
      for (const route of found?.branch.routes ?? []) {
        if (isLazy(route.component) && !route.component.loaded) route.component.load().catch(() => {});
      }
    },
    /** Resolves the current address again (retry after an error). */
    reload: () => void resolve('replace'),
    /** Stops listening to the history (tests). */
    dispose: () => window.removeEventListener('popstate', onPopState),
  };
}
