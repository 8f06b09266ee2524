import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';
import { signInWithDemoButton } from './sign-in.ts';

/** Demo users of the emulator's seed, by what they may do. */
export const PERSONAS = {
  staff: { name: 'Sam Rivera', email: 'sam.rivera@invites.example' },
  acmeAdmin: { name: 'Ada Lovelace', email: 'ada@acme.example' },
  globexAdmin: { name: 'Grace Hopper', email: 'grace@globex.example' },
  multiAdmin: { name: 'Linus Park', email: 'linus@initech.example' },
  member: { name: 'Maya Chen', email: 'maya@acme.example' },
} as const;
export type Persona = keyof typeof PERSONAS;

interface Organization {
  id: string;
  name: string;
  pending_invitations_count?: number;
}
interface Invitation {
  id: string;
  email_address: string;
  status: string;
  organization_id: string;
}

export interface Seeded {
  org: Organization;
  invitations: Invitation[];
}

/** How seeded invitations are made: their validity, and whether they have already expired. */
export interface SeedOptions {
  expiresInDays?: number;
  /** Aged past their expiry (validity kept) right after they are made. */
  expired?: boolean;
}

/** An upstream fault for the e2e api's embedded emulator (see packages/clerk-emulator/README.md). */
export interface UpstreamFault {
  method?: 'GET' | 'POST' | '*';
  path: string;
  count?: number;
  action: 'status' | 'delay' | 'reset' | 'commit_then_drop' | 'non_json';
  status?: number;
  retry_after?: number;
  delay_ms?: number;
}

/** The embedded emulator of the e2e api (playwright.config.ts sets its port); its documented local key. */
const EMULATOR_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
const EMULATOR_KEY = 'sk_test_emulator';

async function emulatorControl(method: 'POST' | 'DELETE', body?: UpstreamFault): Promise<void> {
  const res = await fetch(`${EMULATOR_URL}/__emulator/faults`, {
    method,
    headers: { authorization: `Bearer ${EMULATOR_KEY}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  }).catch((err: unknown) => {
    throw new Error(
      `the api's emulator is not reachable at ${EMULATOR_URL} (a reused server must be started with CLERK_EMULATOR_PORT as in playwright.config.ts): ${String(err)}`,
    );
  });
  if (!res.ok) throw new Error(`emulator fault control answered ${res.status}: ${await res.text()}`);
}

/** A Backend API call straight to the api's emulator (setup the product cannot do: users, organizations). */
async function emulatorApi<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${EMULATOR_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${EMULATOR_KEY}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Moves invitations back in time (the emulator's control), e.g. past their expiry. */
export async function ageInvitations(ids: readonly string[], byMs: number): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await emulatorApi('POST', '/__emulator/invitations/age', {
      invitation_ids: ids.slice(i, i + 500),
      by_ms: byMs,
    });
  }
}

const DAY_MS = 86_400_000;

/** An email the emulator would have sent (it never sends mail), newest first. */
export interface EmulatorEmail {
  to: string;
  subject: string;
  code?: string;
}

