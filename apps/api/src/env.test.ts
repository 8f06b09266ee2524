import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_PATH, loadEnv, loadWorkerEnv } from './env.ts';

describe('environment', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadEnv({})).toEqual({
      PORT: 3000,
      NODE_ENV: 'development',
      CLERK_API_URL: 'https://api.clerk.com',
      AUTHORIZED_PARTIES: [],
      CLERK_EMULATOR_RATE_LIMITS: 'clerk',
      DATABASE_URL: DEFAULT_DATABASE_PATH,
    });
    expect(DEFAULT_DATABASE_PATH).toBe(fileURLToPath(new URL('../../../.data/api.db', import.meta.url)));
  });

  it('reads the webhook signing secret and refuses a malformed one without echoing it', () => {
    const secret = `whsec_${Buffer.from('a webhook signing secret').toString('base64')}`;
    expect(loadEnv({ CLERK_WEBHOOK_SIGNING_SECRET: ` ${secret} ` }).CLERK_WEBHOOK_SIGNING_SECRET).toBe(
      secret,
    );
    expect(loadEnv({ CLERK_WEBHOOK_SIGNING_SECRET: '' }).CLERK_WEBHOOK_SIGNING_SECRET).toBeUndefined();
    const attempt = () => loadEnv({ CLERK_WEBHOOK_SIGNING_SECRET: 'sk_test_not-a-webhook-secret' });
    expect(attempt).toThrow(/CLERK_WEBHOOK_SIGNING_SECRET: must be the endpoint's signing secret/);
    expect(attempt).not.toThrow(/not-a-webhook-secret/);
  });

  it('keeps a postgres:// DATABASE_URL and :memory: as given', () => {
    const pg = 'postgres://invites:invites@127.0.0.1:5432/invites_test';
    expect(loadEnv({ DATABASE_URL: pg }).DATABASE_URL).toBe(pg);
    expect(loadEnv({ DATABASE_URL: 'postgresql://db.internal/app' }).DATABASE_URL).toBe(
      'postgresql://db.internal/app',
    );
    expect(loadEnv({ DATABASE_URL: ':memory:' }).DATABASE_URL).toBe(':memory:');
    expect(loadEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBe(DEFAULT_DATABASE_PATH);
  });

  it('resolves SQLite paths and file: URLs to absolute paths, relative ones from the repository root', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    expect(loadEnv({ DATABASE_URL: '.data/other.db' }).DATABASE_URL).toBe(resolve(root, '.data/other.db'));
    expect(loadEnv({ DATABASE_URL: '/var/lib/api/api.db' }).DATABASE_URL).toBe('/var/lib/api/api.db');
    expect(loadEnv({ DATABASE_URL: 'file:///var/lib/api/api.db' }).DATABASE_URL).toBe('/var/lib/api/api.db');
  });

  it('refuses other DATABASE_URL schemes without echoing the value (it may hold a password)', () => {
    const attempt = (value: string) => () => loadEnv({ DATABASE_URL: value });
    expect(attempt('mysql://root:hunter2@db/app')).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL, a SQLite file path or :memory:/,
    );
    expect(attempt('mysql://root:hunter2@db/app')).not.toThrow(/hunter2/);
    expect(attempt('postgres://')).toThrow(/DATABASE_URL: must be a postgres:\/\/user:password@host/);
  });

  it('treats blank values as unset', () => {
    expect(loadEnv({ PORT: '', CLERK_SECRET_KEY: ' ' })).toMatchObject({
      PORT: 3000,
      CLERK_SECRET_KEY: undefined,
    });
  });

  it('reads AUTHORIZED_PARTIES as a comma-separated list of origins', () => {
    const env = loadEnv({ AUTHORIZED_PARTIES: 'https://a.example, http://localhost:5173/' });
    expect(env.AUTHORIZED_PARTIES).toEqual(['https://a.example', 'http://localhost:5173']);
  });

  it('turns literal \\n in CLERK_JWT_KEY into newlines', () => {
    const env = loadEnv({ CLERK_JWT_KEY: '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----' });
    expect(env.CLERK_JWT_KEY).toBe('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----');
  });

  it('fails with one message naming every bad variable', () => {
    const attempt = () =>
      loadEnv({
        PORT: 'eighty',
        CLERK_API_URL: 'ftp://x',
        AUTHORIZED_PARTIES: 'https://a.example/path',
        NODE_ENV: 'staging',
      });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/CLERK_API_URL: must be an http\(s\) URL/);
    expect(message).toMatch(/AUTHORIZED_PARTIES/);
    expect(message).toMatch(/NODE_ENV/);
  });

  it('never echoes a bad secret value in the message', () => {
    const secret = 'sk test with spaces';
    expect(() => loadEnv({ CLERK_SECRET_KEY: secret })).toThrow(/CLERK_SECRET_KEY/);
    expect(() => loadEnv({ CLERK_SECRET_KEY: secret })).not.toThrow(new RegExp(secret));
    expect(() => loadEnv({ CLERK_JWT_KEY: 'not a pem' })).not.toThrow(/not a pem/);
  });

  it('refuses production without a secret key', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      /CLERK_SECRET_KEY: is required when NODE_ENV=production/,
    );
  });
});

describe("a stand-alone bulk worker's environment", () => {
  it('needs the secret key, and reads the store, upstream and timings as the api does', () => {
    expect(() => loadWorkerEnv({})).toThrow(/CLERK_SECRET_KEY: is required/);
    expect(
      loadWorkerEnv({
        CLERK_SECRET_KEY: 'sk_test_worker123',
        DATABASE_URL: ':memory:',
        UPSTREAM_TIMEOUT_MS: '5000',
        BULK_WORKER_ID: 'second',
        BULK_POLL_MS: '20',
        BULK_LEASE_MS: '1500',
      }),
    ).toEqual({
      CLERK_API_URL: 'https://api.clerk.com',
      CLERK_SECRET_KEY: 'sk_test_worker123',
      DATABASE_URL: ':memory:',
      UPSTREAM_TIMEOUT_MS: 5000,
      BULK_WORKER_ID: 'second',
      BULK_POLL_MS: 20,
      BULK_LEASE_MS: 1500,
    });
  });

  it('names a bad timing without hiding the value, and never shows the secret key', () => {
    const attempt = () => loadWorkerEnv({ CLERK_SECRET_KEY: 'short', BULK_POLL_MS: 'soon' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /BULK_POLL_MS: must be a whole number of milliseconds \(1-600000\) \(got "soon"\)/,
    );
    expect(attempt).not.toThrow(/short/);
  });
});
