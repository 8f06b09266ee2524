import { createClerkClient } from '@clerk/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from './listen.ts';
import { type Harness, startHarness } from './test/harness.ts';

let h: Harness;
let server: Listening;
let clerk: ReturnType<typeof createClerkClient>;

beforeAll(async () => {
  h = await startHarness();
  server = await listen(h.app.fetch, { port: 0, hostname: '127.0.0.1' });
  clerk = createClerkClient({ secretKey: await h.tokenFor('adminA'), apiUrl: `${server.url}/api` });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const stamp = Date.now();

describe('the official @clerk/backend client pointed at the api with an org admin token', () => {
  it('lists, creates, bulk-creates, gets and revokes invitations in that admin organization', async () => {
    const created = await clerk.organizations.createOrganizationInvitation({
      organizationId: h.orgA,
      emailAddress: `sdk-${stamp}@example.com`,
      role: 'org:member',
    });
    expect(created).toMatchObject({
      emailAddress: `sdk-${stamp}@example.com`,
      status: 'pending',
      organizationId: h.orgA,
    });
    expect((created.raw as unknown as { inviter_id: string }).inviter_id).toBe(h.userIds.adminA);

    const bulk = await clerk.organizations.createOrganizationInvitationBulk(h.orgA, [
      { emailAddress: `sdk-bulk-1-${stamp}@example.com`, role: 'org:member' },
      { emailAddress: `sdk-bulk-2-${stamp}@example.com`, role: 'org:admin' },
    ]);
    const bulkItems = Array.isArray(bulk) ? bulk : bulk.data;
    expect(bulkItems.map((i) => i.emailAddress).sort()).toEqual([
      `sdk-bulk-1-${stamp}@example.com`,
      `sdk-bulk-2-${stamp}@example.com`,
    ]);

    const list = await clerk.organizations.getOrganizationInvitationList({
      organizationId: h.orgA,
      status: ['pending'],
      limit: 100,
    });
    expect(list.data.map((i) => i.id)).toContain(created.id);
    expect(list.totalCount).toBeGreaterThanOrEqual(3);

    const fetched = await clerk.organizations.getOrganizationInvitation({
      organizationId: h.orgA,
      invitationId: created.id,
    });
    expect(fetched.id).toBe(created.id);

    const revoked = await clerk.organizations.revokeOrganizationInvitation({
      organizationId: h.orgA,
      invitationId: created.id,
      requestingUserId: h.userIds.adminA,
    });
    expect(revoked.status).toBe('revoked');
  });

  it('gets 403 in another organization', async () => {
    const attempt = clerk.organizations.getOrganizationInvitationList({ organizationId: h.orgB });
    await expect(attempt).rejects.toMatchObject({ status: 403, errors: [{ code: 'authorization_invalid' }] });
    const create = clerk.organizations.createOrganizationInvitation({
      organizationId: h.orgB,
      emailAddress: `sdk-other-${stamp}@example.com`,
      role: 'org:member',
    });
    await expect(create).rejects.toMatchObject({ status: 403 });
  });

  it('gets the SDK-readable 422 for a bad address', async () => {
    const attempt = clerk.organizations.createOrganizationInvitation({
      organizationId: h.orgA,
      emailAddress: 'not-an-address',
      role: 'org:member',
    });
    await expect(attempt).rejects.toMatchObject({
      status: 422,
      errors: [{ code: 'form_param_format_invalid', meta: { paramName: 'email_address' } }],
    });
  });
});