/** The emails the api's emulator would have sent to an address (sign-in codes), newest first. */
export async function emulatorEmails(to: string): Promise<EmulatorEmail[]> {
  const res = await fetch(`${EMULATOR_URL}/__emulator/emails?to=${encodeURIComponent(to)}`, {
    headers: { authorization: `Bearer ${EMULATOR_KEY}` },
  });
  if (!res.ok) throw new Error(`emulator emails answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as EmulatorEmail[] | { data: EmulatorEmail[] };
  return Array.isArray(body) ? body : body.data;
}

/**
 * A test control of the e2e api's embedded emulator (`/__emulator/…`), e.g. an invitee accepting:
 * `emulator('POST', `/__emulator/invitations/${id}/accept`)`. Answers the parsed JSON body.
 */
export async function emulator<T = unknown>(method: 'GET' | 'POST', path: string): Promise<T> {
  const res = await fetch(`${EMULATOR_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${EMULATOR_KEY}` },
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface Fixtures {
  /** Injects real upstream faults into the api's emulator; every fault is cleared after the test. */
  upstreamFaults: { inject: (fault: UpstreamFault) => Promise<void>; clear: () => Promise<void> };
  /** Signs the page in as a demo user through Clerk (the demo button on the sign-in page). */
  signInAs: (persona: Persona) => Promise<void>;
  /** An organization the signed-in user can see, by name. */
  orgByName: (name: string) => Promise<Organization>;
  /** Creates pending (or expired) invitations through the api; revokes what is still pending after the test. */
  seedInvitations: (orgName: string, count: number, label?: string, options?: SeedOptions) => Promise<Seeded>;
  /** A new organization of the test's own, straight in the emulator (staff see and manage it). */
  newOrganization: (name: string) => Promise<Organization>;
  /** A Clerk user with this address (they signed up), straight in the emulator, optionally a member. */
  newUser: (
    email: string,
    options?: { firstName?: string; lastName?: string; memberOf?: string },
  ) => Promise<{ id: string }>;
  /** Revokes, after the test, a pending invitation the test created through the UI. */
  revokeLater: (orgId: string, email: string) => void;
  /** A unique address for this test run. */
  uniqueEmail: (label?: string) => string;
  /** Fails on serious or critical axe-core violations of the page as it is now. */
  expectAccessible: (page?: Page) => Promise<void>;
}

let counter = 0;
const runId = Date.now().toString(36);

function makeEmail(label = 'e2e'): string {
  counter += 1;
  return `${label}-${runId}-${process.pid}-${counter}@e2e-tests.example`;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok())
    throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const test = base.extend<Fixtures>({
  signInAs: async ({ page }, use) => {
    await use((persona) => signInWithDemoButton(page, PERSONAS[persona]));
  },

  orgByName: async ({ page }, use) => {
    await use(async (name) => {
      const list = await json<{ data: Organization[] }>(
        await page.request.get('/api/v1/organizations', { params: { query: name, limit: 100 } }),
      );
      const org = list.data.find((o) => o.name === name);
      if (!org) throw new Error(`organization ${name} is not visible to the signed-in user`);
      return org;
    });
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  upstreamFaults: async ({}, use) => {
    await use({ inject: (fault) => emulatorControl('POST', fault), clear: () => emulatorControl('DELETE') });
    await emulatorControl('DELETE');
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  uniqueEmail: async ({}, use) => {
    await use(makeEmail);
  },

  seedInvitations: async ({ page, baseURL, orgByName }, use) => {
    const created: Invitation[] = [];
    await use(async (orgName, count, label = 'seed', options = {}) => {
      const org = await orgByName(orgName);
      const invitations: Invitation[] = [];
      const days = options.expiresInDays;
      for (let i = 0; i < count; i += 1) {
        const invitation = await json<Invitation>(
          await page.request.post(`/api/v1/organizations/${org.id}/invitations`, {
            data: {
              email_address: makeEmail(label),
              role: 'org:member',
              ...(days !== undefined ? { expires_in_days: days } : {}),
            },
            headers: { origin: baseURL as string },
          }),
        );
        invitations.push(invitation);
      }
      if (options.expired) {
        await ageInvitations(
          invitations.map((i) => i.id),
          ((days ?? 30) + 1) * DAY_MS,
        );
      }
      created.push(...invitations);
      return { org, invitations };
    });
    for (const invitation of created) {
      await page.request
        .post(`/api/v1/organizations/${invitation.organization_id}/invitations/${invitation.id}/revoke`, {
          data: {},
          headers: { origin: baseURL as string },
        })
        .catch(() => undefined);
    }
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  newOrganization: async ({}, use) => {
    await use(async (name) => {
      const slug = `${name.toLowerCase().replace(/\W+/g, '-')}-${runId}-${process.pid}-${++counter}`;
      return emulatorApi<Organization>('POST', '/v1/organizations', { name, slug });
    });
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  newUser: async ({}, use) => {
    await use(async (email, options = {}) => {
      const user = await emulatorApi<{ id: string }>('POST', '/v1/users', {
        email_address: [email],
        ...(options.firstName ? { first_name: options.firstName } : {}),
        ...(options.lastName ? { last_name: options.lastName } : {}),
        skip_password_requirement: true,
      });
      if (options.memberOf) {
        await emulatorApi('POST', `/v1/organizations/${options.memberOf}/memberships`, {
          user_id: user.id,
          role: 'org:member',
        });
      }
      return user;
    });
  },

  revokeLater: async ({ page, baseURL }, use) => {
    const later: { orgId: string; email: string }[] = [];
    await use((orgId, email) => void later.push({ orgId, email }));
    for (const { orgId, email } of later) {
      const list = await page.request
        .get(`/api/v1/organizations/${orgId}/invitations`, {
          params: { email_address: email, status: 'pending' },
        })
        .then((r) => (r.ok() ? (r.json() as Promise<{ data: Invitation[] }>) : { data: [] }))
        .catch(() => ({ data: [] as Invitation[] }));
      for (const invitation of list.data) {
        await page.request
          .post(`/api/v1/organizations/${orgId}/invitations/${invitation.id}/revoke`, {
            data: {},
            headers: { origin: baseURL as string },
          })
          .catch(() => undefined);
      }
    }
  },

  expectAccessible: async ({ page }, use) => {
    await use(async (target = page) => {
      const results = await new AxeBuilder({ page: target })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      ).toEqual([]);
    });
  },
});

export { expect };

/** The data rows of a table (every row without column headers). */
export function dataRows(table: import('@playwright/test').Locator) {
  return table.getByRole('row').filter({ hasNot: table.page().getByRole('columnheader') });
}

/** The email addresses shown in a table's row headers, in order. */
export async function rowEmails(table: import('@playwright/test').Locator): Promise<string[]> {
  return (await table.getByRole('rowheader').allInnerTexts()).map((t) => t.trim());
}
