import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UpstreamResponse } from './client.ts';
import { relay, withoutPrivateMetadata } from './relay.ts';
import { stripPrivateMetadataBytes } from './strip-private-metadata.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const strip = (text: string) => {
  const out = stripPrivateMetadataBytes(bytes(text));
  return out === null ? null : Buffer.from(out).toString();
};

describe('stripping private_metadata from JSON bytes', () => {
  it('removes the member wherever it sits in an object, with its comma', () => {
    expect(strip('{"private_metadata":{"a":1},"id":"x"}')).toBe('{"id":"x"}');
    expect(strip('{"id":"x","private_metadata":{"a":1}}')).toBe('{"id":"x"}');
    expect(strip('{"id":"x","private_metadata":{},"email":"e"}')).toBe('{"id":"x","email":"e"}');
    expect(strip('{"private_metadata":null}')).toBe('{}');
    expect(strip('{ "id" : 1 , "private_metadata" : [1, {"b": "}"}] }')).toBe('{ "id" : 1  }');
  });

  it('removes it at any depth and in every list item', () => {
    const page = JSON.stringify({
      data: [
        { id: 'a', private_metadata: { note: 'x' }, public_metadata: { private_metadata: 'nested' } },
        { id: 'b', private_metadata: {} },
      ],
      total_count: 2,
    });
    expect(JSON.parse(strip(page) as string)).toEqual({
      data: [{ id: 'a', public_metadata: {} }, { id: 'b' }],
      total_count: 2,
    });
  });

  it('leaves the words alone inside strings and as values', () => {
    const text = JSON.stringify({
      note: '"private_metadata":{"secret":1}',
      list: ['private_metadata', '"private_metadata"'],
      tricky: 'a\\"private_metadata\\":',
    });
    expect(strip(text)).toBe(text);
  });

  it('returns the same bytes when there is nothing to remove', () => {
    const input = bytes('{"data":[],"total_count":0}');
    expect(stripPrivateMetadataBytes(input)).toBe(input);
  });

  it('gives up (the caller parses) when a key could be spelled with \\u escapes', () => {
    expect(strip('{"private\\u005fmetadata":{"a":1}}')).toBeNull();
    expect(strip('{"url":"a\\u0026b","private_metadata":{}}')).toBe('{"url":"a\\u0026b"}');
  });

  it('keeps a member named __proto__ as a member, on both paths', () => {
    const text = '[{"__proto__":[],"private_metadata":{"a":1}}]';
    expect(JSON.stringify(withoutPrivateMetadata(JSON.parse(text)))).toBe('[{"__proto__":[]}]');
    expect(strip(text)).toBe('[{"__proto__":[]}]');
  });

  it('agrees with parse, delete and re-serialize on any JSON with private_metadata sprinkled in', () => {
    const tricky = fc.constantFrom(
      '"private_metadata":{}',
      'private_metadata',
      '\\"private_metadata\\":',
      '}',
      '{',
      '\\',
    );
    const leaf = fc.oneof(fc.string(), tricky, fc.integer(), fc.boolean(), fc.constant(null));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc
        .tuple(
          fc.dictionary(fc.oneof(fc.string(), tricky), tie('value'), { maxKeys: 4 }),
          fc.option(tie('value'), { nil: undefined }),
        )
        .map(([entries, secret]) =>
          secret === undefined ? entries : { ...entries, private_metadata: secret },
        ),
    }));
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, 2), (input, indent) => {
        const text = JSON.stringify(input, null, indent);
        const out = strip(text);
        if (out === null) return; // the caller falls back to parsing
        expect(JSON.parse(out)).toEqual(withoutPrivateMetadata(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });
});

/** An upstream answer of `body` with these headers (content-type JSON unless given). */
function answer(body: Uint8Array, headers: Record<string, string> = {}): UpstreamResponse {
  const all: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(body.length),
    ...headers,
  };
  return {
    status: 200,
    header: (name) => all[name.toLowerCase()],
    json: async () => JSON.parse(Buffer.from(body).toString()),
    bytes: async () => body,
    stream: () => new Response(body).body as ReadableStream<Uint8Array>,
    dump: async () => {},
  };
}

describe('relaying with private metadata stripped', () => {
  it('answers the list without private_metadata, cut from the bytes', async () => {
    const body = bytes(
      JSON.stringify({ data: [{ id: 'a', private_metadata: { secret: 1 } }], total_count: 1 }),
    );
    const res = await relay(answer(body), { strip: true });
    expect(await res.json()).toEqual({ data: [{ id: 'a' }], total_count: 1 });
  });

  it('refuses a content-encoded body instead of passing its bytes on', async () => {
    const body = new Uint8Array(gzipSync(JSON.stringify({ private_metadata: { secret: 1 } })));
    await expect(relay(answer(body, { 'content-encoding': 'gzip' }), { strip: true })).rejects.toMatchObject({
      kind: 'bad_response',
    });
  });
});
