import type { ActivityChangesAnswer } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, startHarness } from '../test/harness.ts';
import { invitationEvent, signed } from '../webhooks/test-events.ts';

let h: Harness;
const tokens = {} as Record<Persona, string>;

beforeAll(async () => {
  h = await startHarness({ activityWaitMaxMs: 5_000 });
  for (const persona of ['member', 'adminA', 'staff'] as const) tokens[persona] = await h.tokenFor(persona);
});
afterAll(() => h.close());

const changes = (persona: Persona, query: string) =>
  h.app.request(`/api/activity/changes${query}`, { headers: { authorization: `Bearer ${tokens[persona]}` } });

async function answer(res: Response | Promise<Response>): Promise<ActivityChangesAnswer> {
  const r = await res;
  expect(r.status).toBe(200);
  return (await r.json()) as ActivityChangesAnswer;
}

/** Clerk reports an invitation created in `org` (signed with the harness's secret). */
function clerkReports(org: string) {
  const evt = invitationEvent('organizationInvitation.created', {
    organizationId: org,
    createdAt: Date.now(),
  });
  return h.app.request('/api/webhooks/clerk', signed(h.config.webhookSigningSecret as string, evt));
}

describe('GET /api/activity/changes', () => {
  it("answers a waiting admin as soon as Clerk's event for their organization is applied", async () => {
    const { version } = await answer(changes('adminA', '?wait=0'));
    const waiting = answer(changes('adminA', `?after=${version}&wait=5`));
    const started = Date.now();
    expect((await clerkReports(h.orgA)).status).toBe(200);
    expect(await waiting).toEqual({ version: expect.any(Number), changed: true });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("does not wake an admin for another organization's change; staff see it", async () => {
    const { version } = await answer(changes('staff', '?wait=0'));
    const admin = answer(changes('adminA', `?after=${version}&wait=1`));
    const staff = answer(changes('staff', `?after=${version}&wait=5`));
    await clerkReports(h.orgB);
    expect(await staff).toMatchObject({ changed: true });
    expect(await admin).toMatchObject({ changed: false });
  });

  it('is for console users only, and checks its query', async () => {
    expect((await changes('member', '?wait=0')).status).toBe(403);
    expect((await h.app.request('/api/activity/changes')).status).toBe(401);
    expect((await changes('adminA', '?wait=99')).status).toBe(422);
  });
});
