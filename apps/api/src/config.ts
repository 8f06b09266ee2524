import { fileURLToPath } from 'node:url';
import type { Env } from './env.ts';

/** Everything createApp needs to know; built from the environment by server.ts, by hand in tests. */
export interface AppConfig {
  clerkApiUrl: string;
  clerkSecretKey: string;
  /** Handed to clerk-js in the browser (never secret). */
  clerkPublishableKey: string;
  /** Where `/__clerk/v1/*` goes; null: the Frontend API the publishable key names (production). */
  clerkFapiUrl: string | null;
  /** Image origins the CSP allows besides our own (Clerk's avatar host against real Clerk). */
  imageOrigins: string[];
  /** PEM public key; when null, tokens are verified against the upstream's `/v1/jwks`. */
  clerkJwtKey: string | null;
  authorizedParties: string[];
  nodeEnv: 'development' | 'production' | 'test';
  signInUrl: string | null;
  webDist: string;
  upstreamTimeoutMs: number;
  upstreamRetries: number;
  upstreamRetryBaseMs: number;
  bodyLimitBytes: number;
  /** Body limit of `POST /api/bulk-invitations` (up to 20,000 rows). */
  bulkBodyLimitBytes: number;
  roleCacheTtlMs: number;
  /** How long an organization's pending invitations and members are reused by the bulk check. */
  recipientCheckTtlMs: number;
  /** How long the upstream's organization roles are reused to validate bulk jobs. */
  roleCatalogTtlMs: number;
  /** How long an organization's pending invitations are reused by the expiring-soon filter. */
  expiringCacheTtlMs: number;
  tokenCacheTtlMs: number;
  /** Least time between two page requests of a CSV export (keeps an export within Clerk's limits). */
  exportPageIntervalMs: number;
  /** Longest wait for one Retry-After of a rate-limited export page. */
  exportMaxWaitMs: number;
  /** Verifies Clerk's webhooks (`whsec_…`); null: the webhook route answers 404. */
  webhookSigningSecret: string | null;
  /** How long storing a received webhook may take before it is answered 503 (Clerk retries). */
  webhookStoreTimeoutMs: number;
  /** The longest an activity page's `GET /api/activity/changes?wait=` is held open. */
  activityWaitMaxMs: number;
}

/** A well-formed key for configs built by hand (tests): `pk_live_` + base64 of `clerk.console.test$`. */
export const TEST_PUBLISHABLE_KEY = `pk_live_${Buffer.from('clerk.console.test$').toString('base64url')}`;

/** Clerk serves user avatars from this host; allowed as an image source only against real Clerk. */
export const CLERK_IMAGE_ORIGIN = 'https://img.clerk.com';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** A complete config from the required upstream settings plus any overrides. */
export function appConfig(
  base: Pick<AppConfig, 'clerkApiUrl' | 'clerkSecretKey'> & Partial<AppConfig>,
): AppConfig {
  return {
    clerkPublishableKey: TEST_PUBLISHABLE_KEY,
    clerkFapiUrl: null,
    imageOrigins: [],
    clerkJwtKey: null,
    authorizedParties: [],
    nodeEnv: 'development',
    signInUrl: null,
    webDist: DEFAULT_WEB_DIST,
    upstreamTimeoutMs: 10_000,
    upstreamRetries: 2,
    upstreamRetryBaseMs: 100,
    bodyLimitBytes: 1024 * 1024,
    bulkBodyLimitBytes: 4 * 1024 * 1024,
    roleCacheTtlMs: 30_000,
    recipientCheckTtlMs: 5_000,
    roleCatalogTtlMs: 60_000,
    expiringCacheTtlMs: 30_000,
    tokenCacheTtlMs: 60_000,
    // At most 50 export pages per 10 s: half of a development instance's limit, a twentieth of production's.
    exportPageIntervalMs: 200,
    exportMaxWaitMs: 30_000,
    webhookSigningSecret: null,
    webhookStoreTimeoutMs: 5_000,
    activityWaitMaxMs: 25_000,
    ...base,
    clerkApiUrl: base.clerkApiUrl.replace(/\/+$/, ''),
  };
}

/** The Clerk instance the api talks to: real Clerk, or an emulator (embedded or running apart). */
export interface Upstream {
  url: string;
  secretKey: string;
  publishableKey: string;
  /** null: derived from the publishable key by `@clerk/backend/proxy` (real Clerk). */
  frontendApiUrl: string | null;
  emulator: boolean;
  /** Overrides CLERK_WEBHOOK_SIGNING_SECRET: the demo makes one per run for its emulator's webhooks. */
  webhookSecret?: string;
}

/** The config for a validated environment and the upstream actually used (Clerk or the emulator). */
export function configFromEnv(env: Env, upstream: Upstream): AppConfig {
  return appConfig({
    clerkApiUrl: upstream.url,
    clerkSecretKey: upstream.secretKey,
    clerkPublishableKey: upstream.publishableKey,
    clerkFapiUrl: upstream.frontendApiUrl,
    imageOrigins: upstream.emulator ? [] : [CLERK_IMAGE_ORIGIN],
    clerkJwtKey: env.CLERK_JWT_KEY ?? null,
    authorizedParties: env.AUTHORIZED_PARTIES,
    nodeEnv: env.NODE_ENV,
    signInUrl: env.CLERK_SIGN_IN_URL ?? null,
    webhookSigningSecret: upstream.webhookSecret ?? env.CLERK_WEBHOOK_SIGNING_SECRET ?? null,
    ...(env.UPSTREAM_TIMEOUT_MS !== undefined ? { upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS } : {}),
  });
}
