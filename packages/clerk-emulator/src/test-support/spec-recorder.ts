import {
  ClerkErrorsSchema,
  Jwks,
  Organization,
  OrganizationInvitation,
  OrganizationInvitationList,
  OrganizationInvitationWithOrgList,
  OrganizationList,
  OrganizationMembership,
  OrganizationMembershipList,
  RoleList,
  Session,
  SessionToken,
  SignInToken,
  TotalCount,
  User,
  UserList,
} from '@invites/clerk-schema';
import {
  fapiHasOperation,
  fapiPathTemplate,
  fapiResponseErrors,
  fapiSchemaErrors,
  specErrors,
} from '@invites/clerk-schema/spec';
import type { z } from 'zod';

interface Expectation {
  component: string;
  zod: z.ZodType;
  /** The spec describes a bare array of `component` items. */
  array?: boolean;
}

const ID = '[^/]+';
const ROUTES: [string, RegExp, Expectation][] = [
  [
    'GET',
    /^\/v1\/organization_invitations$/,
    {
      component: 'OrganizationInvitationsWithPublicOrganizationData',
      zod: OrganizationInvitationWithOrgList,
    },
  ],
  [
    'GET',
    new RegExp(`^/v1/users/${ID}/organization_invitations$`),
    {
      component: 'OrganizationInvitationsWithPublicOrganizationData',
      zod: OrganizationInvitationWithOrgList,
    },
  ],
  [
    'GET',
    new RegExp(`^/v1/organizations/${ID}/invitations(/pending)?$`),
    { component: 'OrganizationInvitations', zod: OrganizationInvitationList },
  ],
  [
    'POST',
    new RegExp(`^/v1/organizations/${ID}/invitations/bulk$`),
    { component: 'OrganizationInvitations', zod: OrganizationInvitationList },
  ],
  [
    'POST',
    new RegExp(`^/v1/organizations/${ID}/invitations$`),
    { component: 'OrganizationInvitation', zod: OrganizationInvitation },
  ],
  [
    'GET',
    new RegExp(`^/v1/organizations/${ID}/invitations/${ID}$`),
    { component: 'OrganizationInvitation', zod: OrganizationInvitation },
  ],
  [
    'POST',
    new RegExp(`^/v1/organizations/${ID}/invitations/${ID}/revoke$`),
    { component: 'OrganizationInvitation', zod: OrganizationInvitation },
  ],
  ['GET', /^\/v1\/organizations$/, { component: 'Organizations', zod: OrganizationList }],
  ['POST', /^\/v1\/organizations$/, { component: 'Organization', zod: Organization }],
  ['GET', new RegExp(`^/v1/organizations/${ID}$`), { component: 'Organization', zod: Organization }],
  [
    'GET',
    new RegExp(`^/v1/organizations/${ID}/memberships$`),
    { component: 'OrganizationMemberships', zod: OrganizationMembershipList },
  ],
  [
    'POST',
    new RegExp(`^/v1/organizations/${ID}/memberships$`),
    { component: 'OrganizationMembership', zod: OrganizationMembership },
  ],
  [
    'PATCH',
    new RegExp(`^/v1/organizations/${ID}/memberships/${ID}$`),
    { component: 'OrganizationMembership', zod: OrganizationMembership },
  ],
  [
    'DELETE',
    new RegExp(`^/v1/organizations/${ID}/memberships/${ID}$`),
    { component: 'OrganizationMembership', zod: OrganizationMembership },
  ],
  [
    'GET',
    new RegExp(`^/v1/users/${ID}/organization_memberships$`),
    { component: 'OrganizationMemberships', zod: OrganizationMembershipList },
  ],
  ['GET', /^\/v1\/users\/count$/, { component: 'TotalCount', zod: TotalCount }],
  ['GET', /^\/v1\/users$/, { component: 'User', zod: UserList, array: true }],
  ['POST', /^\/v1\/users$/, { component: 'User', zod: User }],
  ['GET', new RegExp(`^/v1/users/${ID}$`), { component: 'User', zod: User }],
  ['POST', new RegExp(`^/v1/users/${ID}/(ban|unban|lock|unlock)$`), { component: 'User', zod: User }],
  ['GET', /^\/v1\/organization_roles$/, { component: 'Roles', zod: RoleList }],
  ['POST', /^\/v1\/sessions$/, { component: 'Session', zod: Session }],
  ['GET', new RegExp(`^/v1/sessions/${ID}$`), { component: 'Session', zod: Session }],
  ['POST', new RegExp(`^/v1/sessions/${ID}/tokens$`), { component: 'Token', zod: SessionToken }],
  ['GET', /^\/v1\/jwks$/, { component: 'JWKS', zod: Jwks }],
  ['POST', /^\/v1\/sign_in_tokens$/, { component: 'SignInToken', zod: SignInToken }],
  ['POST', new RegExp(`^/v1/sign_in_tokens/${ID}/revoke$`), { component: 'SignInToken', zod: SignInToken }],
];
const ERRORS: Expectation = { component: 'ClerkErrors', zod: ClerkErrorsSchema };

