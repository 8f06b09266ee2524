import { ListOrganizationsQuery, Organization } from '@invites/clerk-schema';
import { Hono } from 'hono';
import { adminOrgs } from '../auth/principal.ts';
import { ApiError } from '../http/errors.ts';
import { parseQuery, toSearchParams } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import { readUpstream, type UpstreamClient } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';
import { relay, withoutPrivateMetadata } from '../upstream/relay.ts';
import type { RouteDeps } from './route-deps.ts';

type OrgRecord = { raw: unknown; org: Organization };

const WITH_COUNTS = () => new URLSearchParams({ include_members_count: 'true' });

/** The organization as the upstream has it now, or null when it no longer exists. */
async function fetchOrganization(upstream: UpstreamClient, id: string): Promise<OrgRecord | null> {
  try {
    const res = await upstream.send({ method: 'GET', path: `/v1/organizations/${id}`, query: WITH_COUNTS() });
    const raw = await readUpstream(res);
    const parsed = Organization.safeParse(raw);
    if (!parsed.success)
      throw new UpstreamError('bad_response', 'unexpected organization shape from upstream');
    return { raw, org: parsed.data };
  } catch (err) {
    if (err instanceof ApiError && err.failure.status === 404) return null;
    throw err;
  }
}

function matches(org: Organization, query: string | undefined): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return org.id === query || org.name.toLowerCase().includes(q) || org.slug.toLowerCase().includes(q);
}

function comparator(orderBy: string) {
  const desc = orderBy.startsWith('-');
  const key = orderBy.replace(/^[+-]/, '') as 'name' | 'created_at' | 'members_count';
  return (a: OrgRecord, b: OrgRecord) => {
    const x = a.org[key] ?? 0;
    const y = b.org[key] ?? 0;
    const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    return desc ? -order : order;
  };
}

/** `GET /organizations` (what the user may manage) and `GET /organizations/:org`. Mounted at `/api/v1`. */
export function organizationRoutes({ upstream, access }: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/organizations', access('console_user'), async (c) => {
      const p = c.get('principal');
      const query = parseQuery(c, ListOrganizationsQuery);
      if (p.isStaff) {
        const params = toSearchParams(query);
        params.set('include_members_count', 'true');
        return relay(await upstream.send({ method: 'GET', path: '/v1/organizations', query: params }), {
          strip: false,
        });
      }
      const records = await Promise.all(adminOrgs(p).map((m) => fetchOrganization(upstream, m.id)));
      const found = records
        .filter((r): r is OrgRecord => r !== null && matches(r.org, query.query))
        .sort(comparator(query.order_by));
      const page = found.slice(query.offset, query.offset + query.limit);
      return c.json({ data: page.map((r) => withoutPrivateMetadata(r.raw)), total_count: found.length });
    })
    .get('/organizations/:org', access('org_manager'), async (c) => {
      const res = await upstream.send({
        method: 'GET',
        path: `/v1/organizations/${c.req.param('org')}`,
        query: WITH_COUNTS(),
      });
      return relay(res, { strip: !c.get('principal').isStaff });
    });
}
