import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger, isoTime, redactLine } from './log.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJl';

function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  return { lines, log: createLogger({ ...options, write: (l) => lines.push(l) }) };
}

describe('logger', () => {
  it('writes one JSON line per entry: time, level as a word, msg, bound and given fields', () => {
    const { lines, log } = capture({ now: () => 0 });
    log.child({ request_id: 'r1' }).info({ status: 200 }, 'hello');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'info',
      msg: 'hello',
      request_id: 'r1',
      status: 200,
    });
  });

  it('redacts the secret key, JWTs, Clerk keys and credential fields wherever they appear', () => {
    const { lines, log } = capture({ secrets: ['emulator-secret-123'] });
    log.child({ request_id: 'r1', token: 'bound-token-value' }).error(
      {
        error: new Error(`bad token ${JWT}`),
        authorization: 'Bearer whatever',
        headers: { cookie: '__session=abc', 'set-cookie': '__session=def' },
        note: 'key sk_live_abcdef123 leaked',
        nested: [{ detail: `see ${JWT}` }],
      },
      'failed with emulator-secret-123',
    );
    const text = lines.join('\n');
    for (const secret of [
      'emulator-secret-123',
      JWT,
      'sk_live_abcdef123',
      'Bearer whatever',
      '__session=abc',
      '__session=def',
      'bound-token-value',
    ]) {
      expect(text).not.toContain(secret);
    }
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ authorization: '[redacted]', headers: { cookie: '[redacted]' } });
    expect(entry.error).toMatchObject({ type: 'Error', message: 'bad token [redacted]' });
  });

  it('finds a secret key that JSON escapes inside a string', () => {
    const { lines, log } = capture({ secrets: ['sec"ret\\key'] });
    log.warn({ detail: 'the key is sec"ret\\key' }, 'oops');
    expect(lines[0]).not.toContain('sec\\"ret\\\\key');
    expect(JSON.parse(lines[0] as string).detail).toBe('the key is [redacted]');
  });

  it('cuts private_metadata out at any depth, even behind escaped key names', () => {
    const { lines, log } = capture();
    log.info({ user: { id: 'user_1', private_metadata: { dashboard_role: 'staff' } } }, 'loaded');
    log.info({ list: [{ deep: { private_metadata: 'x' } }] }, 'listed');
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries[0].user).toEqual({ id: 'user_1' });
    expect(entries[1].list).toEqual([{ deep: {} }]);
    expect(lines.join('\n')).not.toContain('private_metadata');
    expect(lines.join('\n')).not.toContain('dashboard_role');
    // A key spelled with \u escapes is the same key once parsed.
    const escaped = redactLine('{"a":{"priv\\u0061te_metadata":{"s":1}},"private_metadata":2,"b":3}\n', []);
    expect(escaped).toBe('{"a":{},"b":3}\n');
  });

  it('writes every line to stdout before the process exits, in order', () => {
    const script = fileURLToPath(new URL('./test/log-many-lines.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, '5000'], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const lines = child.stdout.trim().split('\n');
    expect(lines).toHaveLength(5000);
    expect(lines.map((l) => JSON.parse(l).n)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('formats times as toISOString does, across seconds, milliseconds and out-of-range years', () => {
    const times = [0, 1, 9, 10, 99, 100, 999, 1000, 1_764_870_000_123, 1_764_870_000_999, 1_764_870_001_000];
    times.push(-1, 253_402_300_799_999, 253_402_300_800_000, 1_764_870_000_007);
    for (const ms of times) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });
});
