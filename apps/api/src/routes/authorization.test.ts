import type { ActivityList } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBulkJob } from '../bulk/job-repository.ts';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';

type Who = 'anonymous' | Persona;
const WHO: Who[] = ['anonymous', 'member', 'adminA', 'adminB', 'staff'];
type Expectation = Record<Who, number>;

const PUBLIC: Expectation = { anonymous: 200, member: 200, adminA: 200, adminB: 200, staff: 200 };
const SIGNED_IN: Expectation = { anonymous: 401, member: 200, adminA: 200, adminB: 200, staff: 200 };
const CONSOLE_USERS: Expectation = { anonymous: 401, member: 403, adminA: 200, adminB: 200, staff: 200 };
const ORG_A_MANAGERS: Expectation = { anonymous: 401, member: 403, adminA: 200, adminB: 403, staff: 200 };
const STAFF_ONLY: Expectation = { anonymous: 401, member: 403, adminA: 403, adminB: 403, staff: 200 };
const ORG_A_CREATORS: Expectation = { anonymous: 401, member: 403, adminA: 201, adminB: 403, staff: 201 };
/** A bulk job of org A: another organization's admin gets the 404 of a job that does not exist. */
const ORG_A_JOB: Expectation = { anonymous: 401, member: 403, adminA: 200, adminB: 404, staff: 200 };

interface RouteCase {
  name: string;
  method: 'GET' | 'POST';
  expect: Expectation;
  /** Builds the path and body; may create fixtures through the emulator. */
  request(h: Harness, who: Who): Promise<{ path: string; body?: unknown }>;
}

let seq = 0;
const uniqueEmail = (who: Who) => `matrix-${who}-${Date.now()}-${seq++}@example.com`;

async function orgAJob(h: Harness): Promise<string> {
  const job = await createBulkJob(h.store, {
    organizationId: h.orgA,
    createdBy: h.userIds.adminA,
    inviterUserId: h.userIds.adminA,
    rows: [{ email_address: `job-${Date.now()}-${seq++}@example.com`, role: 'org:member' }],
  });
  return job.id;
}

async function pendingInvitation(h: Harness): Promise<string> {
  const res = await h.emulator('POST', `/v1/organizations/${h.orgA}/invitations`, {
    email_address: `fixture-${Date.now()}-${seq++}@example.com`,
    role: 'org:member',
    private_metadata: { note: 'internal-only' },
  });
  return ((await res.json()) as { id: string }).id;
}

