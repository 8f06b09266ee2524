import type { ActivityEntry, ActivityList, BulkJob } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../store/create-store.ts';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';

let h: Harness;
const tokens = {} as Record<Persona, string>;
let seq = 0;
const email = (tag: string) => `${tag}-${Date.now()}-${seq++}@audit.example`;

beforeAll(async () => {
  h = await startHarness({}, { worker: true });
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const) {
    tokens[persona] = await h.tokenFor(persona);
  }
});
afterAll(() => h.close());

function call(persona: Persona, method: string, path: string, body?: unknown) {
  return h.app.request(path, {
    method,
    headers: { authorization: `Bearer ${tokens[persona]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function activity(persona: Persona, query = ''): Promise<ActivityList> {
  await h.flushActivity();
  const res = await call(persona, 'GET', `/api/activity${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ActivityList;
}

/** The newest entry of `action` naming `address` (as staff, who see everything). */
async function entryFor(action: string, address: string): Promise<ActivityEntry | undefined> {
  const { data } = await activity('staff', `?action=${action}&limit=500`);
  return data.find((e) => e.email_addresses.includes(address));
}

const invitations = (org: string, rest = '') => `/api/v1/organizations/${org}/invitations${rest}`;

describe('audit of invitation changes made through /api/v1', () => {
  it('records a create with who, the address, ok and the trace id Clerk answered with', async () => {
    const address = email('create');
    const res = await call('adminA', 'POST', invitations(h.orgA), {
      email_address: address,
      role: 'org:member',
    });
    expect(res.status).toBe(200);
    const invitation = (await res.json()) as { id: string };
    const entry = await entryFor('invitation.create', address);
    expect(entry).toMatchObject({
      actor_id: h.userIds.adminA,
      actor_name: 'Ada Lovelace',
      organization_id: h.orgA,
      email_addresses: [address],
      outcome: 'ok',
      clerk_trace_id: res.headers.get('x-clerk-trace-id'),
      detail: { status: 200, invitation_id: invitation.id },
    });
    expect(entry?.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('records a refused create with Clerk’s error code and the trace id of the error', async () => {
    const address = email('dupe');
    await call('staff', 'POST', invitations(h.orgA), { email_address: address, role: 'org:member' });
    const res = await call('staff', 'POST', invitations(h.orgA), {
      email_address: address,
      role: 'org:member',
    });
    const body = (await res.json()) as { clerk_trace_id: string };
    expect(res.status).toBe(400);
    const { data } = await activity('staff', '?action=invitation.create&limit=500');
    const entries = data.filter((e) => e.email_addresses.includes(address));
    expect(entries.map((e) => e.outcome)).toEqual(['organization_invitation_not_unique', 'ok']);
    expect(entries[0]).toMatchObject({
      actor_id: h.userIds.staff,
      actor_name: 'Sam Rivera',
      clerk_trace_id: body.clerk_trace_id,
      detail: { status: 400 },
    });
  });

  it('records a bulkCreate with every address of the call', async () => {
    const addresses = [email('bulk'), email('bulk')];
    const res = await call(
      'adminA',
      'POST',
      invitations(h.orgA, '/bulk'),
      addresses.map((a) => ({ email_address: a, role: 'org:member' })),
    );
    expect(res.status).toBe(200);
    expect(await entryFor('invitation.bulk_create', addresses[1]!)).toMatchObject({
      email_addresses: addresses,
      outcome: 'ok',
      clerk_trace_id: res.headers.get('x-clerk-trace-id'),
    });
  });

  it('records a revoke with the invitation id and its address', async () => {
    const address = email('revoke');
    const created = await call('adminA', 'POST', invitations(h.orgA), {
      email_address: address,
      role: 'org:member',
    });
    const { id } = (await created.json()) as { id: string };
    const res = await call('adminA', 'POST', invitations(h.orgA, `/${id}/revoke`), {});
    expect(res.status).toBe(200);
    expect(await entryFor('invitation.revoke', address)).toMatchObject({
      actor_id: h.userIds.adminA,
      outcome: 'ok',
      clerk_trace_id: res.headers.get('x-clerk-trace-id'),
      detail: { invitation_id: id, status: 200 },
    });

    const again = await call('staff', 'POST', invitations(h.orgA, `/${id}/revoke`), {});
    expect(again.status).toBe(404);
    const { data } = await activity('staff', '?action=invitation.revoke');
    // A revoke that came too late still names the address (read back from Clerk) and what it found.
    expect(data[0]).toMatchObject({
      actor_id: h.userIds.staff,
      outcome: 'organization_invitation_not_pending',
      email_addresses: [address],
      detail: { invitation_id: id, status: 404, invitation_status: 'revoked' },
    });
  });

  it("records staff's revoke with the address too (their answer passes through unparsed)", async () => {
    const address = email('staff-revoke');
    const created = await call('staff', 'POST', invitations(h.orgA), {
      email_address: address,
      role: 'org:member',
    });
    const { id } = (await created.json()) as { id: string };
    const res = await call('staff', 'POST', invitations(h.orgA, `/${id}/revoke`), {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { email_address: string }).email_address).toBe(address);
    expect(await entryFor('invitation.revoke', address)).toMatchObject({
      actor_id: h.userIds.staff,
      outcome: 'ok',
      email_addresses: [address],
      detail: { invitation_id: id, status: 200 },
    });
  });

  it('records the Clerk calls of a bulk job under its creator, with trace ids and the job id', async () => {
    const rows = [email('job'), email('job')].map((a) => ({ email_address: a, role: 'org:member' }));
    const res = await call('adminA', 'POST', '/api/bulk-invitations', { organization_id: h.orgA, rows });
    const job = (await res.json()) as BulkJob;
    const created = await entryFor('bulk_job.create', rows[0]!.email_address);
    expect(created).toMatchObject({
      actor_id: h.userIds.adminA,
      actor_name: 'Ada Lovelace',
      outcome: 'ok',
      detail: { bulk_job_id: job.id, row_count: 2 },
    });
    const deadline = Date.now() + 10_000;
    let call_: ActivityEntry | undefined;
    while (!call_ && Date.now() < deadline) {
      call_ = await entryFor('invitation.bulk_create', rows[0]!.email_address);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(call_).toMatchObject({
      actor_id: h.userIds.adminA,
      actor_name: 'Ada Lovelace',
      organization_id: h.orgA,
      outcome: 'ok',
      detail: { bulk_job_id: job.id },
    });
    expect(call_?.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a failing activity store is logged and never fails the request', async () => {
    const broken = await createStore({ url: ':memory:' });
    await broken.close();
    const other = await startHarness({}, { store: broken });
    try {
      const token = await other.tokenFor('adminA');
      const res = await other.app.request(invitations(other.orgA), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email_address: email('broken'), role: 'org:member' }),
      });
      expect(res.status).toBe(200);
      await other.flushActivity();
      expect(other.logLines.some((l) => l.includes('could not record activity'))).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('who sees which activity', () => {
  beforeAll(async () => {
    await call('adminA', 'POST', invitations(h.orgA), { email_address: email('seen-a'), role: 'org:member' });
    await call('adminB', 'POST', invitations(h.orgB), { email_address: email('seen-b'), role: 'org:member' });
  });

  it('staff see every organization, newest first', async () => {
    const { data } = await activity('staff', '?limit=500');
    const orgs = new Set(data.map((e) => e.organization_id));
    expect(orgs).toEqual(new Set([h.orgA, h.orgB]));
    const times = data.map((e) => e.created_at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('an org admin sees only entries of their organization', async () => {
    const a = await activity('adminA', '?limit=500');
    const b = await activity('adminB', '?limit=500');
    expect(a.total_count).toBeGreaterThan(0);
    expect(new Set(a.data.map((e) => e.organization_id))).toEqual(new Set([h.orgA]));
    expect(new Set(b.data.map((e) => e.organization_id))).toEqual(new Set([h.orgB]));
    const byActor = await activity('adminB', `?actor_id=${h.userIds.adminA}`);
    expect(byActor.total_count).toBe(0);
  });

  it('an org admin filtering by another organization gets 403; a plain member always does', async () => {
    expect((await call('adminB', 'GET', `/api/activity?organization_id=${h.orgA}`)).status).toBe(403);
    expect((await call('member', 'GET', '/api/activity')).status).toBe(403);
    expect((await h.app.request('/api/activity')).status).toBe(401);
  });

  it('filters by action, actor and time, and pages with a total count', async () => {
    const all = await activity('staff', `?actor_id=${h.userIds.adminB}&action=invitation.create`);
    expect(all.total_count).toBeGreaterThan(0);
    expect(all.data.every((e) => e.actor_id === h.userIds.adminB && e.action === 'invitation.create')).toBe(
      true,
    );
    const newest = all.data[0]!.created_at;
    const later = await activity('staff', `?since=${newest + 1}&actor_id=${h.userIds.adminB}`);
    expect(later.total_count).toBe(0);
    const page = await activity('staff', '?limit=1&offset=1');
    expect(page.data).toHaveLength(1);
    expect(page.total_count).toBeGreaterThan(1);
    expect((await call('staff', 'GET', '/api/activity?limit=0')).status).toBe(422);
  });

  it('finds an actor by a part of their name or by their email address, in any case', async () => {
    for (const actor of ['Grace Hopper', 'hopper', 'GRACE@globex.example', h.userIds.adminB]) {
      const found = await activity('staff', `?actor=${encodeURIComponent(actor)}&limit=500`);
      expect(found.total_count, actor).toBeGreaterThan(0);
      expect(new Set(found.data.map((e) => e.actor_id)), actor).toEqual(new Set([h.userIds.adminB]));
    }
    const nobody = await activity('staff', `?actor=${encodeURIComponent('nobody@globex.example')}`);
    expect(nobody.total_count).toBe(0);
    // Wildcards are text: "%" and "_" match only themselves.
    expect((await activity('staff', '?actor=%25')).total_count).toBe(0);
    expect((await activity('staff', '?actor=_')).total_count).toBe(0);
    // An org admin's search stays inside their organizations.
    expect((await activity('adminA', '?actor=hopper')).total_count).toBe(0);
  });
});
