import type { ActivityList } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBulkJob } from '../bulk/job-repository.ts';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';
import { expectedStatus, ROUTES, type RouteSpec, routeUrl } from '../test/route-catalog.ts';

/**
 * Every route the api serves (the route catalog, read from the app: each route's access level is the
 * guard it is mounted behind, from its contract for the console's own routes) × anonymous, a plain
 * member, the admins of A and B and staff, on organization A: the status the access level gives, in
 * Clerk's envelope, and a refused request never reaches the resource upstream.
 */

type Who = 'anonymous' | Persona;
const WHO: Who[] = ['anonymous', 'member', 'adminA', 'adminB', 'staff'];

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

/** The path and body of a call to `route` on organization A, with fresh fixtures where it needs them. */
async function requestFor(route: RouteSpec, who: Who): Promise<{ path: string; body?: unknown }> {
  const fx = {
    org: h.orgA,
    inv: route.pattern.includes(':inv') ? await pendingInvitation(h) : 'orginv_unused',
    job: route.pattern.includes(':id') ? await orgAJob(h) : 'bulkjob_unused',
    user: h.userIds.member,
  };
  const body =
    route.name === 'demo sign-in token'
      ? { user_id: h.userIds.member }
      : route.name === 'create'
        ? { email_address: uniqueEmail(who), role: 'org:member' }
        : route.validBody?.(fx);
  return { path: routeUrl(route, fx), ...(body === undefined ? {} : { body }) };
}

let h: Harness;
const tokens = {} as Record<Persona, string>;

beforeAll(async () => {
  h = await startHarness();
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const)
    tokens[persona] = await h.tokenFor(persona);
});
afterAll(() => h.close());

const CASES = ROUTES.flatMap((route) =>
  WHO.map(
    (who) => [`${route.method} ${route.pattern}`, who, expectedStatus(route, who, 'A'), route] as const,
  ),
);

describe('authorization matrix', () => {
  it('covers every access level there is', () => {
    expect(new Set(ROUTES.map((r) => r.access))).toEqual(
      new Set([
        'public',
        'signed_in',
        'console_user',
        'org_manager',
        'staff',
        'body_org_manager',
        'job_manager',
        'demo',
        'webhook',
      ]),
    );
  });

  it.each(CASES)('%s as %s answers %i', async (_name, who, status, route) => {
    const { path, body } = await requestFor(route, who);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (who !== 'anonymous') headers.authorization = `Bearer ${tokens[who]}`;
    const before = h.calls.length;
    const res = await h.app.request(path, {
      method: route.method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const csv = path.endsWith('.csv') && status === 200;
    const text = await res.text();
    const json = (csv || text === '' ? { text } : JSON.parse(text)) as Record<string, unknown>;
    expect(res.status, text.slice(0, 300)).toBe(status);
    if (status !== 204) {
      expect(res.headers.get('content-type')).toBe(csv ? 'text/csv; charset=utf-8' : 'application/json');
    }

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
    // The published document names the field (staff answers carry it); it holds no one's data.
    if (status === 200 && who !== 'staff' && route.name !== 'openapi document') {
      expect(text).not.toContain('private_metadata');
    }
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
