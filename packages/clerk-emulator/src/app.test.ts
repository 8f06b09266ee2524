import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_KEY } from './config.ts';
import { createEmulator } from './emulator.ts';

const emulator = createEmulator({ db: ':memory:', seed: 'none', rateLimits: 'off' });
afterAll(() => emulator.close());

const request = (path: string, init: RequestInit = {}) => emulator.app.request(path, init);
const auth = { Authorization: `Bearer ${emulator.secretKey}` };

async function envelope(response: Response) {
  const body = (await response.json()) as {
    errors: { code: string; long_message: string }[];
    clerk_trace_id: string;
  };
  return { status: response.status, code: body.errors[0]?.code, body, response };
}

describe('the HTTP surface', () => {
  it('uses the documented default secret key', () => {
    expect(emulator.secretKey).toBe(DEFAULT_SECRET_KEY);
    expect(DEFAULT_SECRET_KEY).toMatch(/^sk_test_.{1,23}$/);
  });

  it.each([
    ['no Authorization header', {}],
    ['a Basic header', { Authorization: 'Basic abc' }],
    ['a Bearer header without a key', { Authorization: 'Bearer ' }],
  ])('answers 401 authorization_header_format_invalid for %s', async (_name, headers) => {
    const { status, code } = await envelope(await request('/v1/organizations', { headers }));
    expect({ status, code }).toEqual({ status: 401, code: 'authorization_header_format_invalid' });
  });

  it('answers 401 clerk_key_invalid for a wrong key, also on unknown routes and controls', async () => {
    for (const path of ['/v1/organizations', '/v1/nothing-here', '/__emulator/info']) {
      const { status, code } = await envelope(
        await request(path, { headers: { Authorization: 'Bearer sk_test_wrong' } }),
      );
      expect({ status, code }).toEqual({ status: 401, code: 'clerk_key_invalid' });
    }
  });

  it('answers unknown routes with 404 in the envelope', async () => {
    const { status, code } = await envelope(await request('/v1/organizations/x/y/z', { headers: auth }));
    expect({ status, code }).toEqual({ status: 404, code: 'resource_not_found' });
  });

  it('sends Content-Type application/json exactly and the same trace id in the header and body', async () => {
    const ok = await request('/v1/organization_roles', { headers: auth });
    expect(ok.headers.get('content-type')).toBe('application/json');
    expect(ok.headers.get('x-clerk-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    const { body, response } = await envelope(await request('/v1/users/user_x', { headers: auth }));
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(body.clerk_trace_id).toBe(response.headers.get('x-clerk-trace-id'));
  });

  it('answers malformed JSON with 400 request_body_invalid and unknown fields with 422 form_param_unknown', async () => {
    const bad = await envelope(
      await request('/v1/organizations', { method: 'POST', headers: auth, body: '{nope' }),
    );
    expect({ status: bad.status, code: bad.code }).toEqual({ status: 400, code: 'request_body_invalid' });
    const unknown = await envelope(
      await request('/v1/organizations', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name: 'A', colour: 'red' }),
      }),
    );
    expect({ status: unknown.status, code: unknown.code }).toEqual({
      status: 422,
      code: 'form_param_unknown',
    });
  });

  it('reads an empty body as no parameters, as the SDK sends it', async () => {
    const { status, code } = await envelope(
      await request('/v1/organizations', { method: 'POST', headers: auth }),
    );
    expect({ status, code }).toEqual({ status: 422, code: 'form_param_missing' });
  });
});