function expectationFor(method: string, path: string, status: number): Expectation | undefined {
  if (status >= 400) return ERRORS;
  return ROUTES.find(([m, pattern]) => m === method && pattern.test(path))?.[2];
}

/** Problems of `body` against the spec component and the clerk-schema zod schema; empty when valid. */
export function shapeProblems(expectation: Expectation, body: unknown): string[] {
  const items = expectation.array && Array.isArray(body) ? body : [body];
  const spec = items.flatMap((item) => specErrors(expectation.component, item));
  const parsed = expectation.zod.safeParse(body);
  return [
    ...spec,
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `zod ${i.path.join('.')}: ${i.message}`)),
  ];
}

/** The Frontend API mount point below the emulator's base URL. */
const FAPI_PREFIX = '/fapi';

/**
 * Wraps the global fetch (the official SDK uses it under vitest) so that every JSON response from
 * `baseUrl` is checked against Clerk's spec: Backend API answers against the component and zod
 * schema of their route, Frontend API answers (under `/fapi`) against the response the Frontend API
 * spec documents for their operation and status.
 */
export class SpecRecorder {
  readonly problems: string[] = [];
  readonly validated = new Map<string, number>();
  /** Frontend API operations (`POST /v1/client/sign_ins`) answered with a 2xx that validated. */
  readonly fapiCovered = new Set<string>();
  #original: typeof fetch | undefined;

  constructor(private readonly baseUrl: string) {}

  install(): void {
    const original = globalThis.fetch;
    this.#original = original;
    globalThis.fetch = async (input, init) => {
      const response = await original(input, init);
      const request = new Request(input, init);
      const check = request.url.startsWith(`${this.baseUrl}/v1/`)
        ? this.#check(request, response.clone())
        : request.url.startsWith(`${this.baseUrl}${FAPI_PREFIX}/v1/`)
          ? this.#checkFapi(request, response.clone())
          : undefined;
      await check?.catch((error: unknown) => {
        this.problems.push(`${request.method} ${request.url}: recorder failed: ${String(error)}`);
      });
      return response;
    };
  }

  uninstall(): void {
    if (this.#original) globalThis.fetch = this.#original;
  }

  async #check(request: Request, response: Response): Promise<void> {
    const { pathname } = new URL(request.url);
    const expectation = expectationFor(request.method, pathname, response.status);
    if (!expectation || response.headers.get('content-type') !== 'application/json') return;
    const body = (await response.json()) as unknown;
    const problems = shapeProblems(expectation, body);
    this.validated.set(expectation.component, (this.validated.get(expectation.component) ?? 0) + 1);
    for (const p of problems)
      this.problems.push(`${request.method} ${pathname} → ${expectation.component}: ${p}`);
  }

  /** clerk-js sends PATCH and DELETE as POST with `?_method=`; the spec documents the real method. */
  async #checkFapi(request: Request, response: Response): Promise<void> {
    const url = new URL(request.url);
    const method = (url.searchParams.get('_method') ?? request.method).toUpperCase();
    const path = url.pathname.slice(FAPI_PREFIX.length);
    if (response.headers.get('content-type') !== 'application/json') {
      this.problems.push(`FAPI ${method} ${path} → ${response.status}: not Clerk's JSON content type`);
      return;
    }
    const body = (await response.json()) as unknown;
    const template = fapiPathTemplate(path);
    // An error for a path or method the Frontend API does not have (a 404) is still Clerk's error shape.
    const undocumented = !template || !fapiHasOperation(method, template);
    const problems =
      undocumented && response.status >= 400
        ? fapiSchemaErrors('ClerkErrors', body)
        : fapiResponseErrors(method, path, response.status, body);
    for (const p of problems) this.problems.push(`FAPI ${method} ${path} → ${response.status}: ${p}`);
    if (problems.length === 0 && template && response.status < 300)
      this.fapiCovered.add(`${method} ${template}`);
  }
}
