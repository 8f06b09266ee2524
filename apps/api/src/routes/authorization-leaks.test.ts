import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';
import {
  bulkJob,
  expectedStatus,
  pendingInvitation,
  ROUTES,
  type RouteSpec,
  routeUrl,
  uniqueEmail,
} from '../test/route-catalog.ts';

/**
 * Every route of the catalog × anonymous, plain member, admin of A, admin of B, staff × organization
 * A and B: the status the access rules give, no upstream call when refused, and no leak in what is
 * answered: no private metadata to anyone but staff, nothing of an organization the user does not
 * manage (its id, invitations, addresses, bulk jobs or activity entries).
 */

type Who = 'anonymous' | Persona;
type Org = 'A' | 'B';
const WHO: Who[] = ['anonymous', 'member', 'adminA', 'adminB', 'staff'];
const SECRET_NOTE = 'internal-only-note';

let h: Harness;
const tokens = {} as Record<Persona, string>;
const orgId = (org: Org) => (org === 'A' ? h.orgA : h.orgB);
/** Strings that belong to one organization only: its id, invitation ids, job ids, addresses. */
const markers: Record<Org, string[]> = { A: [], B: [] };

const manages = (who: Who, org: Org) =>
  who === 'staff' || (who === 'adminA' && org === 'A') || (who === 'adminB' && org === 'B');

/** Routes whose answer depends on the organization are tried with both; the others once. */
const orgDependent = (route: RouteSpec) =>
  /:org|:inv|:id/.test(route.pattern) || route.access === 'body_org_manager';

interface Case {
  label: string;
  route: RouteSpec;
  who: Who;
  org: Org;
  query: string;
  expected: number;
}

const CASES: Case[] = ROUTES.flatMap((route) =>
  (orgDependent(route) ? (['A', 'B'] as Org[]) : (['A'] as Org[])).flatMap((org) =>
    WHO.map((who) => ({
      label: `${route.method} ${route.pattern}${orgDependent(route) ? ` (org ${org})` : ''} as ${who}`,
      route,
      who,
      org,
      query: '',
      expected: expectedStatus(route, who, org),
    })),
  ),
);
// The activity log filtered by an organization: a 403 for one the user does not manage.
const activity = ROUTES.find((r) => r.name === 'activity') as RouteSpec;
for (const org of ['A', 'B'] as Org[]) {
  for (const who of WHO) {
    CASES.push({
      label: `GET /api/activity?organization_id=(org ${org}) as ${who}`,
      route: activity,
      who,
      org,
      query: 'FILTER',
      expected: who === 'anonymous' ? 401 : manages(who, org) ? 200 : 403,
    });
  }
}

beforeAll(async () => {
  h = await startHarness({ roleCacheTtlMs: 3_600_000, tokenCacheTtlMs: 3_600_000 });
  for (const persona of ['member', 'adminA', 'adminB', 'staff'] as const) {
    tokens[persona] = await h.tokenFor(persona);
    await h.app.request('/api/me', { headers: { authorization: `Bearer ${tokens[persona]}` } });
  }
  // Data in both organizations, including private metadata and activity entries, made through the api.
  for (const org of ['A', 'B'] as Org[]) {
    markers[org].push(orgId(org));
    const email = uniqueEmail(`leak-${org}`);
    const res = await h.app.request(`/api/v1/organizations/${orgId(org)}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email_address: email,
        role: 'org:member',
        private_metadata: { note: SECRET_NOTE },
      }),
    });
    expect(res.status).toBe(200);
    markers[org].push(email, ((await res.json()) as { id: string }).id);
    markers[org].push(await bulkJob(h, orgId(org), tokens.staff));
  }
  await h.flushActivity();
});
afterAll(() => h.close());

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

async function fixturesFor(route: RouteSpec, org: Org) {
  return {
    org: orgId(org),
    inv: route.pattern.includes(':inv') ? await pendingInvitation(h, orgId(org)) : 'orginv_unused',
    job: route.pattern.includes(':id') ? await bulkJob(h, orgId(org), tokens.staff) : 'bulkjob_unused',
    user: h.userIds.member,
  };
}

describe('authorization matrix with leak checks', () => {
  it.each(CASES.map((c) => [c.label, c.expected, c] as const))('%s answers %i', async (_label, _s, c) => {
    const fx = await fixturesFor(c.route, c.org);
    const path = routeUrl(c.route, fx) + (c.query === 'FILTER' ? `?organization_id=${fx.org}` : '');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (c.who !== 'anonymous') headers.authorization = `Bearer ${tokens[c.who]}`;
    const body =
      c.route.name === 'demo sign-in token' ? { user_id: h.userIds.member } : c.route.validBody?.(fx);
    const before = h.calls.length;
    const res = await h.app.request(path, {
      method: c.route.method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(c.expected);

    if (res.status >= 400) {
      expect(JSON.parse(text)).toEqual({
        errors: [expect.objectContaining({ code: expect.any(String) })],
        clerk_trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect(h.calls.slice(before), 'a refused request reached the upstream').toEqual([]);
      return;
    }
    if (c.who === 'staff' || c.route.access === 'demo' || c.route.access === 'public') return;

    expect(text).not.toContain(SECRET_NOTE);
    const json = res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : null;
    expect([...keysOf(json)]).not.toContain('private_metadata');
    const other: Org = c.who === 'adminA' ? 'B' : 'A';
    if (c.who === 'adminA' || c.who === 'adminB') {
      for (const marker of markers[other])
        expect(text, `leaks ${marker} of org ${other}`).not.toContain(marker);
    }
    const entries = (json as { data?: { organization_id?: string | null }[] } | null)?.data ?? [];
    const own = c.who === 'adminA' ? h.orgA : h.orgB;
    for (const entry of entries) {
      if (entry && typeof entry === 'object' && 'organization_id' in entry) {
        expect(entry.organization_id).toBe(own);
      }
    }
  });
});

describe('the checks above are not vacuous', () => {
  it("an org admin's activity log has entries, all of their organization", async () => {
    const res = await h.app.request('/api/activity?limit=500', {
      headers: { authorization: `Bearer ${tokens.adminA}` },
    });
    const { data } = (await res.json()) as { data: { organization_id: string }[] };
    expect(data.length).toBeGreaterThan(0);
    expect(new Set(data.map((e) => e.organization_id))).toEqual(new Set([h.orgA]));
  });

  it('staff get private metadata and every organization’s activity', async () => {
    const inv = await pendingInvitation(h, h.orgB);
    const res = await h.app.request(`/api/v1/organizations/${h.orgB}/invitations/${inv}`, {
      headers: { authorization: `Bearer ${tokens.staff}` },
    });
    expect(await res.json()).toMatchObject({ private_metadata: { note: 'internal-only' } });
    const log = await h.app.request('/api/activity?limit=500', {
      headers: { authorization: `Bearer ${tokens.staff}` },
    });
    const orgs = new Set(
      ((await log.json()) as { data: { organization_id: string }[] }).data.map((e) => e.organization_id),
    );
    expect(orgs).toEqual(new Set([h.orgA, h.orgB]));
  });
});
