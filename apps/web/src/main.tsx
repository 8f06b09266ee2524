import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppRouter, focusHeadingOnNewPage, redirectToSignInOn401 } from './app/router.tsx';
import { createQueryClient } from './lib/query-client.ts';
import { ToastProvider } from './ui/toast.tsx';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/controls.css';
import './ui/styles/layout.css';
import './ui/data-table.css';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
redirectToSignInOn401(queryClient, router);
focusHeadingOnNewPage(router);

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
