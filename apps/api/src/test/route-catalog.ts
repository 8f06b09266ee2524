import type { RouteConfig } from '@hono/zod-openapi';
import {
  BulkCreateInvitationsBody,
  CreateInvitationBody,
  DemoSignInBody,
  ListInstanceInvitationsQuery,
  ListOrganizationInvitationsQuery,
  ListOrganizationsQuery,
  ListPendingInvitationsQuery,
  ListRolesQuery,
  PaginationQuery,
  RevokeInvitationBody,
  UserByEmailQuery,
} from '@invites/clerk-schema';
import type { z } from 'zod';
import { type App, createApp } from '../app.ts';
import { type AccessLevel, accessOf } from '../auth/access.ts';
import { appConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { silentLogger } from '../log.ts';
import type { Harness, Persona } from './harness.ts';

/**
 * Every route the api serves, for the suites that must cover all of them (headers, hostile input,
 * authorization matrix and leaks, secrecy). Read from the app itself: each `/api` route with the access
 * level of the guard it is mounted behind (`x-access` of its contract, for the console's own routes)
 * and, for contract routes, the query and body schemas of the contract. What is written here by hand
 * is test data only: a name, a body each route accepts, the schemas of the Clerk-shaped routes.
 */

/** Values the path placeholders (and bodies) are filled with. */
export interface RouteFixtures {
  org: string;
  /** A pending invitation of `org`. */
  inv: string;
  /** A bulk job of `org`. */
  job: string;
  /** A user (the person lookup's memberships); a well-formed id no user has when absent. */
  user?: string;
}

export interface RouteSpec {
  name: string;
  method: 'GET' | 'POST';
  /** With `:org` / `:inv` / `:id` (a bulk job) placeholders. */
  pattern: string;
  access: AccessLevel;
  /** The schema of the query string, when the route reads one. */
  query?: z.ZodType;
  /** The schema of the JSON body, when the route reads one. */
  body?: z.ZodType;
  /** A body the route accepts (unique per call where that matters). */
  validBody?: (fx: RouteFixtures) => unknown;
  /** The status of a successful call. */
  okStatus: number;
  /** The body size limit that applies (default `bodyLimitBytes`). */
  bodyLimit?: 'default' | 'bulk';
  /** A query string the route needs to answer 2xx (when its query has required parameters). */
  validQuery?: string;
}

type TestData = Pick<RouteSpec, 'name'> &
  Partial<Pick<RouteSpec, 'query' | 'body' | 'validBody' | 'okStatus' | 'bodyLimit' | 'validQuery'>>;

let seq = 0;
/** A unique, valid address. */
export const uniqueEmail = (label = 'catalog') =>
  `${label}-${Date.now()}-${process.pid}-${seq++}@example.com`;

/** Test data per route (`METHOD pattern`); schemas only for routes without a contract. */
const TEST_DATA: Record<string, TestData> = {
  'GET /api/health': { name: 'health' },
  'GET /api/me': { name: 'me' },
  'GET /api/openapi.json': { name: 'openapi document' },
  'GET /api/config': { name: 'config' },
  'GET /api/demo/users': { name: 'demo users' },
  'POST /api/demo/sign-in-tokens': { name: 'demo sign-in token', body: DemoSignInBody, okStatus: 201 },
  'GET /api/v1/organization_invitations': { name: 'getAll', query: ListInstanceInvitationsQuery },
  'GET /api/v1/organizations': { name: 'organizations', query: ListOrganizationsQuery },
  'GET /api/v1/organizations/:org': { name: 'organization' },
  'GET /api/v1/organization_roles': { name: 'roles', query: ListRolesQuery },
  'GET /api/v1/organizations/:org/invitations': { name: 'list', query: ListOrganizationInvitationsQuery },
  'POST /api/v1/organizations/:org/invitations': {
    name: 'create',
    body: CreateInvitationBody,
    validBody: () => ({ email_address: uniqueEmail('create'), role: 'org:member' }),
  },
  'POST /api/v1/organizations/:org/invitations/bulk': {
    name: 'bulkCreate',
    body: BulkCreateInvitationsBody,
    validBody: () => [
      { email_address: uniqueEmail('bulk'), role: 'org:member' },
      { email_address: uniqueEmail('bulk'), role: 'org:admin' },
    ],
  },
  'GET /api/v1/organizations/:org/invitations/pending': {
    name: 'listPending',
    query: ListPendingInvitationsQuery,
  },
  'GET /api/v1/organizations/:org/invitations/:inv': { name: 'get' },
  'POST /api/v1/organizations/:org/invitations/:inv/revoke': {
    name: 'revoke',
    body: RevokeInvitationBody,
    validBody: () => ({}),
  },
  'POST /api/bulk-invitations/check': {
    name: 'bulk check',
    validBody: (fx) => ({ organization_id: fx.org, email_addresses: [uniqueEmail('check'), 'Not An Email'] }),
  },
  'POST /api/bulk-invitations': {
    name: 'bulk job create',
    validBody: (fx) => ({
      organization_id: fx.org,
      rows: [{ email_address: uniqueEmail('job'), role: 'org:member' }],
    }),
    bodyLimit: 'bulk',
  },
  'GET /api/bulk-invitations/:id': { name: 'bulk job get' },
  'GET /api/bulk-invitations/:id/results.csv': { name: 'bulk job results' },
  'POST /api/bulk-invitations/:id/cancel': { name: 'bulk job cancel' },
  'POST /api/bulk-invitations/:id/retry': { name: 'bulk job retry' },
  'GET /api/organizations/:org/bulk-invitations': { name: 'bulk jobs of an organization' },
  'GET /api/activity': { name: 'activity' },
  'GET /api/organizations/:org/invitations/export.csv': { name: 'export an organization’s invitations' },
  'GET /api/organization_invitations/export.csv': { name: 'export every invitation' },
  'POST /api/organizations/:org/invitation-jobs': {
    name: 'invitation job start',
    // A well-formed id no invitation has: the job starts without reading Clerk, and its one row ends
    // "not found" at the first look, so a suite with a worker running stays light.
    validBody: () => ({ kind: 'revoke', invitation_ids: ['orginv_2NoSuchInvitation0000000000'] }),
  },
  'POST /api/organizations/:org/invitations/:inv/resend': { name: 'resend', validBody: () => ({}) },
  'GET /api/organizations/:org/invitations/expiring': { name: 'expiring', validQuery: 'expires_within=7' },
  'GET /api/invitations/expiring': { name: 'expiring (all organizations)', validQuery: 'expires_within=30' },
  'GET /api/v1/users': {
    name: 'user by email',
    query: UserByEmailQuery,
    validQuery: 'email_address=ada%40acme.example',
  },
  'GET /api/v1/users/:user/organization_memberships': { name: 'user memberships', query: PaginationQuery },
  'GET /api/activity/changes': { name: 'activity changes' },
  'GET /api/acceptance': { name: 'acceptance of organizations' },
  'GET /api/organizations/:org/acceptance': { name: 'acceptance of an organization' },
  // The suites send no signature: the route answers 400 to everyone (routes/webhooks.test.ts signs).
  'POST /api/webhooks/clerk': { name: 'clerk webhook' },
};

/** A route as the app serves it: method, pattern and the access level of its guard (null: none). */
export interface ServedRoute {
  method: string;
  pattern: string;
  access: AccessLevel | null;
}

/** Every `/api` route of `app` (not the catch-alls), with the access level of the guard it is mounted behind. */
export function servedRoutes(app: App): ServedRoute[] {
  const routes = new Map<string, ServedRoute>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const key = `${r.method} ${r.path}`;
    const route = routes.get(key) ?? { method: r.method, pattern: r.path, access: null };
    route.access ??= accessOf(r.handler) ?? null;
    routes.set(key, route);
  }
  return [...routes.values()];
}

