import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { clerkErrors } from '@invites/clerk-schema';
import { errorResponse } from './http/errors.ts';
import { applySecurityHeaders } from './http/security-headers.ts';

export interface Listening {
  server: Server;
  /** `http://<host>:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `fetch` on a node http server. Request targets node-server refuses to parse (backslashes,
 * bad hosts) get the same 404 envelope as any unknown path.
 */
export function listen(
  fetch: (req: Request, env: unknown) => Response | Promise<Response>,
  options: { port: number; hostname?: string },
): Promise<Listening> {
  const listener = getRequestListener(fetch, {
    errorHandler: () => {
      const res = errorResponse(clerkErrors.notFound());
      applySecurityHeaders(res.headers);
      return res;
    },
  });
  const server = createServer({ keepAliveTimeout: 5_000 }, listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.hostname && options.hostname !== '0.0.0.0' ? options.hostname : '127.0.0.1';
      resolve({
        server,
        port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
