import { ClerkProvider, useAuth } from '@clerk/react';
import type { ConsoleConfig } from '@invites/clerk-schema';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { clerkAppearance } from '../lib/clerk-appearance.ts';
import { lazyClerkUI, preloadClerkUI } from '../lib/clerk-ui.ts';
import { ConsoleConfigProvider } from '../lib/console-config.ts';
import { forgetUser } from '../lib/query-client.ts';
import { ToastProvider } from '../ui/toast.tsx';
import { whenIdle } from '../ui/when-idle.ts';
import type { AppRouter } from './router.tsx';

/** Nothing cached for one user may show to the next: a change of Clerk user drops every query. */
function ClearCacheOnUserChange({ queryClient }: { queryClient: QueryClient }) {
  const { isLoaded, userId } = useAuth();
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!isLoaded) return;
    if (seen.current !== undefined && seen.current !== userId) void forgetUser(queryClient);
    seen.current = userId ?? null;
  }, [isLoaded, userId, queryClient]);
  return null;
}

/**
 * `value` once the frame being drawn now has been painted and the browser is idle (whenIdle: 200 ms
 * at the latest). Handed to `ClerkProvider` as its `ui.ClerkUI` (a promise is allowed), it holds
 * clerk-js's start back until then: clerk-js cannot load before it has its UI. Its start (a worker for
 * its token poller, its first reads and their processing, a render of everything that reads the
 * session) then comes after the page is drawn instead of in the task that draws it or the next frame.
 */
function afterPaintWhenIdle<T>(value: T): Promise<T> {
  return new Promise((resolve) => requestAnimationFrame(() => whenIdle(() => resolve(value))));
}

/** Signed out: Clerk's sign-in form is next, so its UI starts loading now. */
function PreloadSignInWhenSignedOut() {
  const { isLoaded, userId } = useAuth();
  useEffect(() => {
    if (isLoaded && !userId) preloadClerkUI();
  }, [isLoaded, userId]);
  return null;
}

/**
 * Clerk's provider (scripts and Frontend API through our own origin, `proxy_url`; its UI loaded only
 * when a Clerk component is shown, lib/clerk-ui.ts), the query client and toasts. Clerk's own
 * navigations (after sign-in, sign-out) go through our router.
 */
export function AppProviders({
  config,
  queryClient,
  router,
  deferClerk = false,
  children,
}: {
  config: ConsoleConfig;
  queryClient: QueryClient;
  router: AppRouter;
  /** Start clerk-js once the first frame is painted: the page's first reads do not need it. */
  deferClerk?: boolean;
  children: ReactNode;
}) {
  const ui = useMemo(() => {
    const ClerkUI = lazyClerkUI(config.clerk_ui_url);
    return { ClerkUI: deferClerk ? afterPaintWhenIdle(ClerkUI) : ClerkUI };
  }, [config.clerk_ui_url, deferClerk]);
  return (
    <ConsoleConfigProvider value={config}>
      <ClerkProvider
        publishableKey={config.publishable_key}
        proxyUrl={config.proxy_url}
        ui={ui}
        appearance={clerkAppearance}
        signInUrl="/sign-in"
        afterSignOutUrl="/sign-in"
        routerPush={(to) => router.navigate({ href: to })}
        routerReplace={(to) => router.navigate({ href: to, replace: true })}
      >
        <QueryClientProvider client={queryClient}>
          <ClearCacheOnUserChange queryClient={queryClient} />
          <PreloadSignInWhenSignedOut />
          <ToastProvider>{children}</ToastProvider>
        </QueryClientProvider>
      </ClerkProvider>
    </ConsoleConfigProvider>
  );
}
