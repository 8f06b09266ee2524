import { newWebhookSecret, startEmulator } from '@invites/clerk-emulator';
import { type App, createApp } from '../app.ts';
import { createBulkUpstream } from '../bulk/clerk-bulk-upstream.ts';
import { type BulkWorker, startBulkWorker } from '../bulk/worker.ts';
import { type AppConfig, appConfig } from '../config.ts';
import { type AppDeps, createDeps, createUpstreamClient } from '../deps.ts';
import { createLogger } from '../log.ts';
import { createStore, type Store } from '../store/create-store.ts';
import type { UpstreamClient, UpstreamRequest } from '../upstream/client.ts';
import { FAST_SETTINGS } from './bulk-helpers.ts';

export type Persona = 'member' | 'adminA' | 'adminB' | 'staff';

/** Demo users by persona (first names from the emulator's demo seed). */
const PERSONA_NAMES: Record<Persona, string> = {
  member: 'Maya',
  adminA: 'Ada',
  adminB: 'Grace',
  staff: 'Sam',
};

export interface Harness {
  app: App;
  config: AppConfig;
  deps: AppDeps;
  emulatorUrl: string;
  secretKey: string;
  /** Every request the api sent upstream, in order. */
  calls: UpstreamRequest[];
  /** Every log line the api wrote. */
  logLines: string[];
  userIds: Record<Persona, string>;
  /** The api's store (in-memory SQLite unless one was passed). */
  store: Store;
  /** The bulk worker, when the harness was started with `worker: true`. */
  worker: BulkWorker | null;
  /** Waits until every activity entry recorded so far is written. */
  flushActivity(): Promise<void>;
  orgA: string;
  orgB: string;
  /** A fresh session token minted by the emulator for the persona. */
  tokenFor(persona: Persona): Promise<string>;
  /** Points the emulator's webhooks at an endpoint (the api, once listening), with the harness secret. */
  sendWebhooksTo(url: string | null): void;
  /** Calls the emulator directly with the secret key (setup and fault control, not counted). */
  emulator(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

function counting(inner: UpstreamClient, calls: UpstreamRequest[]): UpstreamClient {
  return {
    send: (req) => {
      calls.push(req);
      return inner.send(req);
    },
    close: () => inner.close(),
  };
}

export interface HarnessOptions {
  /** Run a bulk worker (fast test timings) over the harness store and upstream. */
  worker?: boolean;
  /** Use this store instead of a fresh in-memory one (it is not closed by the harness). */
  store?: Store;
  /** The api's clock (caches, activity timestamps); default Date.now. */
  now?: () => number;
  /** The emulator's SQLite file (a benchmark's pre-seeded one); default a fresh in-memory demo. */
  emulatorDb?: string;
}

/** Starts an in-memory demo emulator and an api (in-process) pointed at it. */
export async function startHarness(
  overrides: Partial<AppConfig> = {},
  options: HarnessOptions = {},
): Promise<Harness> {
  const emu = await startEmulator({
    db: options.emulatorDb ?? ':memory:',
    seed: 'demo',
    rateLimits: 'off',
    port: 0,
  });
  const config = appConfig({
    clerkApiUrl: emu.url,
    clerkSecretKey: emu.secretKey,
    clerkPublishableKey: emu.publishableKey,
    clerkFapiUrl: emu.frontendApiUrl,
    nodeEnv: 'test',
    upstreamRetryBaseMs: 5,
    // Exports read every page back to back here (the emulator has no rate limits in tests).
    exportPageIntervalMs: 0,
    webDist: '/nonexistent-web-dist',
    webhookSigningSecret: newWebhookSecret(),
    // The route suites call every route with generated queries: no long poll may hold them up.
    activityWaitMaxMs: 50,
    ...overrides,
  });
  const calls: UpstreamRequest[] = [];
  const logLines: string[] = [];
  const logger = createLogger({ write: (line) => logLines.push(line), secrets: [config.clerkSecretKey] });
  const store = options.store ?? (await createStore({ url: ':memory:' }));
  let worker: BulkWorker | null = null;
  // Production wiring; the upstream client is the production one too, observed to count calls.
  const deps = createDeps(config, {
    logger,
    upstream: counting(createUpstreamClient(config, logger), calls),
    store,
    wakeWorker: () => worker?.wake(),
    ...(options.now ? { now: options.now } : {}),
  });
  const app = createApp(config, deps);
  if (options.worker) {
    worker = startBulkWorker({
      store,
      upstream: createBulkUpstream(deps.upstream),
      workerId: 'harness',
      ...FAST_SETTINGS,
      onProgress: (job) => deps.expiring.forget(job.organization_id),
      onError: (err) => logger.error({ error: err }, 'bulk worker error'),
    });
  }

  const emulator = (method: string, path: string, body?: unknown) =>
    fetch(`${emu.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${emu.secretKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const json = async <T>(res: Promise<Response>): Promise<T> => {
    const r = await res;
    if (!r.ok) throw new Error(`emulator answered ${r.status}: ${await r.text()}`);
    return (await r.json()) as T;
  };

  const users = await json<{ id: string; first_name: string | null }[]>(
    emulator('GET', '/v1/users?limit=100'),
  );
  const userId = (name: string) => {
    const user = users.find((u) => u.first_name === name);
    if (!user) throw new Error(`demo user ${name} not found`);
    return user.id;
  };
  const userIds = Object.fromEntries(
    Object.entries(PERSONA_NAMES).map(([persona, name]) => [persona, userId(name)]),
  ) as Record<Persona, string>;
  const orgA = (await json<{ id: string }>(emulator('GET', '/v1/organizations/acme'))).id;
  const orgB = (await json<{ id: string }>(emulator('GET', '/v1/organizations/globex'))).id;

  return {
    app,
    config,
    deps,
    emulatorUrl: emu.url,
    secretKey: emu.secretKey,
    calls,
    logLines,
    userIds,
    store,
    get worker() {
      return worker;
    },
    flushActivity: () => deps.activity.flush(),
    sendWebhooksTo(url) {
      const secret = config.webhookSigningSecret;
      emu.setWebhookEndpoint(url && secret ? { url, secret } : null);
    },
    orgA,
    orgB,
    emulator,
    async tokenFor(persona) {
      const session = await json<{ id: string }>(
        emulator('POST', '/v1/sessions', { user_id: userIds[persona] }),
      );
      const token = await json<{ jwt: string }>(
        emulator('POST', `/v1/sessions/${session.id}/tokens`, { expires_in_seconds: 3600 }),
      );
      return token.jwt;
    },
    async close() {
      emu.setWebhookEndpoint(null);
      await worker?.stop();
      await deps.webhookInbox.stop();
      await deps.activity.flush();
      if (!options.store) await store.close();
      await deps.upstream.close();
      await emu.close();
    },
  };
}