/** The contract a console route was mounted with, as zod-openapi registered it. */
export function contractOf(app: App, method: string, pattern: string): RouteConfig | undefined {
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const path = def.route.path.replaceAll(/\{(\w+)\}/g, ':$1');
    if (def.route.method.toUpperCase() === method && path === pattern) return def.route as RouteConfig;
  }
  return undefined;
}

/** An app as the tests build it (no network until a request arrives; demo routes mounted). */
export function catalogApp(): App {
  const config = appConfig({
    clerkApiUrl: 'http://127.0.0.1:9',
    clerkSecretKey: 'sk_test_catalog',
    nodeEnv: 'test',
  });
  return createApp(config, createDeps(config, { logger: silentLogger }));
}

function routeSpec(app: App, served: ServedRoute): RouteSpec {
  const key = `${served.method} ${served.pattern}`;
  const data = TEST_DATA[key] ?? { name: key };
  const contract = contractOf(app, served.method, served.pattern);
  const okFromContract = Object.keys(contract?.responses ?? {})
    .map(Number)
    .find((status) => status >= 200 && status < 300);
  const body = (contract?.request?.body?.content['application/json'] as { schema?: unknown } | undefined)
    ?.schema;
  return {
    ...data,
    method: served.method as RouteSpec['method'],
    pattern: served.pattern,
    access: served.access ?? 'public',
    okStatus: data.okStatus ?? okFromContract ?? 200,
    ...(contract?.request?.query ? { query: contract.request.query as z.ZodType } : {}),
    ...(body ? { body: body as z.ZodType } : {}),
  };
}

