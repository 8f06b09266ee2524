import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { createDeps } from './deps.ts';
import { ConfigError, loadEnv } from './env.ts';
import { listen } from './listen.ts';
import { createLogger } from './log.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function main() {
  const env = loadEnv(process.env);
  let emulator: { url: string; secretKey: string; close(): Promise<void> } | null = null;
  if (!env.CLERK_SECRET_KEY) {
    const { startEmulator } = await import('@invites/clerk-emulator');
    const db =
      env.CLERK_EMULATOR_DB === ':memory:'
        ? ':memory:'
        : resolve(REPO_ROOT, env.CLERK_EMULATOR_DB ?? '.data/emulator.db');
    if (db !== ':memory:') mkdirSync(dirname(db), { recursive: true });
    emulator = await startEmulator({
      db,
      seed: 'demo',
      rateLimits: env.CLERK_EMULATOR_RATE_LIMITS,
      port: 0,
      hostname: '127.0.0.1',
    });
  }
  const upstream = emulator ?? { url: env.CLERK_API_URL, secretKey: env.CLERK_SECRET_KEY as string };
  const config = configFromEnv(env, upstream);
  const logger = createLogger({ secrets: [config.clerkSecretKey] });
  const deps = createDeps(config, { logger });
  const app = createApp(config, deps);
  const isEmulator = await deps.detectEmulator();
  // Demo mode binds to loopback unless HOST says otherwise: demo sign-in is not for the LAN.
  const hostname = env.HOST ?? (emulator ? '127.0.0.1' : undefined);
  const server = await listen(app.fetch, { port: env.PORT, ...(hostname ? { hostname } : {}) });

  const shown = `http://localhost:${server.port}`;
  logger.info('listening', { url: shown, upstream: isEmulator ? 'emulator' : 'clerk' });
  process.stdout.write(
    emulator
      ? `\nInvitations Console: ${shown} (demo data, Clerk emulator at ${emulator.url})\n\n`
      : `\nInvitations Console: ${shown} (Clerk at ${config.clerkApiUrl})\n\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await server.close();
    await deps.upstream.close();
    await emulator?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`Failed to start the api: ${message}\n`);
  }
  process.exit(1);
});
