import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { ToastProvider } from '../ui/toast.tsx';

/** Renders with a fresh QueryClient (no retries) and the toast host. */
export function renderWithProviders(ui: ReactElement) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return {
    client,
    ...render(
      <QueryClientProvider client={client}>
        <ToastProvider>{ui}</ToastProvider>
      </QueryClientProvider>,
    ),
  };
}

/** Like renderWithProviders, inside a one-route router, for components that render `<Link>`s. */
export function renderWithRouter(ui: ReactElement) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return renderWithProviders(<RouterProvider router={router} />);
}

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

/** Replaces fetch with a router of handlers keyed by "METHOD /path"; records every call. */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    calls.push({ method, path: url.pathname, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler)
      return json(404, {
        errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'nope' }],
      });
    return handler(url, init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A Clerk error envelope response. */
export function clerkError(
  status: number,
  code: string,
  longMessage: string,
  paramName?: string,
  headers?: Record<string, string>,
) {
  return json(
    status,
    {
      errors: [
        {
          code,
          message: code,
          long_message: longMessage,
          ...(paramName ? { meta: { param_name: paramName } } : {}),
        },
      ],
      clerk_trace_id: '0123456789abcdef0123456789abcdef',
    },
    headers,
  );
}
