import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppRouter } from './app/router.tsx';
import { isApiError } from './lib/api-client.ts';
import { createQueryClient } from './lib/query-client.ts';
import { ToastProvider } from './ui/toast.tsx';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/controls.css';
import './ui/styles/layout.css';
import './ui/data-table.css';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// A session that ends mid-visit (any 401) goes to sign-in and comes back to the same view.
queryClient.getQueryCache().subscribe((event) => {
  if (event.type !== 'updated' || event.action.type !== 'error') return;
  if (!isApiError(event.action.error, 401)) return;
  const location = router.state.location;
  if (location.pathname === '/sign-in') return;
  void router.navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true });
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
