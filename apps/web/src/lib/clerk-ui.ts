import type { ClerkProviderProps } from '@clerk/react';

// Clerk's UI (its components: `<SignIn />`) is a script of its own plus chunks it loads, several
// hundred KB to download and run. By default clerk-js loads it before it reads the session, on every
// page; the console shows a Clerk component only on the sign-in page. `ClerkProvider` takes the UI as a
// constructor (`ui.ClerkUI`, documented for bundling it); this one stands in for Clerk's, and fetches
// and builds the real UI the first time clerk-js asks it to mount something (`ensureMounted`, the only
// call clerk-js makes on it), or earlier when `preloadClerkUI` is called.

type UiOption = NonNullable<NonNullable<ClerkProviderProps['ui']>['ClerkUI']>;
type UiConstructor = Exclude<UiOption, Promise<unknown>>;
type UiInstance = InstanceType<UiConstructor>;

declare global {
  interface Window {
    /** What Clerk's UI script defines when it runs. */
    __internal_ClerkUICtor?: UiConstructor;
  }
}

let scriptUrl = '';
let loading: Promise<UiConstructor> | null = null;

function loadScript(): Promise<UiConstructor> {
  loading ??= new Promise<UiConstructor>((resolve, reject) => {
    if (window.__internal_ClerkUICtor) return resolve(window.__internal_ClerkUICtor);
    const script = document.createElement('script');
    script.src = scriptUrl;
    script.async = true;
    script.crossOrigin = 'anonymous';
    script.dataset.clerkUiScript = 'true';
    script.addEventListener('load', () => {
      const ctor = window.__internal_ClerkUICtor;
      if (ctor) resolve(ctor);
      else reject(new Error("Clerk's UI script ran but did not define its components."));
    });
    script.addEventListener('error', () => reject(new Error("Clerk's UI script could not be loaded.")));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = null; // a later attempt may succeed (a network blip)
    throw error;
  });
  return loading;
}

/** Starts loading Clerk's UI now (a page that will show a Clerk component soon). */
export function preloadClerkUI(): void {
  if (scriptUrl) void loadScript().catch(() => undefined);
}

type Controls = Awaited<ReturnType<UiInstance['ensureMounted']>>;

/** The `ui.ClerkUI` for `ClerkProvider`: Clerk's UI from `url`, loaded on first use. */
export function lazyClerkUI(url: string): UiConstructor {
  scriptUrl = url;
  class LazyClerkUI {
    static version = '';
    version = '';
    #args: ConstructorParameters<UiConstructor>;
    #real: Promise<UiInstance> | null = null;
    /** Props clerk-js handed over before the real UI existed, for it once it does. */
    #props: Parameters<Controls['updateProps']>[0] | null = null;

    constructor(...args: ConstructorParameters<UiConstructor>) {
      this.#args = args;
    }

    #load(): Promise<UiInstance> {
      this.#real ??= loadScript().then(
        async (Real) => {
          const ui = new Real(...this.#args);
          this.version = ui.version;
          if (this.#props) (await ui.ensureMounted()).updateProps(this.#props);
          return ui;
        },
        (error: unknown) => {
          this.#real = null;
          throw error;
        },
      );
      return this.#real;
    }

    /**
     * clerk-js asks with a hint when it is about to show a component (`mountSignIn`): the real UI,
     * loaded now. Without one (new props, closing what is not open), the real UI once it is there, and
     * until then stand-in controls: props are kept, closing is nothing, anything that shows something
     * loads the real UI first.
     */
    ensureMounted(...opts: Parameters<UiInstance['ensureMounted']>): Promise<Controls> {
      if (this.#real || opts[0]?.preloadHint) return this.#load().then((ui) => ui.ensureMounted(...opts));
      const later =
        <K extends keyof Controls>(name: K) =>
        (...args: unknown[]) =>
          void this.#load()
            .then((ui) => ui.ensureMounted())
            .then((controls) => (controls[name] as (...a: unknown[]) => void)(...args));
      const nothing = () => {};
      const controls: Controls = {
        updateProps: (props) => {
          this.#props = props;
        },
        closeModal: nothing,
        closeDrawer: nothing,
        unmountComponent: nothing,
        prefetch: nothing,
        mountComponent: later('mountComponent'),
        openModal: later('openModal'),
        openDrawer: later('openDrawer'),
        mountImpersonationFab: later('mountImpersonationFab'),
        openProtectCheckModal: later('openProtectCheckModal'),
      };
      return Promise.resolve(controls);
    }
  }
  return LazyClerkUI;
}
