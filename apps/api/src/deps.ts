import { type ActivityChanges, createActivityChanges } from './activity/activity-changes.ts';
import { type ActivityRecorder, createActivityRecorder } from './activity/activity-recorder.ts';
import { createPrincipalCache, type PrincipalLoader } from './auth/principal-cache.ts';
import { createTokenVerifier, type TokenVerifier } from './auth/verify-token.ts';
import { createScriptStore, pinnedClerkPackages, type ScriptStore } from './clerk-frontend/pinned-scripts.ts';
import type { AppConfig } from './config.ts';
import { createExpiringInvitations, type ExpiringInvitations } from './lifecycle/expiring-invitations.ts';
import { createLogger, type Logger } from './log.ts';
import { createMemoryStore, type Store } from './store/create-store.ts';
import { createUpstream, type UpstreamClient } from './upstream/client.ts';
import { createWebhookInbox, type WebhookInbox } from './webhooks/webhook-inbox.ts';

/**
 * Everything createApp uses from the outside world. Extend it (stores, audit log, job runner)
 * by adding fields; tests override any of them.
 */
export interface AppDeps {
  logger: Logger;
  now: () => number;
  upstream: UpstreamClient;
  verifyToken: TokenVerifier;
  principals: PrincipalLoader;
  /** True when the upstream is the Clerk emulator (answers `GET /__emulator/info`); cached. */
  detectEmulator: () => Promise<boolean>;
  /** Bulk jobs and the activity log (opened and migrated by the caller). */
  store: Store;
  /** Writes activity entries off the request path. */
  activity: ActivityRecorder;
  /** Tells the bulk worker of this process to look for work now (a new or retried job). */
  wakeWorker: () => void;
  /** clerk-js and Clerk's UI from the pinned packages, served under `/__clerk/npm/…`. */
  clerkScripts: ScriptStore;
  /** Pending invitations by expiry, kept briefly (the expiring-soon filter); the worker drops what it changes. */
  expiring: ExpiringInvitations;
  /** Clerk's webhook events: stored by the endpoint, applied off the request path. */
  webhookInbox: WebhookInbox;
  /** Wakes activity pages waiting for the log to change. */
  activityChanges: ActivityChanges;
}

/** Asks the upstream once whether it is the emulator; a network failure is not cached. */
export function createEmulatorDetector(upstream: UpstreamClient): () => Promise<boolean> {
  let known: boolean | undefined;
  return async () => {
    if (known !== undefined) return known;
    try {
      const res = await upstream.send({ method: 'GET', path: '/__emulator/info' });
      const type = res.header('content-type') ?? '';
      await res.dump();
      known = res.status === 200 && type.startsWith('application/json');
    } catch {
      return false;
    }
    return known;
  };
}

/** The upstream client of `config`, its retries logged by `logger`. */
export function createUpstreamClient(config: AppConfig, logger: Logger): UpstreamClient {
  return createUpstream({
    baseUrl: config.clerkApiUrl,
    secretKey: config.clerkSecretKey,
    timeoutMs: config.upstreamTimeoutMs,
    retries: config.upstreamRetries,
    retryBaseMs: config.upstreamRetryBaseMs,
    onRetry: (info) => logger.warn(info, 'retrying upstream request'),
  });
}

/**
 * Production wiring of AppDeps from the config; `overrides` replace any part (tests). No I/O here.
 * Pass the opened store: without one, jobs and activity go to a throwaway in-memory store.
 */
export function createDeps(config: AppConfig, overrides: Partial<AppDeps> = {}): AppDeps {
  const now = overrides.now ?? Date.now;
  const store = overrides.store ?? createMemoryStore();
  const changes = overrides.activityChanges ?? createActivityChanges();
  const logger = overrides.logger ?? createLogger({ secrets: [config.clerkSecretKey] });
  const upstream = overrides.upstream ?? createUpstreamClient(config, logger);
  return {
    now,
    logger,
    upstream,
    verifyToken:
      overrides.verifyToken ??
      createTokenVerifier({
        apiUrl: config.clerkApiUrl,
        secretKey: config.clerkSecretKey,
        jwtKey: config.clerkJwtKey,
        authorizedParties: config.authorizedParties,
        cacheTtlMs: config.tokenCacheTtlMs,
        now,
      }),
    principals: overrides.principals ?? createPrincipalCache({ upstream, ttlMs: config.roleCacheTtlMs, now }),
    detectEmulator: overrides.detectEmulator ?? createEmulatorDetector(upstream),
    store,
    activity:
      overrides.activity ??
      createActivityRecorder({ store, logger, now, onWritten: (org) => changes.publish([org]) }),
    wakeWorker: overrides.wakeWorker ?? (() => {}),
    clerkScripts: overrides.clerkScripts ?? createScriptStore(pinnedClerkPackages()),
    expiring:
      overrides.expiring ?? createExpiringInvitations({ upstream, ttlMs: config.expiringCacheTtlMs, now }),
    webhookInbox:
      overrides.webhookInbox ??
      createWebhookInbox({ store, logger, now, onApplied: (orgs) => changes.publish(orgs) }),
    activityChanges: changes,
  };
}