const ROUTES: RouteCase[] = [
  { name: 'GET /api/health', method: 'GET', expect: PUBLIC, request: async () => ({ path: '/api/health' }) },
  { name: 'GET /api/me', method: 'GET', expect: SIGNED_IN, request: async () => ({ path: '/api/me' }) },
  {
    name: 'getAll GET /api/v1/organization_invitations',
    method: 'GET',
    expect: STAFF_ONLY,
    request: async () => ({ path: '/api/v1/organization_invitations?limit=5' }),
  },
  {
    name: 'GET /api/v1/organizations',
    method: 'GET',
    expect: CONSOLE_USERS,
    request: async () => ({ path: '/api/v1/organizations' }),
  },
  {
    name: 'GET /api/v1/organizations/:org',
    method: 'GET',
    expect: ORG_A_MANAGERS,
    request: async (h) => ({ path: `/api/v1/organizations/${h.orgA}` }),
  },
  {
    name: 'GET /api/v1/organization_roles',
    method: 'GET',
    expect: CONSOLE_USERS,
    request: async () => ({ path: '/api/v1/organization_roles' }),
  },
  {
    name: 'list GET …/invitations',
    method: 'GET',
    expect: ORG_A_MANAGERS,
    request: async (h) => ({ path: `/api/v1/organizations/${h.orgA}/invitations?status=pending` }),
  },
  {
    name: 'create POST …/invitations',
    method: 'POST',
    expect: ORG_A_MANAGERS,
    request: async (h, who) => ({
      path: `/api/v1/organizations/${h.orgA}/invitations`,
      body: { email_address: uniqueEmail(who), role: 'org:member' },
    }),
  },
  {
    name: 'bulkCreate POST …/invitations/bulk',
    method: 'POST',
    expect: ORG_A_MANAGERS,
    request: async (h, who) => ({
      path: `/api/v1/organizations/${h.orgA}/invitations/bulk`,
      body: [
        { email_address: uniqueEmail(who), role: 'org:member' },
        { email_address: uniqueEmail(who), role: 'org:admin' },
      ],
    }),
  },
  {
    name: 'listPending GET …/invitations/pending',
    method: 'GET',
    expect: ORG_A_MANAGERS,
    request: async (h) => ({ path: `/api/v1/organizations/${h.orgA}/invitations/pending` }),
  },
  {
    name: 'get GET …/invitations/:inv',
    method: 'GET',
    expect: ORG_A_MANAGERS,
    request: async (h) => ({
      path: `/api/v1/organizations/${h.orgA}/invitations/${await pendingInvitation(h)}`,
    }),
  },
  {
    name: 'revoke POST …/invitations/:inv/revoke',
    method: 'POST',
    expect: ORG_A_MANAGERS,
    request: async (h) => ({
      path: `/api/v1/organizations/${h.orgA}/invitations/${await pendingInvitation(h)}/revoke`,
      body: {},
    }),
  },
  {
    name: 'POST /api/bulk-invitations/check',
    method: 'POST',
    expect: ORG_A_MANAGERS,
    request: async (h, who) => ({
      path: '/api/bulk-invitations/check',
      body: { organization_id: h.orgA, email_addresses: [uniqueEmail(who), 'ada@acme.example'] },
    }),
  },
  {
    name: 'POST /api/bulk-invitations',
    method: 'POST',
    expect: ORG_A_CREATORS,
    request: async (h, who) => ({
      path: '/api/bulk-invitations',
      body: { organization_id: h.orgA, rows: [{ email_address: uniqueEmail(who), role: 'org:member' }] },
    }),
  },
  {
    name: 'GET /api/bulk-invitations/:id',
    method: 'GET',
    expect: ORG_A_JOB,
    request: async (h) => ({ path: `/api/bulk-invitations/${await orgAJob(h)}` }),
  },
  {
    name: 'GET /api/bulk-invitations/:id/results.csv',
    method: 'GET',
    expect: ORG_A_JOB,
    request: async (h) => ({ path: `/api/bulk-invitations/${await orgAJob(h)}/results.csv` }),
  },
  {
    name: 'POST /api/bulk-invitations/:id/cancel',
    method: 'POST',
    expect: ORG_A_JOB,
    request: async (h) => ({ path: `/api/bulk-invitations/${await orgAJob(h)}/cancel` }),
  },
  {
    name: 'POST /api/bulk-invitations/:id/retry',
    method: 'POST',
    expect: ORG_A_JOB,
    request: async (h) => ({ path: `/api/bulk-invitations/${await orgAJob(h)}/retry` }),
  },
  {
    name: 'GET /api/organizations/:org/bulk-invitations',
    method: 'GET',
    expect: ORG_A_MANAGERS,
    request: async (h) => ({ path: `/api/organizations/${h.orgA}/bulk-invitations` }),
  },
  {
    name: 'GET /api/activity',
    method: 'GET',
    expect: CONSOLE_USERS,
    request: async () => ({ path: '/api/activity' }),
  },
  {
    name: 'GET /api/activity?organization_id=:org',
    method: 'GET',
    expect: ORG_A_MANAGERS,
    request: async (h) => ({ path: `/api/activity?organization_id=${h.orgA}` }),
  },
];

let h: Harness;
const tokens = {} as Record<Persona, string>;

beforeAll(async () => {
  h = await startHarness();
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const)
    tokens[persona] = await h.tokenFor(persona);
});
afterAll(() => h.close());

const CASES = ROUTES.flatMap((route) =>
  WHO.map((who) => [route.name, who, route.expect[who], route] as const),
);

