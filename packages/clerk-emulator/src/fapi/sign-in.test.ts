import { describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from '../seed/demo-data.ts';
import { FapiBrowser, type Loose } from '../test-support/fapi-browser.ts';
import type { TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'demo' }, (started) => {
  emu = started;
});

const [sam, ada, grace, linus, maya] = DEMO_USERS.map((u) => u.email_address);
const errorOf = (body: Loose) => body.errors?.[0];

async function identify(browser: FapiBrowser, email: string) {
  const { status, body } = await browser.post('/v1/client/sign_ins', { identifier: email });
  expect(status).toBe(200);
  return body.response.id as string;
}

describe('identifying', () => {
  it('finds the user by email address in any case and lists their first factors', async () => {
    const browser = new FapiBrowser(emu.url);
    const { status, body, setCookies } = await browser.post('/v1/client/sign_ins', {
      identifier: ' ADA@acme.example ',
      locale: 'en-US',
      timezone: 'UTC',
    });
    expect(status).toBe(200);
    expect(body.response).toMatchObject({
      object: 'sign_in_attempt',
      status: 'needs_first_factor',
      identifier: ada,
      supported_identifiers: ['email_address'],
      supported_first_factors: [
        { strategy: 'password' },
        { strategy: 'email_code', safe_identifier: ada, email_address_id: expect.stringMatching(/^idn_/) },
      ],
      user_data: { first_name: 'Ada', last_name: 'Lovelace' },
      created_session_id: null,
    });
    expect(body.client).toMatchObject({ object: 'client', sessions: [], sign_in: { id: body.response.id } });
    expect(setCookies.find((c) => c.startsWith('__client='))).toMatch(/HttpOnly; SameSite=Lax/);
  });

  it('refuses an unknown address with form_identifier_not_found on the identifier', async () => {
    const { status, body } = await new FapiBrowser(emu.url).post('/v1/client/sign_ins', {
      identifier: 'nobody@acme.example',
    });
    expect(status).toBe(422);
    expect(errorOf(body)).toMatchObject({
      code: 'form_identifier_not_found',
      meta: { param_name: 'identifier' },
    });
    expect(body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps another browser away from a sign-in: it reads as not found', async () => {
    const signInId = await identify(new FapiBrowser(emu.url), maya ?? '');
    const other = new FapiBrowser(emu.url);
    expect((await other.get(`/v1/client/sign_ins/${signInId}`)).status).toBe(404);
    const attempt = await other.post(`/v1/client/sign_ins/${signInId}/attempt_first_factor`, {
      strategy: 'password',
      password: DEMO_PASSWORD,
    });
    expect(attempt.status).toBe(404);
  });
});

describe('password', () => {
  it('completes with the right password: the client holds the new session and its user', async () => {
    const browser = new FapiBrowser(emu.url);
    const signInId = await identify(browser, ada ?? '');
    const { status, body } = await browser.post(`/v1/client/sign_ins/${signInId}/attempt_first_factor`, {
      strategy: 'password',
      password: DEMO_PASSWORD,
    });
    expect(status).toBe(200);
    const sessionId = body.response.created_session_id;
    expect(body.response).toMatchObject({
      status: 'complete',
      first_factor_verification: { status: 'verified' },
    });
    expect(body.client).toMatchObject({ last_active_session_id: sessionId, sign_in: null });
    expect(body.client.sessions).toHaveLength(1);
    expect(body.client.sessions[0]).toMatchObject({
      id: sessionId,
      status: 'active',
      last_active_organization_id: null,
      user: {
        id: DEMO_USERS[1]?.id,
        password_enabled: true,
        organization_memberships: [
          { role: 'org:admin', role_name: 'Admin', organization: { id: DEMO_ORGANIZATIONS.acme.id } },
        ],
      },
      public_user_data: { identifier: ada },
    });
  });

  it('refuses a wrong password with form_password_incorrect, counts it, and still accepts the right one', async () => {
    const browser = new FapiBrowser(emu.url);
    const signInId = await identify(browser, grace ?? '');
    const path = `/v1/client/sign_ins/${signInId}/attempt_first_factor`;
    const wrong = await browser.post(path, { strategy: 'password', password: 'not-the-password' });
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong.body)).toMatchObject({
      code: 'form_password_incorrect',
      long_message: 'Password is incorrect. Try again, or use another method.',
      meta: { param_name: 'password' },
    });
    const read = await browser.get(`/v1/client/sign_ins/${signInId}`);
    expect(read.body.response.first_factor_verification).toMatchObject({
      strategy: 'password',
      status: 'unverified',
      attempts: 1,
    });
    const right = await browser.post(path, { strategy: 'password', password: DEMO_PASSWORD });
    expect(right.body.response.status).toBe('complete');
  });

  it('completes in one request with strategy=password, identifier and password', async () => {
    const { body } = await new FapiBrowser(emu.url).post('/v1/client/sign_ins', {
      strategy: 'password',
      identifier: linus ?? '',
      password: DEMO_PASSWORD,
    });
    expect(body.response).toMatchObject({
      status: 'complete',
      created_session_id: expect.stringMatching(/^sess_/),
    });
  });

  it("never shows private metadata to the browser (a staff user's role stays on the server)", async () => {
    const browser = new FapiBrowser(emu.url);
    await browser.signIn(sam ?? '');
    const { body } = await browser.get('/v1/client');
    expect(body.response.sessions[0].user.id).toBe(DEMO_USERS[0]?.id);
    expect(JSON.stringify(body)).not.toMatch(/private_metadata|dashboard_role/);
  });
});

describe('the browser and its requests', () => {
  it('holds one signed-in session at a time (single-session mode): another sign-in is refused', async () => {
    const browser = new FapiBrowser(emu.url);
    await browser.signIn(ada ?? '');
    const { status, body } = await browser.post('/v1/client/sign_ins', { identifier: grace ?? '' });
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe('session_exists');
  });

  it('reads JSON bodies too, and refuses a malformed one with request_body_invalid', async () => {
    const browser = new FapiBrowser(emu.url);
    const json = await browser.request('POST', '/v1/client/sign_ins', JSON.stringify({ identifier: ada }), {
      contentType: 'application/json',
    });
    expect(json.body.response.status).toBe('needs_first_factor');
    const broken = await browser.request('POST', '/v1/client/sign_ins', '{"identifier":', {
      contentType: 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(errorOf(broken.body).code).toBe('request_body_invalid');
  });

  it('needs an identifier with a strategy, and a known strategy for the factor', async () => {
    const browser = new FapiBrowser(emu.url);
    const missing = await browser.post('/v1/client/sign_ins', {
      strategy: 'password',
      password: DEMO_PASSWORD,
    });
    expect(errorOf(missing.body)).toMatchObject({
      code: 'form_param_missing',
      meta: { param_name: 'identifier' },
    });
    const signInId = await identify(browser, ada ?? '');
    const prepare = await browser.post(`/v1/client/sign_ins/${signInId}/prepare_first_factor`, {
      strategy: 'phone_code',
    });
    expect(prepare.status).toBe(400);
    expect(errorOf(prepare.body).code).toBe('strategy_for_user_invalid');
  });
});
