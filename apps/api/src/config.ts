import { fileURLToPath } from 'node:url';
import type { Env } from './env.ts';

/** Everything createApp needs to know; built from the environment by server.ts, by hand in tests. */
export interface AppConfig {
  clerkApiUrl: string;
  clerkSecretKey: string;
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
  tokenCacheTtlMs: number;
  sessionTtlSeconds: number;
  /** Verifies Clerk's webhooks (`whsec_…`); null: the webhook route answers 404. */
  webhookSigningSecret: string | null;
  /** How long storing a received webhook may take before it is answered 503 (Clerk retries). */
  webhookStoreTimeoutMs: number;
}

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** A complete config from the required upstream settings plus any overrides. */
export function appConfig(
  base: Pick<AppConfig, 'clerkApiUrl' | 'clerkSecretKey'> & Partial<AppConfig>,
): AppConfig {
  return {
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
    tokenCacheTtlMs: 60_000,
    sessionTtlSeconds: 8 * 60 * 60,
    webhookSigningSecret: null,
    webhookStoreTimeoutMs: 5_000,
    ...base,
    clerkApiUrl: base.clerkApiUrl.replace(/\/+$/, ''),
  };
}

/**
 * The config for a validated environment and the upstream actually used (Clerk or the emulator);
 * `webhookSecret` overrides the environment's (the demo generates one per run for its emulator).
 */
export function configFromEnv(
  env: Env,
  upstream: { url: string; secretKey: string; webhookSecret?: string },
): AppConfig {
  return appConfig({
    clerkApiUrl: upstream.url,
    clerkSecretKey: upstream.secretKey,
    clerkJwtKey: env.CLERK_JWT_KEY ?? null,
    authorizedParties: env.AUTHORIZED_PARTIES,
    nodeEnv: env.NODE_ENV,
    signInUrl: env.CLERK_SIGN_IN_URL ?? null,
    webhookSigningSecret: upstream.webhookSecret ?? env.CLERK_WEBHOOK_SIGNING_SECRET ?? null,
    ...(env.UPSTREAM_TIMEOUT_MS !== undefined ? { upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS } : {}),
  });
}
