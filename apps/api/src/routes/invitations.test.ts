import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';

let h: Harness;
const tokens = {} as Record<Persona, string>;
let seq = 0;
const email = () => `inv-test-${Date.now()}-${seq++}@example.com`;

beforeAll(async () => {
  h = await startHarness();
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const) {
    tokens[persona] = await h.tokenFor(persona);
    // Warm the role cache so later call counts only show the request under test.
    await h.app.request('/api/me', { headers: { authorization: `Bearer ${tokens[persona]}` } });
  }
});
afterAll(() => h.close());
beforeEach(() => {
  h.calls.length = 0;
});

function call(
  persona: Persona,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return h.app.request(path, {
    method,
    headers: { authorization: `Bearer ${tokens[persona]}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const orgPath = (org: string, rest = '') => `/api/v1/organizations/${org}/invitations${rest}`;

describe('who is recorded as inviter and revoker', () => {
  it("stamps an org admin's own id as inviter and ignores the id they sent", async () => {
    const res = await call('adminA', 'POST', orgPath(h.orgA), {
      email_address: email(),
      role: 'org:member',
      inviter_user_id: h.userIds.staff,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inviter_id: h.userIds.adminA });
  });

  it('sends no inviter for staff acting in an organization they do not administer', async () => {
    const res = await call('staff', 'POST', orgPath(h.orgA), { email_address: email(), role: 'org:member' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inviter_id: null });
    expect(h.calls.at(-1)?.body).toMatchObject({ inviter_user_id: null });
  });

  it('uses the inviter a staff member names explicitly', async () => {
    const res = await call('staff', 'POST', orgPath(h.orgA), {
      email_address: email(),
      role: 'org:member',
      inviter_user_id: h.userIds.adminA,
    });
    expect(await res.json()).toMatchObject({ inviter_id: h.userIds.adminA });
  });

  it("stamps every bulk item with the admin's id", async () => {
    const res = await call('adminA', 'POST', orgPath(h.orgA, '/bulk'), [
      { email_address: email(), role: 'org:member', inviter_user_id: h.userIds.staff },
      { email_address: email(), role: 'org:member' },
    ]);
    expect(res.status).toBe(200);
    const sent = h.calls.at(-1)?.body as { inviter_user_id: string }[];
    expect(sent.map((i) => i.inviter_user_id)).toEqual([h.userIds.adminA, h.userIds.adminA]);
  });

  it("sends the admin's id as requesting_user_id on revoke", async () => {
    const created = (await (
      await call('adminA', 'POST', orgPath(h.orgA), { email_address: email(), role: 'org:member' })
    ).json()) as {
      id: string;
    };
    const res = await call('adminA', 'POST', orgPath(h.orgA, `/${created.id}/revoke`), {
      requesting_user_id: h.userIds.staff,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: created.id, status: 'revoked' });
    expect(h.calls.at(-1)?.body).toEqual({ requesting_user_id: h.userIds.adminA });
  });
});

describe('input is validated before anything is sent', () => {
  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['offset=-1', 'offset'],
    ['status=bogus', 'status'],
    ['order_by=name', 'order_by'],
  ])('rejects ?%s with 422 naming %s', async (query, param) => {
    const res = await call('adminA', 'GET', `${orgPath(h.orgA)}?${query}`);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ code: 'form_param_value_invalid', meta: { param_name: param } }],
    });
    expect(h.calls).toHaveLength(0);
  });

  it.each([
    ['a missing role', { email_address: 'a@example.com' }, 422, 'form_param_missing', 'role'],
    [
      'an invalid address',
      { email_address: 'not-an-email', role: 'org:member' },
      422,
      'form_param_format_invalid',
      'email_address',
    ],
    [
      'an unknown field',
      { email_address: 'a@example.com', role: 'org:member', admin: true },
      422,
      'form_param_unknown',
      'admin',
    ],
    [
      'a bad redirect_url',
      { email_address: 'a@example.com', role: 'org:member', redirect_url: 'javascript:x' },
      422,
      'form_param_value_invalid',
      'redirect_url',
    ],
  ])('rejects a create body with %s', async (_name, body, status, code, param) => {
    const res = await call('adminA', 'POST', orgPath(h.orgA), body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ errors: [{ code, meta: { param_name: param } }] });
    expect(h.calls).toHaveLength(0);
  });

  it('rejects malformed JSON with 400 request_body_invalid', async () => {
    const res = await call('adminA', 'POST', orgPath(h.orgA), '{"email_address":');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'request_body_invalid' }] });
    expect(h.calls).toHaveLength(0);
  });

  it('rejects a bulk body of more than 10 with 400 bulk_size_exceeded', async () => {
    const items = Array.from({ length: 11 }, () => ({ email_address: email(), role: 'org:member' }));
    const res = await call('adminA', 'POST', orgPath(h.orgA, '/bulk'), items);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'bulk_size_exceeded' }] });
    expect(h.calls).toHaveLength(0);
  });

  it('refuses private_metadata from an org admin with 422 form_param_unknown', async () => {
    const res = await call('adminA', 'POST', orgPath(h.orgA), {
      email_address: email(),
      role: 'org:member',
      private_metadata: { x: 1 },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ code: 'form_param_unknown', meta: { param_name: 'private_metadata' } }],
    });
    expect(h.calls).toHaveLength(0);
  });

  it('names the bulk item that carries private_metadata', async () => {
    const res = await call('adminA', 'POST', orgPath(h.orgA, '/bulk'), [
      { email_address: email(), role: 'org:member' },
      { email_address: email(), role: 'org:member', private_metadata: {} },
    ]);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ code: 'form_param_unknown', meta: { param_name: 'private_metadata', index: 1 } }],
    });
    expect(h.calls).toHaveLength(0);
  });

  it('lets staff set private_metadata', async () => {
    const res = await call('staff', 'POST', orgPath(h.orgA), {
      email_address: email(),
      role: 'org:member',
      private_metadata: { ticket: 'SUP-1' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ private_metadata: { ticket: 'SUP-1' } });
  });

  it.each([
    ['an org slug', '/api/v1/organizations/acme/invitations'],
    ['a malformed org id', '/api/v1/organizations/org_short/invitations'],
    ['a malformed invitation id', '/api/v1/organizations/ORG/invitations/orginv_x'],
    ['a user id as invitation id', '/api/v1/organizations/ORG/invitations/user_2abcdefghijklmnopqrstuvwxyz'],
  ])('answers 404 for %s without calling upstream', async (_name, path) => {
    const res = await call('staff', 'GET', path.replace('ORG', h.orgA));
    expect(res.status).toBe(404);
    expect(h.calls).toHaveLength(0);
  });

  it('answers 413 for a body over 1 MB without calling upstream', async () => {
    const body = JSON.stringify({
      email_address: 'a@example.com',
      role: 'org:member',
      public_metadata: { pad: 'x'.repeat(1_100_000) },
    });
    const res = await call('staff', 'POST', orgPath(h.orgA), body);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errors: [{ code: 'request_body_too_large' }] });
    expect(h.calls).toHaveLength(0);
  });
});

describe("Clerk's own answers pass through", () => {
  it('passes a duplicate-invitation 400 with its code and trace id', async () => {
    const address = email();
    await call('adminA', 'POST', orgPath(h.orgA), { email_address: address, role: 'org:member' });
    const res = await call('adminA', 'POST', orgPath(h.orgA), { email_address: address, role: 'org:member' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { code: string }[]; clerk_trace_id: string };
    expect(body.errors[0]?.code).toBe('organization_invitation_not_unique');
    expect(res.headers.get('x-clerk-trace-id')).toBe(body.clerk_trace_id);
  });

  it('passes a revoke of a non-pending invitation through as 404 organization_invitation_not_pending', async () => {
    const created = (await (
      await call('adminA', 'POST', orgPath(h.orgA), { email_address: email(), role: 'org:member' })
    ).json()) as {
      id: string;
    };
    await call('adminA', 'POST', orgPath(h.orgA, `/${created.id}/revoke`));
    const again = await call('adminA', 'POST', orgPath(h.orgA, `/${created.id}/revoke`));
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ errors: [{ code: 'organization_invitation_not_pending' }] });
  });
});

describe('a revoke that someone else beat to it says what happened', () => {
  async function invite(address: string) {
    const res = await call('adminA', 'POST', orgPath(h.orgA), { email_address: address, role: 'org:member' });
    return ((await res.json()) as { id: string }).id;
  }
  type NotPending = {
    errors: { code: string; long_message: string; meta: Record<string, unknown> }[];
    clerk_trace_id: string;
  };

  it('names who revoked it first and when, with the address, keeping Clerk’s code and trace id', async () => {
    const address = email();
    const id = await invite(address);
    const first = await call('adminA', 'POST', orgPath(h.orgA, `/${id}/revoke`), {});
    expect(first.status).toBe(200);
    await h.flushActivity();
    // A stale tab: staff revoke the same invitation again.
    const again = await call('staff', 'POST', orgPath(h.orgA, `/${id}/revoke`), {});
    expect(again.status).toBe(404);
    const body = (await again.json()) as NotPending;
    expect(body.errors[0]).toMatchObject({
      code: 'organization_invitation_not_pending',
      long_message: "The organization invitation is not in the 'pending' status.",
      meta: { invitation_status: 'revoked', email_address: address, revoked_by: 'Ada Lovelace' },
    });
    expect(body.errors[0]?.meta.revoked_at).toEqual(expect.any(Number));
    expect(again.headers.get('x-clerk-trace-id')).toBe(body.clerk_trace_id);
  });

  it('says an accepted invitation was accepted, with nobody named as revoker', async () => {
    const address = email();
    const id = await invite(address);
    const accepted = await h.emulator('POST', `/__emulator/invitations/${id}/accept`);
    expect(accepted.status).toBe(200);
    const res = await call('adminA', 'POST', orgPath(h.orgA, `/${id}/revoke`), {});
    expect(res.status).toBe(404);
    const body = (await res.json()) as NotPending;
    expect(body.errors[0]?.meta).toMatchObject({
      invitation_status: 'accepted',
      email_address: address,
      revoked_by: null,
      revoked_at: null,
    });
  });

  it('passes Clerk’s refusal through unchanged when the invitation cannot be read back', async () => {
    const address = email();
    const id = await invite(address);
    await call('adminA', 'POST', orgPath(h.orgA, `/${id}/revoke`), {});
    await h.emulator('POST', '/__emulator/faults', {
      method: 'GET',
      path: `/v1/organizations/${h.orgA}/invitations/${id}`,
      action: 'status',
      status: 500,
      count: 10,
    });
    try {
      const res = await call('adminA', 'POST', orgPath(h.orgA, `/${id}/revoke`), {});
      expect(res.status).toBe(404);
      const body = (await res.json()) as NotPending;
      expect(body.errors[0]?.code).toBe('organization_invitation_not_pending');
      expect(body.errors[0]?.meta).toBeUndefined();
    } finally {
      await h.emulator('DELETE', '/__emulator/faults');
    }
  });
});
