import { describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';

describe('logger', () => {
  it('writes one JSON line per entry with bound fields', () => {
    const lines: string[] = [];
    createLogger({ write: (l) => lines.push(l), now: () => 0 })
      .child({ request_id: 'r1' })
      .info('hello', { status: 200 });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '1970-01-01T00:00:00.000Z', level: 'info', msg: 'hello', request_id: 'r1', status: 200 },
    ]);
  });

  it('redacts the secret key, JWTs, Clerk keys and sensitive fields wherever they appear', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), secrets: ['emulator-secret-123'] });
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJl';
    log.error('failed with emulator-secret-123', {
      error: new Error(`bad token ${jwt}`),
      authorization: 'Bearer whatever',
      headers: { cookie: '__session=abc' },
      note: 'key sk_live_abcdef123 leaked',
      nested: [{ detail: `see ${jwt}` }],
    });
    const text = lines.join('\n');
    for (const secret of [
      'emulator-secret-123',
      jwt,
      'sk_live_abcdef123',
      'Bearer whatever',
      '__session=abc',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });
});
