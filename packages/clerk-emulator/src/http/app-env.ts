import type { HttpBindings } from '@hono/node-server';

/** Hono environment of the emulator: Node bindings exist only behind @hono/node-server. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { traceId: string };
}
