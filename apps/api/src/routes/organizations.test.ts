import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.ts';

let h: Harness;
let linusToken: string;
let staffToken: string;

beforeAll(async () => {
  h = await startHarness();
  staffToken = await h.tokenFor('staff');
  const users = (await (await h.emulator('GET', '/v1/users?limit=100')).json()) as {
    id: string;
    first_name: string;
  }[];
  const linus = users.find((u) => u.first_name === 'Linus');
  if (!linus) throw new Error('demo user Linus missing');
  const session = (await (await h.emulator('POST', '/v1/sessions', { user_id: linus.id })).json()) as {
    id: string;
  };
  linusToken = (
    (await (await h.emulator('POST', `/v1/sessions/${session.id}/tokens`, {})).json()) as { jwt: string }
  ).jwt;
});
afterAll(() => h.close());

type OrgList = {
  data: { slug: string; pending_invitations_count?: number; private_metadata?: unknown }[];
  total_count: number;
};
const list = async (token: string, query = '') =>
  (await (
    await h.app.request(`/api/v1/organizations${query}`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as OrgList;

describe('listing organizations', () => {
  it('gives an org admin exactly the organizations they administer, with counts and no private metadata', async () => {
    const orgs = await list(linusToken, '?order_by=name');
    expect(orgs.data.map((o) => o.slug)).toEqual(['initech', 'umbrella']);
    expect(orgs.total_count).toBe(2);
    for (const org of orgs.data) {
      expect(typeof org.pending_invitations_count).toBe('number');
      expect(org).not.toHaveProperty('private_metadata');
    }
  });

  it('applies query, order, limit and offset to an admin list', async () => {
    expect((await list(linusToken, '?query=UMB')).data.map((o) => o.slug)).toEqual(['umbrella']);
    expect((await list(linusToken, '?order_by=-name')).data.map((o) => o.slug)).toEqual([
      'umbrella',
      'initech',
    ]);
    const page = await list(linusToken, '?order_by=name&limit=1&offset=1');
    expect(page).toMatchObject({ data: [{ slug: 'umbrella' }], total_count: 2 });
  });

  it('gives staff every organization', async () => {
    const orgs = await list(staffToken, '?limit=100');
    expect(orgs.data.map((o) => o.slug)).toEqual(
      expect.arrayContaining(['acme', 'globex', 'initech', 'umbrella']),
    );
  });

  it('rejects an invalid limit with 422', async () => {
    const res = await h.app.request('/api/v1/organizations?limit=0', {
      headers: { authorization: `Bearer ${linusToken}` },
    });
    expect(res.status).toBe(422);
  });

  it('answers a single organization by id but not by slug', async () => {
    const byId = await h.app.request(`/api/v1/organizations/${h.orgA}`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect(await byId.json()).toMatchObject({ id: h.orgA, slug: 'acme' });
    const bySlug = await h.app.request('/api/v1/organizations/acme', {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect(bySlug.status).toBe(404);
  });

  it('lists roles for an org admin', async () => {
    const res = await h.app.request('/api/v1/organization_roles', {
      headers: { authorization: `Bearer ${linusToken}` },
    });
    const roles = (await res.json()) as { data: { key: string }[] };
    expect(roles.data.map((r) => r.key)).toEqual(expect.arrayContaining(['org:admin', 'org:member']));
  });
});
