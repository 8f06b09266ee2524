import type { Principal } from './auth/principal.ts';
import type { Logger } from './log.ts';

/** Hono environment shared by every sub-app. */
export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    principal: Principal;
    authSource: 'bearer' | 'cookie';
  };
};
