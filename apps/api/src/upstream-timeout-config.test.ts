import { describe, expect, it } from 'vitest';
import { configFromEnv, TEST_PUBLISHABLE_KEY } from './config.ts';
import { ConfigError, loadEnv } from './env.ts';

const upstream = {
  url: 'http://127.0.0.1:4010',
  secretKey: 'sk_test_emulator',
  publishableKey: TEST_PUBLISHABLE_KEY,
  frontendApiUrl: 'http://127.0.0.1:4010/fapi',
  emulator: true,
};

describe('UPSTREAM_TIMEOUT_MS and CLERK_EMULATOR_PORT', () => {
  it('default to a 10 s upstream timeout and a free emulator port', () => {
    const env = loadEnv({});
    expect(env.CLERK_EMULATOR_PORT).toBeUndefined();
    expect(configFromEnv(env, upstream).upstreamTimeoutMs).toBe(10_000);
  });

  it('are read as numbers', () => {
    const env = loadEnv({ UPSTREAM_TIMEOUT_MS: '2000', CLERK_EMULATOR_PORT: '3101' });
    expect(env.CLERK_EMULATOR_PORT).toBe(3101);
    expect(configFromEnv(env, upstream).upstreamTimeoutMs).toBe(2_000);
  });

  it.each([['0'], ['99'], ['120001'], ['1.5'], ['soon']])('refuse UPSTREAM_TIMEOUT_MS=%s', (value) => {
    expect(() => loadEnv({ UPSTREAM_TIMEOUT_MS: value })).toThrow(ConfigError);
    expect(() => loadEnv({ UPSTREAM_TIMEOUT_MS: value })).toThrow(
      /UPSTREAM_TIMEOUT_MS: must be a whole number/,
    );
  });

  it('refuses a CLERK_EMULATOR_PORT that is not a port', () => {
    expect(() => loadEnv({ CLERK_EMULATOR_PORT: '70000' })).toThrow(
      /CLERK_EMULATOR_PORT: must be a port number/,
    );
  });
});
