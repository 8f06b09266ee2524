import { describe, expect, it } from 'vitest';
import { DEMO_MEMBERS, DEMO_PASSWORD, DEMO_USERS } from '../seed/demo-data.ts';
import { FapiBrowser } from '../test-support/fapi-browser.ts';
import { createTeam } from '../test-support/fixtures.ts';
import { sdkError, type TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'demo' }, (started) => {
  emu = started;
});

describe('sign-in tokens', () => {
  it('creates a pending single-use token for a user (the ticket for the Frontend API)', async () => {
    const userId = DEMO_USERS[1]?.id ?? '';
    const token = await emu.clerk.signInTokens.createSignInToken({ userId, expiresInSeconds: 3600 });
    expect(token).toMatchObject({ userId, status: 'pending', id: expect.stringMatching(/^sit_/) });
    expect(token.token.length).toBeGreaterThanOrEqual(40);
    const signIn = await new FapiBrowser(emu.url).post('/v1/client/sign_ins', {
      strategy: 'ticket',
      ticket: token.token,
    });
    expect(signIn.body.response.status).toBe('complete');
  });

  it('refuses an unknown user, and revokes a pending token (only once)', async () => {
    const unknown = emu.clerk.signInTokens.createSignInToken({
      userId: 'user_2Nobody00000000000000000000',
      expiresInSeconds: 60,
    });
    expect(await sdkError(unknown)).toMatchObject({ status: 404, code: 'resource_not_found' });
    const token = await emu.clerk.signInTokens.createSignInToken({
      userId: DEMO_USERS[2]?.id ?? '',
      expiresInSeconds: 60,
    });
    const revoked = await emu.clerk.signInTokens.revokeSignInToken(token.id);
    expect(revoked).toMatchObject({ id: token.id, status: 'revoked' });
    expect(await sdkError(emu.clerk.signInTokens.revokeSignInToken(token.id))).toMatchObject({ status: 422 });
  });
});

describe('passwords', () => {
  it('stores a password on create (never echoed) and the user signs in with it', async () => {
    const email = `pw-${Date.now()}@passwords.example`;
    const user = await emu.clerk.users.createUser({
      emailAddress: [email],
      password: 'correct horse battery',
    });
    expect(user.passwordEnabled).toBe(true);
    const raw = await emu.json(`/v1/users/${user.id}`);
    expect(JSON.stringify(raw.body)).not.toMatch(/correct horse|scrypt/);
    const browser = new FapiBrowser(emu.url);
    const { sessionId } = await browser.signIn(email, 'correct horse battery');
    expect(sessionId).toMatch(/^sess_/);
  });

  it("applies Clerk's rules (8 characters, 72 bytes) unless skip_password_checks", async () => {
    const create = (password: string, skip = false) =>
      emu.clerk.users.createUser({
        emailAddress: [`rule-${Math.random().toString(36).slice(2)}@passwords.example`],
        password,
        ...(skip ? { skipPasswordChecks: true } : {}),
      });
    expect(await sdkError(create('short'))).toMatchObject({
      status: 422,
      code: 'form_password_length_too_short',
    });
    expect(await sdkError(create('é'.repeat(40)))).toMatchObject({
      status: 422,
      code: 'form_password_size_in_bytes_exceeded',
    });
    expect((await create('short', true)).passwordEnabled).toBe(true);
  });

  it('gives no password to users created without one, and the demo password to every demo user', async () => {
    const { member } = await createTeam(emu);
    expect(member.passwordEnabled).toBe(false);
    const ids = [...DEMO_USERS, ...DEMO_MEMBERS].map((u) => u.id);
    const demo = await emu.clerk.users.getUserList({ userId: ids, limit: 100 });
    expect(demo.data).toHaveLength(ids.length);
    expect(demo.data.every((u) => u.passwordEnabled)).toBe(true);
    await new FapiBrowser(emu.url).signIn(DEMO_USERS[4]?.email_address ?? '', DEMO_PASSWORD);
  });
});
