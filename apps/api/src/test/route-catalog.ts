import {
  ActivityQuery,
  BulkCheckBody,
  BulkCreateInvitationsBody,
  CreateBulkJobBody,
  CreateInvitationBody,
  DemoSignInBody,
  ExpiringInstanceInvitationsQuery,
  ExpiringInvitationsQuery,
  ListBulkJobsQuery,
  ListInstanceInvitationsQuery,
  ListOrganizationInvitationsQuery,
  ListOrganizationsQuery,
  ListPendingInvitationsQuery,
  ListRolesQuery,
  PaginationQuery,
  ResendInvitationBody,
  RevokeInvitationBody,
  StartInvitationJobBody,
  UserByEmailQuery,
} from '@invites/clerk-schema';
import type { z } from 'zod';
import type { Harness } from './harness.ts';

/**
 * Every route the api serves, for the suites that must cover all of them (headers, hostile input,
 * authorization leaks, secrecy). A route added to the api belongs here too.
 */

/**
 * Who may call a route: anyone; any signed-in user; staff or any admin; staff or admins of `:org`
 * (403 otherwise); staff; staff or admins of the body's `organization_id` (403 otherwise); staff or
 * admins of the `:job`'s organization (404 otherwise, so job ids leak nothing); the demo sign-in.
 */
export type Access =
  | 'public'
  | 'signed_in'
  | 'console_user'
  | 'org_manager'
  | 'staff'
  | 'body_org_manager'
  | 'job_manager'
  | 'demo';

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
  /** With `:org` / `:inv` placeholders. */
  pattern: string;
  access: Access;
  /** The schema of the query string, when the route reads one. */
  query?: z.ZodType;
  /** The schema of the JSON body, when the route reads one. */
  body?: z.ZodType;
  /** A body the route accepts (unique per call where that matters). */
  validBody?: (fx: RouteFixtures) => unknown;
  /** The status of a successful call (default 200). */
  okStatus?: number;
  /** The body size limit that applies (default `bodyLimitBytes`). */
  bodyLimit?: 'default' | 'bulk';
  /** A query string the route needs to answer 2xx (when its query has required parameters). */
  validQuery?: string;
}

let seq = 0;
/** A unique, valid address. */
export const uniqueEmail = (label = 'catalog') =>
  `${label}-${Date.now()}-${process.pid}-${seq++}@example.com`;

