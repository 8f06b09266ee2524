import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH, parseJsonBody, queryObject } from './http-body.ts';

/** Nesting depth by recursion over the parsed value: the reference jsonDepth must agree with. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('JSON nesting depth', () => {
  it('matches the depth of the parsed value for any JSON, strings with brackets and escapes included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(jsonDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
      { numRuns: 500 },
    );
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"a":"[[[{{\\"[["}')).toBe(1);
  });

  it('counts 100,000 levels without recursion', () => {
    expect(jsonDepth('['.repeat(100_000) + ']'.repeat(100_000))).toBe(100_000);
    expect(MAX_JSON_DEPTH).toBeGreaterThanOrEqual(32);
  });
});

describe('reading a JSON body', () => {
  const JSON_TYPE = 'application/json';

  it('reads an empty body as {}, as Clerk does, whatever its content type', () => {
    for (const text of ['', ' ', '\n\t']) {
      expect(parseJsonBody(text, JSON_TYPE)).toEqual({ ok: true, value: {} });
      expect(parseJsonBody(text, undefined)).toEqual({ ok: true, value: {} });
    }
  });

  it('parses JSON declared as application/json, parameters and case aside', () => {
    for (const type of [JSON_TYPE, 'application/json; charset=utf-8', 'APPLICATION/JSON']) {
      expect(parseJsonBody('{"a":[1]}', type)).toEqual({ ok: true, value: { a: [1] } });
    }
  });

  it.each([
    ['no content type', '{}', undefined],
    ['another content type', '{}', 'text/plain'],
    ['a form', 'a=1', 'application/x-www-form-urlencoded'],
    ['broken JSON', '{"a":', JSON_TYPE],
    ['JSON nested too deep', `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`, JSON_TYPE],
  ])("refuses %s with Clerk's 400 request_body_invalid", (_what, text, type) => {
    const body = parseJsonBody(text, type);
    expect(body.ok).toBe(false);
    if (!body.ok) {
      expect(body.failure.status).toBe(400);
      expect(body.failure.errors[0]?.code).toBe('request_body_invalid');
    }
  });
});

describe('reading a query string', () => {
  it('keeps single parameters as strings and repeated ones as arrays', () => {
    expect(queryObject({ limit: ['5'], user_id: ['a', 'b'] })).toEqual({ limit: '5', user_id: ['a', 'b'] });
  });
});
