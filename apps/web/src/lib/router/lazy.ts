import { type ComponentType, createElement, type FunctionComponent, use } from 'react';

/** A route component whose code is loaded on demand (its own chunk). */
export type LazyComponent = FunctionComponent & {
  /** Starts loading (again, after a failure); resolves when the component can render. */
  load: () => Promise<void>;
  /** True once the code is in: the component then renders without suspending. */
  readonly loaded: boolean;
};

/**
 * `lazyRoute(() => import('./page.tsx'), 'Page')`: the named export of a module loaded on first use.
 * Unlike React.lazy, a component the router has already loaded renders synchronously (no fallback
 * flash), and a failed load stays failed (the error boundary shows it) until `load()` is called again.
 */
export function lazyRoute<M extends Record<string, unknown>>(
  importer: () => Promise<M>,
  exportName: keyof M & string,
): LazyComponent {
  let Component: ComponentType | undefined;
  let pending: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;

  const load = () => {
    if (Component) return Promise.resolve();
    if (pending && !failure) return pending;
    failure = undefined;
    pending = importer().then(
      (module) => {
        const loadedComponent = module[exportName];
        if (typeof loadedComponent !== 'function')
          throw new Error(`router: the module has no component named ${exportName}`);
        Component = loadedComponent as ComponentType;
      },
      (error: unknown) => {
        failure = { error };
        throw error;
      },
    );
    return pending;
  };

  // biome-ignore lint/correctness/noComponentHookFactories: made once per route, as React.lazy does
  function LazyRoute() {
    if (failure) throw failure.error;
    if (!Component) use(load());
    return createElement(Component as ComponentType);
  }
  return Object.defineProperties(LazyRoute, {
    load: { value: load },
    loaded: { get: () => Component !== undefined },
  }) as unknown as LazyComponent;
}

export function isLazy(component: ComponentType | undefined): component is LazyComponent {
  return typeof (component as Partial<LazyComponent> | undefined)?.load === 'function';
}
