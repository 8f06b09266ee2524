import type { Clock } from './clock.ts';
import type { ResolvedOptions } from './config.ts';
import type { Db } from './db/database.ts';
import type { SigningKeys } from './jwt/signing-key.ts';
import type { FaultRegistry } from './middleware/fault-registry.ts';
import type { RateLimiter } from './middleware/rate-limiter.ts';
import type { WebhookDispatcher } from './webhooks/dispatcher.ts';

/** Everything the routes share: storage, the emulated clock, configuration and test controls. */
export interface EmulatorContext {
  db: Db;
  clock: Clock;
  options: ResolvedOptions;
  limiter: RateLimiter;
  faults: FaultRegistry;
  keys: SigningKeys;
  webhooks: WebhookDispatcher;
  /** Wipes the data back to the configured seed and clears the clock offset, faults and rate limits. */
  reset(): void;
}