export const ROUTES: RouteSpec[] = (() => {
  const app = catalogApp();
  return servedRoutes(app).map((served) => routeSpec(app, served));
})();

type Who = 'anonymous' | Persona;

/**
 * The status the access rules give `who` on `route`, filled with organization `org`'s fixtures:
 * anonymous 401, others as the route's access level says (another organization's bulk job reads as
 * missing, so job ids leak nothing).
 */
export function expectedStatus(route: RouteSpec, who: Who, org: 'A' | 'B'): number {
  const ok = route.okStatus;
  if (route.access === 'public' || route.access === 'demo') return ok;
  // Credentials mean nothing to Clerk's webhook: unsigned, it is a 400 whoever sends it.
  if (route.access === 'webhook') return 400;
  if (who === 'anonymous') return 401;
  const consoleUser = who === 'staff' || who === 'adminA' || who === 'adminB';
  const manages = who === 'staff' || (who === 'adminA' && org === 'A') || (who === 'adminB' && org === 'B');
  switch (route.access) {
    case 'signed_in':
      return ok;
    case 'console_user':
      return consoleUser ? ok : 403;
    case 'staff':
      return who === 'staff' ? ok : 403;
    case 'org_manager':
    case 'body_org_manager':
      return manages ? ok : 403;
    case 'job_manager':
      return !consoleUser ? 403 : manages ? ok : 404;
  }
}

/** The pattern with its placeholders filled. */
export function routePath(route: Pick<RouteSpec, 'pattern'>, fx: RouteFixtures): string {
  return route.pattern
    .replace(':org', fx.org)
    .replace(':inv', fx.inv)
    .replace(':id', fx.job)
    .replace(':user', fx.user ?? 'user_2NoSuchUser0000000000000000');
}

/** The filled pattern with the query string the route needs to succeed, if any. */
export function routeUrl(route: Pick<RouteSpec, 'pattern' | 'validQuery'>, fx: RouteFixtures): string {
  return routePath(route, fx) + (route.validQuery ? `?${route.validQuery}` : '');
}

/** A queued bulk job of `org` with one row, created through the api as staff (no worker runs it). */
export async function bulkJob(h: Harness, org: string, staffToken: string): Promise<string> {
  const res = await h.app.request('/api/bulk-invitations', {
    method: 'POST',
    headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      organization_id: org,
      rows: [{ email_address: uniqueEmail('job-fixture'), role: 'org:member' }],
    }),
  });
  if (res.status !== 201)
    throw new Error(`could not create a fixture job: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A fresh pending invitation in `org`, created directly in the emulator, with private metadata. */
export async function pendingInvitation(h: Harness, org: string): Promise<string> {
  const res = await h.emulator('POST', `/v1/organizations/${org}/invitations`, {
    email_address: uniqueEmail('fixture'),
    role: 'org:member',
    private_metadata: { note: 'internal-only' },
  });
  if (!res.ok) throw new Error(`could not create a fixture invitation: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}
