import { getToken } from '@clerk/react';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers.tsx';
import { createAppRouter, focusHeadingOnNewPage, redirectToSignInOn401 } from './app/router.tsx';
import { setSessionTokenSource } from './lib/api-client.ts';
import { loadConsoleConfig } from './lib/console-config.ts';
import { createQueryClient } from './lib/query-client.ts';
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

// The first page's code and data start loading now, beside React's first render: mounted, the router
// would start them only after it (it finds this load done or under way and keeps it).
void router.load().catch(() => undefined);

loadConsoleConfig().then(
  (config) =>
    createRoot(root).render(
      <StrictMode>
        <AppProviders config={config} queryClient={queryClient} router={router}>
          <RouterProvider router={router} />
        </AppProviders>
      </StrictMode>,
    ),
  (error: unknown) => {
    root.textContent = `The console could not start: ${error instanceof Error ? error.message : String(error)} Reload the page to try again.`;
  },
);