describe('authorization matrix', () => {
  it.each(CASES)('%s as %s answers %i', async (_name, who, status, route) => {
    const { path, body } = await route.request(h, who);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (who !== 'anonymous') headers.authorization = `Bearer ${tokens[who]}`;
    const before = h.calls.length;
    const res = await h.app.request(path, {
      method: route.method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const csv = path.endsWith('.csv') && status === 200;
    const json = (csv ? { csv: await res.text() } : await res.json()) as Record<string, unknown>;
    expect(res.status, JSON.stringify(json)).toBe(status);
    expect(res.headers.get('content-type')).toBe(csv ? 'text/csv; charset=utf-8' : 'application/json');

    const resourcePath = path.replace(/^\/api/, '').split('?')[0] as string;
    const reachedResource = h.calls.slice(before).some((c) => c.path === resourcePath);
    if (status === 401 || status === 403 || status === 404) {
      expect(json).toEqual({
        errors: [expect.any(Object)],
        clerk_trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      const code = (json.errors as { code: string }[])[0]?.code;
      const expected = {
        401: 'authentication_invalid',
        403: 'authorization_invalid',
        404: 'resource_not_found',
      };
      expect(code).toBe(expected[status]);
      expect(reachedResource).toBe(false);
    }
    if (status === 200 && who !== 'staff') expect(JSON.stringify(json)).not.toContain('private_metadata');
  });
});

describe('what each role sees', () => {
  it('staff see private metadata of invitations; an org admin gets the same invitation without it', async () => {
    const inv = await pendingInvitation(h);
    const path = `/api/v1/organizations/${h.orgA}/invitations/${inv}`;
    const asStaff = await h.app.request(path, { headers: { authorization: `Bearer ${tokens.staff}` } });
    const asAdmin = await h.app.request(path, { headers: { authorization: `Bearer ${tokens.adminA}` } });
    expect(await asStaff.json()).toMatchObject({ id: inv, private_metadata: { note: 'internal-only' } });
    const adminView = (await asAdmin.json()) as Record<string, unknown>;
    expect(adminView.id).toBe(inv);
    expect(adminView).not.toHaveProperty('private_metadata');
  });

  it('an org admin is refused a well-formed id of another organization', async () => {
    const res = await h.app.request(`/api/v1/organizations/${h.orgB}/invitations`, {
      headers: { authorization: `Bearer ${tokens.adminA}` },
    });
    expect(res.status).toBe(403);
  });

  it('/api/me tells an org admin which organizations they administer', async () => {
    const res = await h.app.request('/api/me', { headers: { authorization: `Bearer ${tokens.adminA}` } });
    const me = (await res.json()) as { is_staff: boolean; organizations: { id: string; role: string }[] };
    expect(me.is_staff).toBe(false);
    expect(me.organizations).toEqual([expect.objectContaining({ id: h.orgA, role: 'org:admin' })]);
  });

  it('/api/me marks staff as staff and a plain member as administering nothing', async () => {
    const staff = await (
      await h.app.request('/api/me', { headers: { authorization: `Bearer ${tokens.staff}` } })
    ).json();
    const member = await (
      await h.app.request('/api/me', { headers: { authorization: `Bearer ${tokens.member}` } })
    ).json();
    expect(staff).toMatchObject({ is_staff: true, user: { id: h.userIds.staff } });
    expect(member).toMatchObject({ is_staff: false, organizations: [] });
  });
});

describe('bulk jobs and activity never leak across organizations', () => {
  it('the admin of another organization sees none of its activity, even filtering by actor', async () => {
    await h.app.request(`/api/v1/organizations/${h.orgA}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.adminA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email_address: uniqueEmail('adminA'), role: 'org:member' }),
    });
    await h.flushActivity();
    const asB = async (query: string) =>
      (await (
        await h.app.request(`/api/activity${query}`, {
          headers: { authorization: `Bearer ${tokens.adminB}` },
        })
      ).json()) as ActivityList;
    for (const query of ['?limit=500', `?actor_id=${h.userIds.adminA}`, '?action=invitation.create']) {
      const { data } = await asB(query);
      expect(data.filter((e) => e.organization_id !== h.orgB)).toEqual([]);
    }
    const staff = await (
      await h.app.request('/api/activity?limit=500', { headers: { authorization: `Bearer ${tokens.staff}` } })
    ).json();
    expect((staff as ActivityList).data.some((e) => e.organization_id === h.orgA)).toBe(true);
  });

  it('the admin of another organization cannot list, read, cancel or retry its bulk jobs', async () => {
    const id = await orgAJob(h);
    const asB = (method: string, path: string) =>
      h.app.request(path, { method, headers: { authorization: `Bearer ${tokens.adminB}` } });
    expect((await asB('GET', `/api/organizations/${h.orgA}/bulk-invitations`)).status).toBe(403);
    const mine = await asB('GET', `/api/organizations/${h.orgB}/bulk-invitations?limit=500`);
    expect(JSON.stringify(await mine.json())).not.toContain(id);
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/results.csv'],
      ['POST', '/cancel'],
      ['POST', '/retry'],
    ] as const) {
      const res = await asB(method, `/api/bulk-invitations/${id}${suffix}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(await res.json())).not.toContain(h.orgA);
    }
    const job = await h.store.db
      .selectFrom('bulk_jobs')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(job?.status).toBe('queued');
  });
});
