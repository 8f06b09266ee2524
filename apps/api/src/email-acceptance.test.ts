import { emailProblem } from '@invites/clerk-schema';
import { ACCEPTED_EMAILS, REJECTED_EMAILS } from '@invites/clerk-schema/email-corpus';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './test/harness.ts';

/**
 * The api (invite and bulk job) and the emulator (Clerk's stand-in) accept and reject the same
 * addresses as the shared corpus the dashboard's forms are tested with; a rejected address never
 * reaches the upstream.
 */

let h: Harness;
let staff: string;
let run = 0;
beforeAll(async () => {
  h = await startHarness({ roleCacheTtlMs: 3_600_000, tokenCacheTtlMs: 3_600_000 });
  staff = await h.tokenFor('staff');
  await h.app.request('/api/me', { headers: { authorization: `Bearer ${staff}` } });
});
afterAll(() => h.close());

const REJECTED_AS_SENT = REJECTED_EMAILS.filter(([a]) => a.trim() === a);

/** The api's answer to inviting `email`, and whether the upstream was called. */
async function invite(email: string) {
  const before = h.calls.length;
  const res = await h.app.request(`/api/v1/organizations/${h.orgA}/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email_address: email, role: 'org:member' }),
  });
  const body = (await res.json()) as { errors?: { code: string; meta?: { param_name?: string } }[] };
  return { status: res.status, code: body.errors?.[0]?.code ?? null, upstream: h.calls.length > before };
}

/** Revokes what a test invited, so the same address can be invited again. */
async function revokeAll(email: string) {
  const res = await h.emulator(
    'GET',
    `/v1/organizations/${h.orgA}/invitations?status=pending&email_address=${encodeURIComponent(email)}`,
  );
  for (const inv of ((await res.json()) as { data: { id: string }[] }).data) {
    await h.emulator('POST', `/v1/organizations/${h.orgA}/invitations/${inv.id}/revoke`, {});
  }
}

describe('email addresses at the api and the emulator', () => {
  it.each(ACCEPTED_EMAILS.map((a) => [a]))('invites %s', async (address) => {
    expect(await invite(address)).toMatchObject({ status: 200, upstream: true });
    await revokeAll(address);
  });

  it.each(REJECTED_AS_SENT.map(([a, why]) => [JSON.stringify(a).slice(0, 70), why, a] as const))(
    'refuses %s (%s) with 422 before the upstream; the emulator refuses it too',
    async (_shown, _why, address) => {
      expect(await invite(address)).toEqual({
        status: 422,
        code: 'form_param_format_invalid',
        upstream: false,
      });
      const direct = await h.emulator('POST', `/v1/organizations/${h.orgA}/invitations`, {
        email_address: address,
        role: 'org:member',
      });
      expect(direct.status).toBe(422);
    },
  );

  it('takes every accepted address in one bulk job and refuses a job with any rejected one', async () => {
    const job = (rows: string[]) =>
      h.app.request('/api/bulk-invitations', {
        method: 'POST',
        headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          organization_id: h.orgA,
          rows: rows.map((email_address) => ({ email_address, role: 'org:member' })),
        }),
      });
    expect((await job([...ACCEPTED_EMAILS])).status).toBe(201);
    for (const [address] of REJECTED_AS_SENT) {
      const res = await job(['ok@example.com', address]);
      expect(res.status, address).toBe(422);
    }
  });

  it('agrees with emailProblem on arbitrary input (property)', async () => {
    const candidate = fc.oneof(
      fc.emailAddress(),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc
        .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.domain())
        .map(([local, domain]) => `${local}@${domain}`),
      fc
        .tuple(fc.constantFrom(...ACCEPTED_EMAILS), fc.nat(), fc.string({ unit: 'grapheme', maxLength: 2 }))
        .map(([a, i, s]) => a.slice(0, i % (a.length + 1)) + s + a.slice(i % (a.length + 1))),
    );
    await fc.assert(
      fc.asyncProperty(candidate, async (raw) => {
        const email = `${raw}`;
        const expectedProblem = emailProblem(email.trim());
        const answer = await invite(email);
        if (expectedProblem) {
          expect(answer, email).toEqual({ status: 422, code: 'form_param_format_invalid', upstream: false });
        } else {
          expect(answer.code, email).not.toBe('form_param_format_invalid');
          expect(answer.upstream).toBe(true);
          await revokeAll(email.trim().toLowerCase());
        }
        run += 1;
      }),
      { numRuns: 150, interruptAfterTimeLimit: 10_000 },
    );
    expect(run).toBeGreaterThan(0);
  });
});
