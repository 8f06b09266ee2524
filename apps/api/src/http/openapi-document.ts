import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Handler } from 'hono';
import type { AppEnv } from '../types.ts';

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of the console's own routes, built once from their
 * contracts (each operation's `x-access` says who may call it). Clerk's paths under `/api/v1` are
 * Clerk's Backend API and documented by Clerk.
 */
export function openApiDocument(api: OpenAPIHono<AppEnv>): Handler<AppEnv> {
  let document: string | undefined;
  return (c) => {
    document ??= JSON.stringify(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Invitations Console API',
          version: '1',
          description:
            "The console's own routes. Every answer other than a success is Clerk's error envelope " +
            '(`{errors:[{code,message,long_message,meta}],clerk_trace_id}`). `x-access` on each operation ' +
            'names who may call it. The Clerk-shaped routes under `/api/v1` follow Clerk’s Backend API.',
        },
      }),
    );
    return c.body(document, 200, { 'content-type': 'application/json' });
  };
}
