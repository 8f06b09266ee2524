import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_PATH, DEFAULT_SECRET_KEY, resolveOptions } from './config.ts';
import { readEnv } from './env.ts';

describe('configuration', () => {
  it('defaults every variable', () => {
    expect(readEnv({})).toEqual({
      CLERK_EMULATOR_PORT: 4010,
      CLERK_EMULATOR_HOST: '127.0.0.1',
      CLERK_EMULATOR_SECRET_KEY: DEFAULT_SECRET_KEY,
      CLERK_EMULATOR_DB: DEFAULT_DB_PATH,
      CLERK_EMULATOR_SEED: 'demo',
      CLERK_EMULATOR_RATE_LIMITS: 'clerk',
      CLERK_EMULATOR_TIME_SCALE: 1,
      CLERK_EMULATOR_TOKEN_TTL_S: 60,
    });
    expect(DEFAULT_DB_PATH).toMatch(/\.data\/emulator\.db$/);
  });

  it('reads values and treats empty ones as unset', () => {
    const env = readEnv({
      CLERK_EMULATOR_PORT: '0',
      CLERK_EMULATOR_TIME_SCALE: '100',
      CLERK_EMULATOR_SEED: 'none',
      CLERK_EMULATOR_DB: '',
      CLERK_EMULATOR_TOKEN_TTL_S: '30',
    });
    expect(env).toMatchObject({
      CLERK_EMULATOR_PORT: 0,
      CLERK_EMULATOR_TIME_SCALE: 100,
      CLERK_EMULATOR_SEED: 'none',
      CLERK_EMULATOR_DB: DEFAULT_DB_PATH,
      CLERK_EMULATOR_TOKEN_TTL_S: 30,
    });
  });

  it('names every bad variable in one message', () => {
    expect(() =>
      readEnv({
        CLERK_EMULATOR_PORT: 'http',
        CLERK_EMULATOR_RATE_LIMITS: 'strict',
        CLERK_EMULATOR_SECRET_KEY: 'pk_test_x',
        CLERK_EMULATOR_TIME_SCALE: '0',
        CLERK_EMULATOR_TOKEN_TTL_S: '2',
      }),
    ).toThrow(
      /CLERK_EMULATOR_PORT[\s\S]*CLERK_EMULATOR_SECRET_KEY[\s\S]*CLERK_EMULATOR_RATE_LIMITS[\s\S]*CLERK_EMULATOR_TIME_SCALE[\s\S]*CLERK_EMULATOR_TOKEN_TTL_S/,
    );
  });

  it('reads the webhook endpoint and its secret, which go together', () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    expect(
      readEnv({
        CLERK_EMULATOR_WEBHOOK_URL: 'http://127.0.0.1:3000/api/webhooks/clerk',
        CLERK_EMULATOR_WEBHOOK_SECRET: secret,
      }),
    ).toMatchObject({ CLERK_EMULATOR_WEBHOOK_SECRET: secret });
    expect(() => readEnv({ CLERK_EMULATOR_WEBHOOK_URL: 'http://127.0.0.1:3000/hook' })).toThrow(
      /set both or neither/,
    );
    expect(() =>
      readEnv({ CLERK_EMULATOR_WEBHOOK_URL: 'ftp://x.example/', CLERK_EMULATOR_WEBHOOK_SECRET: 'whsec_!!' }),
    ).toThrow(/CLERK_EMULATOR_WEBHOOK_URL[\s\S]*CLERK_EMULATOR_WEBHOOK_SECRET: must look like whsec_/);
    expect(() => resolveOptions({ webhookUrl: 'http://x.example/hook' })).toThrow(/go together/);
    expect(() => resolveOptions({ webhookUrl: 'http://x.example/hook', webhookSecret: 'whsec_' })).toThrow(
      /webhookSecret/,
    );
  });

  it('rejects bad programmatic options', () => {
    expect(() => resolveOptions({ timeScale: 0 })).toThrow(/timeScale/);
    expect(() => resolveOptions({ secretKey: 'secret' })).toThrow(/secretKey/);
    expect(() => resolveOptions({ tokenTtlSeconds: 1.5 })).toThrow(/tokenTtlSeconds/);
    expect(resolveOptions({}).tokenTtlSeconds).toBe(60);
    expect(resolveOptions({ publicUrl: 'http://x.example/' }).publicUrl).toBe('http://x.example');
  });
});
