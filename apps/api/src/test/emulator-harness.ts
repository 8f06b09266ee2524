import { DEMO_MEMBERS, DEMO_ORGANIZATIONS, DEMO_USERS, startEmulator } from '@invites/clerk-emulator';
import { type BulkJob, type OrganizationInvitation, OrganizationInvitationList } from '@invites/clerk-schema';
import { expect } from 'vitest';

/** Globex from the emulator's demo seed, its admin and one of its members. */
export const GLOBEX = DEMO_ORGANIZATIONS.globex.id;
export const GLOBEX_ADMIN = DEMO_USERS.find((u) => u.email_address === 'grace@globex.example')!.id;
const OMAR = DEMO_MEMBERS.find((u) => u.email_address === 'omar@globex.example')!;
export const GLOBEX_MEMBER_EMAIL = OMAR.email_address;
/** A plain member of Globex (not an admin). */
export const GLOBEX_MEMBER_ID = OMAR.id;

export interface FaultSpec {
  action: 'status' | 'delay' | 'reset' | 'commit_then_drop';
  status?: number;
  retry_after?: number;
  delay_ms?: number;
  count?: number;
  method?: string;
  path?: string;
}

export type TestEmulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** A demo-seeded emulator on a free port, with helpers to inject faults and read invitations. */
export async function startTestEmulator(options: { rateLimits?: 'clerk' | 'off'; timeScale?: number } = {}) {
  const emulator = await startEmulator({
    db: ':memory:',
    seed: 'demo',
    rateLimits: options.rateLimits ?? 'off',
    ...options,
  });
  const headers = { authorization: `Bearer ${emulator.secretKey}`, 'content-type': 'application/json' };

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  return {
    ...emulator,
    /** Queues a fault for the next matching request(s); by default the bulk-create endpoint. */
    async injectFault(fault: FaultSpec): Promise<void> {
      await call('POST', '/__emulator/faults', {
        method: 'POST',
        path: '/v1/organizations/*/invitations/bulk',
        ...fault,
      });
    },
    /** Creates one pending invitation directly (as if made before the job). */
    async invite(org: string, email: string): Promise<OrganizationInvitation> {
      return (await call('POST', `/v1/organizations/${org}/invitations`, {
        email_address: email,
        role: 'org:member',
      })) as OrganizationInvitation;
    },
    /** Every pending invitation of the organization. */
    async listPending(org: string): Promise<OrganizationInvitation[]> {
      const all: OrganizationInvitation[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = OrganizationInvitationList.parse(
          await call('GET', `/v1/organizations/${org}/invitations?status=pending&limit=500&offset=${offset}`),
        );
        all.push(...page.data);
        if (page.data.length < 500) return all;
      }
    },
  };
}

/** Every invited row has exactly one pending invitation in Clerk, with the row's id; the rest have a reason. */
export async function expectInvitedExactlyOnce(
  emulator: { listPending(org: string): Promise<OrganizationInvitation[]> },
  job: BulkJob,
): Promise<void> {
  const pending = await emulator.listPending(job.organization_id);
  for (const row of job.rows) {
    const matches = pending.filter((i) => i.email_address === row.email_address);
    if (row.outcome === 'invited') {
      expect(
        matches.map((m) => m.id),
        row.email_address,
      ).toEqual([row.invitation_id]);
    } else {
      expect(row.outcome, row.email_address).not.toBe('pending');
      expect(row.code, row.email_address).toBeTruthy();
      expect(row.message, row.email_address).toBeTruthy();
    }
  }
}
