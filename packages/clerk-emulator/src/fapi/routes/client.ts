import { type Context, Hono } from 'hono';
import type { EmulatorContext } from '../../context.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { deleteClient } from '../../store/clients.ts';
import { activeClientSessions, setSessionStatus } from '../../store/sessions.ts';
import { createClient, currentClient, sendClient } from '../client-scope.ts';

/** The browser's client: read it, start a new one, or delete it (ending its sessions). */
export function clientRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  const fresh = (c: Context<AppEnv>) => sendClient(ctx, c, createClient(ctx));
  return new Hono<AppEnv>()
    .get('/client', (c) => sendClient(ctx, c, currentClient(ctx, c)))
    .post('/client', fresh)
    .put('/client', fresh)
    .delete('/client', (c) => {
      const client = currentClient(ctx, c);
      if (client) {
        const now = clock.now();
        db.transaction(() => {
          for (const session of activeClientSessions(db, client.id, now)) {
            setSessionStatus(db, session.id, 'ended', now);
          }
          deleteClient(db, client.id);
        })();
      }
      return sendClient(ctx, c, undefined);
    });
}
