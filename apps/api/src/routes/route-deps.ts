import type { MiddlewareHandler } from 'hono';
import type { PrincipalLoader } from '../auth/principal-cache.ts';
import type { AppConfig } from '../config.ts';
import type { AppEnv } from '../types.ts';
import type { UpstreamClient } from '../upstream/client.ts';

/** What the resource sub-apps get from createApp. */
export interface RouteDeps {
  config: AppConfig;
  upstream: UpstreamClient;
  principals: PrincipalLoader;
  auth: MiddlewareHandler<AppEnv>;
  detectEmulator: () => Promise<boolean>;
}
