import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium-args.ts';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  },
};

/** The specs that inject faults into the shared emulator's upstream answers. */
const FAULT_SPECS = /(faults|export)\.spec\.ts/;

export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'chromium', use: chromium, testIgnore: [/screenshots\.spec\.ts/, FAULT_SPECS] },
    // Upstream faults are injected into the one emulator every worker shares, on Clerk paths other specs
    // read too (an organization's invitations): these specs run once the others are done, so no other
    // spec's request takes a fault meant for theirs, one at a time (clearing faults clears every one).
    { name: 'faults', use: chromium, testMatch: FAULT_SPECS, dependencies: ['chromium'], workers: 1 },
    { name: 'screenshots', use: chromium, testMatch: /screenshots\.spec\.ts/ },
  ],
  webServer: {
    // A fresh build and an api with its own in-memory emulator (demo seed, no rate limits).
    command: 'pnpm --filter @invites/web build && pnpm --filter @invites/api start',
    env: {
      PORT: String(PORT),
      CLERK_EMULATOR_DB: ':memory:',
      // Jobs and activity of a test run must not land in (or be resumed from) the dev store.
      DATABASE_URL: ':memory:',
      CLERK_EMULATOR_RATE_LIMITS: 'off',
      // faults.spec.ts injects upstream faults through the embedded emulator's controls on this port,
      // and its timeout case needs an upstream timeout shorter than the 10 s default.
      CLERK_EMULATOR_PORT: String(PORT + 1),
      UPSTREAM_TIMEOUT_MS: '2000',
      // Shorter than Clerk's 60 s, so every spec runs across clerk-js's token refreshes (auth.spec.ts
      // idles past a whole token lifetime).
      CLERK_EMULATOR_TOKEN_TTL_S: '30',
    },
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
