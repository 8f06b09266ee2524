import { getToken } from '@clerk/react';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers.tsx';
import { createAppRouter, focusHeadingOnNewPage, redirectToSignInOn401 } from './app/router.tsx';
import { setSessionTokenSource } from './lib/api-client.ts';
import { loadConsoleConfig } from './lib/console-config.ts';
import { createQueryClient, firstReadsSettled } from './lib/query-client.ts';
import { hasFreshSessionCookie } from './lib/session-cookies.ts';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/controls.css';
import './ui/styles/layout.css';
import './ui/data-table.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// Every api call carries the session's token; clerk-js keeps it fresh (it lives a minute). Until
// clerk-js has loaded, reads may go with the token it left in its cookie (lib/api-client.ts).
setSessionTokenSource(
  () => getToken(),
  () => (window as { Clerk?: { loaded?: boolean } }).Clerk?.loaded === true,
);
const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
redirectToSignInOn401(queryClient, router);
focusHeadingOnNewPage(router);

// The first page's code and data start loading now, before React's first render: mounted, the router
// would start them only after it (it finds this load done or under way and keeps it).
const loaded = router.load().catch(() => undefined);

// With a fresh session cookie the page's reads go out now, on the cookie, and on a warm visit they are
// answered within tens of milliseconds: the first render waits for them (at most FIRST_READS_WAIT_MS),
// so the page is drawn once, with its rows, instead of a skeleton first and the rows in a second
// render and frame; clerk-js, which these reads do not need, starts once that frame is painted and
// the browser is idle (`deferClerk`). Without one, the reads wait for clerk-js, which
// starts with the first render.
const FIRST_READS_WAIT_MS = 150;
const readsOnCookie = hasFreshSessionCookie();
const firstReads = readsOnCookie ? firstReadsSettled(queryClient, loaded, FIRST_READS_WAIT_MS) : undefined;

/** The app could not start, or stopped on an error nothing caught: say so, not a blank tab. */
const failed = (what: string) => (error: unknown) => {
  root.setAttribute('role', 'alert');
  root.textContent = `${what} (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
};

// An error no error page catches (each route has one; this is what sits above them, e.g. a part of
// the frame whose code is gone after a deploy) unmounts the app.
const app = createRoot(root, { onUncaughtError: failed('The console stopped working') });

Promise.all([loadConsoleConfig(), firstReads]).then(
  ([config]) =>
    app.render(
      <StrictMode>
        <AppProviders config={config} queryClient={queryClient} router={router} deferClerk={readsOnCookie}>
          <RouterProvider router={router} />
        </AppProviders>
      </StrictMode>,
    ),
  failed('The console could not start'),
);
