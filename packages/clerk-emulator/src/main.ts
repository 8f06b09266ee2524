import { startEmulator } from './emulator.ts';
import { readEnv } from './env.ts';

// Standalone entry point: `pnpm --filter @invites/clerk-emulator start`.
let env: ReturnType<typeof readEnv>;
try {
  env = readEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const emulator = await startEmulator({
  port: env.CLERK_EMULATOR_PORT,
  hostname: env.CLERK_EMULATOR_HOST,
  secretKey: env.CLERK_EMULATOR_SECRET_KEY,
  db: env.CLERK_EMULATOR_DB,
  seed: env.CLERK_EMULATOR_SEED,
  rateLimits: env.CLERK_EMULATOR_RATE_LIMITS,
  timeScale: env.CLERK_EMULATOR_TIME_SCALE,
  tokenTtlSeconds: env.CLERK_EMULATOR_TOKEN_TTL_S,
  ...(env.CLERK_EMULATOR_PUBLIC_URL ? { publicUrl: env.CLERK_EMULATOR_PUBLIC_URL } : {}),
  ...(env.CLERK_EMULATOR_WEBHOOK_URL && env.CLERK_EMULATOR_WEBHOOK_SECRET
    ? { webhookUrl: env.CLERK_EMULATOR_WEBHOOK_URL, webhookSecret: env.CLERK_EMULATOR_WEBHOOK_SECRET }
    : {}),
});

// The default key is a documented, local-only value; any other key is not printed.
const key =
  env.CLERK_EMULATOR_SECRET_KEY === 'sk_test_emulator'
    ? env.CLERK_EMULATOR_SECRET_KEY
    : '(from CLERK_EMULATOR_SECRET_KEY)';
console.log(`clerk-emulator listening on ${emulator.url}`);
console.log(`  CLERK_API_URL=${emulator.url}  CLERK_SECRET_KEY=${key}`);
console.log(`  CLERK_PUBLISHABLE_KEY=${emulator.publishableKey}  CLERK_FAPI_URL=${emulator.frontendApiUrl}`);
if (env.CLERK_EMULATOR_WEBHOOK_URL) console.log(`  webhooks → ${env.CLERK_EMULATOR_WEBHOOK_URL}`);
console.log(
  `  db=${env.CLERK_EMULATOR_DB} seed=${env.CLERK_EMULATOR_SEED} rate_limits=${env.CLERK_EMULATOR_RATE_LIMITS} time_scale=${env.CLERK_EMULATOR_TIME_SCALE} token_ttl_s=${env.CLERK_EMULATOR_TOKEN_TTL_S}`,
);

const stop = () => {
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
