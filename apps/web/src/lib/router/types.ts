import type { ComponentType } from 'react';
import type { PathParams } from './path.ts';

export interface RouterLocation {
  pathname: string;
  /** '' or '?…', as in the address bar. */
  search: string;
  hash: string;
  /** pathname + search + hash: what a `redirect=` keeps. */
  href: string;
}

/** `true` keeps the current search; a function gets the current one, parsed. */
export type SearchUpdate = true | object | ((prev: Record<string, unknown>) => object);

/** Where to go, loosely typed (redirects, internal use). */
export interface NavigateTarget {
  /** A path pattern ('/orgs/$orgId/invitations'); the current path when left out. */
  to?: string | undefined;
  params?: Record<string, string> | undefined;
  /** Left out: no search. */
  search?: SearchUpdate | undefined;
  hash?: string | undefined;
  replace?: boolean | undefined;
}

/** `params` is required exactly when the pattern `P` has `$` parameters. */
export type ParamsOption<P extends string> = [keyof PathParams<P>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<P> };

/** Where to go: `to` is a pattern whose `$` parameters `params` must fill. */
export type NavigateOptions<P extends string = string> = Omit<NavigateTarget, 'to' | 'params'> & {
  to?: P | undefined;
} & ParamsOption<P>;

export interface ErrorComponentProps {
  error: unknown;
  /** Tries the route again (its guards and code). */
  reset: () => void;
}

export interface RouteConfig {
  /** Relative to the parent's path; a route without one is a layout around its children. */
  path?: string;
  component?: ComponentType;
  /** Shown when the route's guard throws or its component fails to render; else the router's. */
  errorComponent?: ComponentType<ErrorComponentProps>;
  /**
   * Runs on every navigation to the route (parents first), before anything renders: return a
   * redirect, or throw to show the error component. A plain value keeps the navigation synchronous.
   */
  beforeLoad?: (context: {
    location: RouterLocation;
    params: Record<string, string>;
  }) => NavigateTarget | undefined | Promise<NavigateTarget | undefined>;
  children?: RouteConfig[];
}

export type NavigationType = 'initial' | 'push' | 'replace' | 'pop';

export interface RouterState {
  /** 'loading' until the first address has been resolved. */
  status: 'loading' | 'ready';
  location: RouterLocation;
  /** The matched routes, outermost first; empty when nothing matches (not found). */
  routes: RouteConfig[];
  params: Record<string, string>;
  /** A guard threw: the route at `index` shows its error component. */
  failure?: { index: number; error: unknown };
  /** How this state was reached; `pageChanged` is false for search changes and nested views. */
  navigation: { type: NavigationType; pageChanged: boolean; scrollY: number | undefined };
  /** The page: the first matched route with a path, filled in (a nested detail keeps its list's). */
  pageKey: string;
}

export interface RouterOptions {
  routes: RouteConfig[];
  notFoundComponent: ComponentType;
  errorComponent: ComponentType<ErrorComponentProps>;
  pendingComponent: ComponentType;
  /** How long a navigation may wait for code before the pending component shows. */
  pendingMs?: number;
  parseSearch: (search: string) => Record<string, unknown>;
  stringifySearch: (search: Record<string, unknown>) => string;
}
