import { describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../seed/demo-data.ts';
import { FapiBrowser, type Loose } from '../test-support/fapi-browser.ts';
import { advanceClock } from '../test-support/fixtures.ts';
import type { TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'demo' }, (started) => {
  emu = started;
});

const [, ada, grace, linus, maya] = DEMO_USERS.map((u) => u.email_address);
const errorOf = (body: Loose) => body.errors?.[0];

async function identify(browser: FapiBrowser, email: string) {
  const { status, body } = await browser.post('/v1/client/sign_ins', { identifier: email });
  expect(status).toBe(200);
  return body.response.id as string;
}

async function outbox(to: string) {
  const { body } = await emu.json<{
    data: { code: string; subject: string; to: string }[];
    total_count: number;
  }>(`/__emulator/emails?to=${encodeURIComponent(to)}`);
  return body;
}

async function ticketFor(userId: string, options: { orgId?: string; expiresInSeconds?: number } = {}) {
  const token = await emu.clerk.signInTokens.createSignInToken({
    userId,
    expiresInSeconds: options.expiresInSeconds ?? 600,
    ...(options.orgId ? { orgId: options.orgId } : {}),
  } as Parameters<TestEmulator['clerk']['signInTokens']['createSignInToken']>[0]);
  return token.token;
}

describe('email code', () => {
  it('sends a six-digit code to the outbox; a wrong code is refused, the right one completes', async () => {
    const browser = new FapiBrowser(emu.url);
    const signInId = await identify(browser, grace ?? '');
    const prepared = await browser.post(`/v1/client/sign_ins/${signInId}/prepare_first_factor`, {
      strategy: 'email_code',
      email_address_id: DEMO_USERS[2]?.id.replace('user_', 'idn_') ?? '',
    });
    expect(prepared.status).toBe(200);
    expect(prepared.body.response.first_factor_verification).toMatchObject({
      object: 'verification_otp',
      strategy: 'email_code',
      status: 'unverified',
      attempts: 0,
      expire_at: expect.any(Number),
    });
    const [email] = (await outbox(grace ?? '')).data;
    expect(email?.code).toMatch(/^\d{6}$/);
    expect(email?.subject).toContain(email?.code);
    const path = `/v1/client/sign_ins/${signInId}/attempt_first_factor`;
    const wrongCode = email?.code === '000000' ? '111111' : '000000';
    const wrong = await browser.post(path, { strategy: 'email_code', code: wrongCode });
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong.body)).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } });
    const right = await browser.post(path, { strategy: 'email_code', code: email?.code ?? '' });
    expect(right.body.response).toMatchObject({
      status: 'complete',
      first_factor_verification: { status: 'verified' },
    });
  });

  it('refuses an expired code with verification_expired; a fresh code works', async () => {
    const browser = new FapiBrowser(emu.url);
    const signInId = await identify(browser, maya ?? '');
    const prepare = () =>
      browser.post(`/v1/client/sign_ins/${signInId}/prepare_first_factor`, { strategy: 'email_code' });
    await prepare();
    const stale = (await outbox(maya ?? '')).data[0]?.code ?? '';
    await advanceClock(emu, 11 * 60_000);
    const path = `/v1/client/sign_ins/${signInId}/attempt_first_factor`;
    const expired = await browser.post(path, { strategy: 'email_code', code: stale });
    expect(expired.status).toBe(422);
    expect(errorOf(expired.body).code).toBe('verification_expired');
    expect(
      (await browser.get(`/v1/client/sign_ins/${signInId}`)).body.response.first_factor_verification.status,
    ).toBe('expired');
    await prepare();
    const fresh = (await outbox(maya ?? '')).data[0]?.code ?? '';
    expect((await browser.post(path, { strategy: 'email_code', code: fresh })).body.response.status).toBe(
      'complete',
    );
  });

  it('stops accepting the code after five wrong ones (verification_failed)', async () => {
    const browser = new FapiBrowser(emu.url);
    const signInId = await identify(browser, ada ?? '');
    await browser.post(`/v1/client/sign_ins/${signInId}/prepare_first_factor`, { strategy: 'email_code' });
    const code = (await outbox(ada ?? '')).data[0]?.code ?? '';
    const wrongCode = code === '000000' ? '111111' : '000000';
    const path = `/v1/client/sign_ins/${signInId}/attempt_first_factor`;
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push(errorOf((await browser.post(path, { strategy: 'email_code', code: wrongCode })).body).code);
    expect(codes).toEqual([...Array(4).fill('form_code_incorrect'), 'verification_failed']);
    const right = await browser.post(path, { strategy: 'email_code', code });
    expect(errorOf(right.body).code).toBe('verification_failed');
  });

  it('needs prepare_first_factor before an email code attempt', async () => {
    const browser = new FapiBrowser(emu.url);
    const signInId = await identify(browser, ada ?? '');
    const { status, body } = await browser.post(`/v1/client/sign_ins/${signInId}/attempt_first_factor`, {
      strategy: 'email_code',
      code: '123456',
    });
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe('verification_missing');
  });
});

describe('ticket', () => {
  it('completes at once with a sign-in token, activating its organization, and the token is used up', async () => {
    const ticket = await ticketFor(DEMO_USERS[3]?.id ?? '', { orgId: DEMO_ORGANIZATIONS.initech.id });
    const browser = new FapiBrowser(emu.url);
    const { body } = await browser.post('/v1/client/sign_ins', { strategy: 'ticket', ticket });
    expect(body.response).toMatchObject({
      status: 'complete',
      identifier: linus,
      first_factor_verification: { strategy: 'ticket', status: 'verified' },
    });
    expect(body.client.sessions[0].last_active_organization_id).toBe(DEMO_ORGANIZATIONS.initech.id);
    const again = await new FapiBrowser(emu.url).post('/v1/client/sign_ins', { strategy: 'ticket', ticket });
    expect(again.status).toBe(400);
    expect(errorOf(again.body)).toMatchObject({
      code: 'ticket_invalid_code',
      meta: { param_name: 'ticket' },
    });
  });

  it('refuses an expired, a revoked and an unknown ticket', async () => {
    const userId = DEMO_USERS[4]?.id ?? '';
    const create = (ticket: string) =>
      new FapiBrowser(emu.url).post('/v1/client/sign_ins', { strategy: 'ticket', ticket });
    const expiring = await ticketFor(userId, { expiresInSeconds: 60 });
    await advanceClock(emu, 61_000);
    expect(errorOf((await create(expiring)).body).code).toBe('ticket_expired_code');
    const revoked = await emu.clerk.signInTokens.createSignInToken({ userId, expiresInSeconds: 600 });
    await emu.clerk.signInTokens.revokeSignInToken(revoked.id);
    expect(errorOf((await create(revoked.token)).body).code).toBe('ticket_invalid_code');
    expect(errorOf((await create('not-a-ticket')).body).code).toBe('ticket_invalid_code');
  });
});