export const ROUTES: RouteSpec[] = [
  { name: 'health', method: 'GET', pattern: '/api/health', access: 'public' },
  { name: 'me', method: 'GET', pattern: '/api/me', access: 'signed_in' },
  { name: 'config', method: 'GET', pattern: '/api/config', access: 'public' },
  { name: 'demo users', method: 'GET', pattern: '/api/demo/users', access: 'demo' },
  {
    name: 'demo sign-in token',
    method: 'POST',
    pattern: '/api/demo/sign-in-tokens',
    access: 'demo',
    body: DemoSignInBody,
    okStatus: 201,
  },
  {
    name: 'getAll',
    method: 'GET',
    pattern: '/api/v1/organization_invitations',
    access: 'staff',
    query: ListInstanceInvitationsQuery,
  },
  {
    name: 'organizations',
    method: 'GET',
    pattern: '/api/v1/organizations',
    access: 'console_user',
    query: ListOrganizationsQuery,
  },
  { name: 'organization', method: 'GET', pattern: '/api/v1/organizations/:org', access: 'org_manager' },
  {
    name: 'roles',
    method: 'GET',
    pattern: '/api/v1/organization_roles',
    access: 'console_user',
    query: ListRolesQuery,
  },
  {
    name: 'list',
    method: 'GET',
    pattern: '/api/v1/organizations/:org/invitations',
    access: 'org_manager',
    query: ListOrganizationInvitationsQuery,
  },
  {
    name: 'create',
    method: 'POST',
    pattern: '/api/v1/organizations/:org/invitations',
    access: 'org_manager',
    body: CreateInvitationBody,
    validBody: () => ({ email_address: uniqueEmail('create'), role: 'org:member' }),
  },
  {
    name: 'bulkCreate',
    method: 'POST',
    pattern: '/api/v1/organizations/:org/invitations/bulk',
    access: 'org_manager',
    body: BulkCreateInvitationsBody,
    validBody: () => [
      { email_address: uniqueEmail('bulk'), role: 'org:member' },
      { email_address: uniqueEmail('bulk'), role: 'org:admin' },
    ],
  },
  {
    name: 'listPending',
    method: 'GET',
    pattern: '/api/v1/organizations/:org/invitations/pending',
    access: 'org_manager',
    query: ListPendingInvitationsQuery,
  },
  {
    name: 'get',
    method: 'GET',
    pattern: '/api/v1/organizations/:org/invitations/:inv',
    access: 'org_manager',
  },
  {
    name: 'revoke',
    method: 'POST',
    pattern: '/api/v1/organizations/:org/invitations/:inv/revoke',
    access: 'org_manager',
    body: RevokeInvitationBody,
    validBody: () => ({}),
  },
  {
    name: 'bulk check',
    method: 'POST',
    pattern: '/api/bulk-invitations/check',
    access: 'body_org_manager',
    body: BulkCheckBody,
    validBody: (fx) => ({ organization_id: fx.org, email_addresses: [uniqueEmail('check'), 'Not An Email'] }),
  },
  {
    name: 'bulk job create',
    method: 'POST',
    pattern: '/api/bulk-invitations',
    access: 'body_org_manager',
    body: CreateBulkJobBody,
    validBody: (fx) => ({
      organization_id: fx.org,
      rows: [{ email_address: uniqueEmail('job'), role: 'org:member' }],
    }),
    okStatus: 201,
    bodyLimit: 'bulk',
  },
  { name: 'bulk job get', method: 'GET', pattern: '/api/bulk-invitations/:job', access: 'job_manager' },
  {
    name: 'bulk job results',
    method: 'GET',
    pattern: '/api/bulk-invitations/:job/results.csv',
    access: 'job_manager',
  },
  {
    name: 'bulk job cancel',
    method: 'POST',
    pattern: '/api/bulk-invitations/:job/cancel',
    access: 'job_manager',
  },
  {
    name: 'bulk job retry',
    method: 'POST',
    pattern: '/api/bulk-invitations/:job/retry',
    access: 'job_manager',
  },
  {
    name: 'bulk jobs of an organization',
    method: 'GET',
    pattern: '/api/organizations/:org/bulk-invitations',
    access: 'org_manager',
    query: ListBulkJobsQuery,
  },
  {
    name: 'invitation job start',
    method: 'POST',
    pattern: '/api/organizations/:org/invitation-jobs',
    access: 'org_manager',
    body: StartInvitationJobBody,
    // A well-formed id no invitation has: the job starts without reading Clerk, and its one row ends
    // "not found" at the first look, so a suite with a worker running stays light.
    validBody: () => ({ kind: 'revoke', invitation_ids: ['orginv_2NoSuchInvitation0000000000'] }),
    okStatus: 201,
  },
  {
    name: 'resend',
    method: 'POST',
    pattern: '/api/organizations/:org/invitations/:inv/resend',
    access: 'org_manager',
    body: ResendInvitationBody,
    validBody: () => ({}),
    okStatus: 201,
  },
  {
    name: 'expiring',
    method: 'GET',
    pattern: '/api/organizations/:org/invitations/expiring',
    access: 'org_manager',
    query: ExpiringInvitationsQuery,
    validQuery: 'expires_within=7',
  },
  {
    name: 'expiring (all organizations)',
    method: 'GET',
    pattern: '/api/invitations/expiring',
    access: 'staff',
    query: ExpiringInstanceInvitationsQuery,
    validQuery: 'expires_within=30',
  },
  {
    name: 'user by email',
    method: 'GET',
    pattern: '/api/v1/users',
    access: 'staff',
    query: UserByEmailQuery,
    validQuery: 'email_address=ada%40acme.example',
  },
  {
    name: 'user memberships',
    method: 'GET',
    pattern: '/api/v1/users/:user/organization_memberships',
    access: 'staff',
    query: PaginationQuery,
  },
  {
    name: 'activity',
    method: 'GET',
    pattern: '/api/activity',
    access: 'console_user',
    query: ActivityQuery,
  },
];

/** The pattern with its placeholders filled. */
export function routePath(route: RouteSpec, fx: RouteFixtures): string {
  return route.pattern
    .replace(':org', fx.org)
    .replace(':inv', fx.inv)
    .replace(':job', fx.job)
    .replace(':user', fx.user ?? 'user_2NoSuchUser0000000000000000');
}

/** The filled pattern with the query string the route needs to succeed, if any. */
export function routeUrl(route: RouteSpec, fx: RouteFixtures): string {
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
