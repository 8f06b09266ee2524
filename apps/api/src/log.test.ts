import { describe, expect, it } from 'vitest';
import { type AccessEntry, createLogger } from './log.ts';
import { isoTime, StdoutLines } from './log-output.ts';

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

  it('writes the access line exactly as info() would, redacted the same way', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJl';
    const entries: AccessEntry[] = [
      {
        request_id: 'r-12345678',
        method: 'GET',
        path: '/api/v1/organizations/org_1/invitations',
        status: 200,
        duration_ms: 3,
        trace_id: 't1',
        user_id: 'user_1',
      },
      {
        request_id: 'sk_live_abcdef123',
        method: 'POST',
        path: `/api/"quoted"\\/\n/${jwt}/emulator-secret-123/é/\ud800`,
        status: 404,
        duration_ms: 0.5,
        trace_id: null,
        user_id: null,
      },
    ];
    for (const entry of entries) {
      const fast: string[] = [];
      const slow: string[] = [];
      const options = { secrets: ['emulator-secret-123'], now: () => 1_700_000_000_123 };
      createLogger({ ...options, write: (l) => fast.push(l) }, { service: 'api' }).access(entry);
      const { trace_id, user_id, ...rest } = entry;
      createLogger({ ...options, write: (l) => slow.push(l) }, { service: 'api' }).info('request', {
        ...rest,
        ...(trace_id === null ? {} : { trace_id }),
        ...(user_id === null ? {} : { user_id }),
      });
      expect(fast).toEqual(slow);
      expect(fast[0]).not.toContain('emulator-secret-123');
      expect(fast[0]).not.toContain(jwt);
    }
  });

  it('formats timestamps as toISOString does', () => {
    for (const ms of [
      0, 999, 1000, 1_700_000_000_001, 1_700_000_059_999, -1, -1001, 8.64e15, 253402300800000,
    ]) {
      expect(isoTime(ms), String(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('writes the lines of one event-loop turn to stdout together, and all pending ones on flush', async () => {
    const chunks: string[] = [];
    const out = new StdoutLines((chunk) => chunks.push(chunk));
    out.write('a');
    out.write('b');
    expect(chunks).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual(['a\nb\n']);
    out.write('c');
    out.flush();
    expect(chunks).toEqual(['a\nb\n', 'c\n']);
  });
});
