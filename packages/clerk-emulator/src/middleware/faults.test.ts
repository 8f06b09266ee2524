import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator.ts';
import { DEMO_ORGANIZATIONS } from '../seed/demo-data.ts';
import { sdkError, type TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';
import { ConnectionDroppedError } from './faults.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'demo' }, (started) => {
  emu = started;
});
beforeEach(async () => {
  await emu.api('/__emulator/faults', { method: 'DELETE' });
});

const acme = DEMO_ORGANIZATIONS.acme.id;
const BULK = '/v1/organizations/*/invitations/bulk';
const fault = (body: Record<string, unknown>) =>
  emu.json<{ id: string }>('/__emulator/faults', { method: 'POST', body });
const bulk = (email: string) =>
  emu.api(`/v1/organizations/${acme}/invitations/bulk`, {
    method: 'POST',
    body: [{ email_address: email, role: 'org:member' }],
  });
const pendingWith = async (email: string) =>
  (
    await emu.json<{ total_count: number }>(
      `/v1/organizations/${acme}/invitations?email_address=${email}&status=pending`,
    )
  ).body.total_count;

describe('injected faults', () => {
  it('answers the next `count` matching requests with a status in Clerk’s envelope and Retry-After', async () => {
    await fault({ method: 'POST', path: BULK, count: 2, action: 'status', status: 503, retry_after: 1 });
    const items = [{ emailAddress: 'fault1@example.com', role: 'org:member' }];
    for (let i = 0; i < 2; i++) {
      const error = await sdkError(emu.clerk.organizations.createOrganizationInvitationBulk(acme, items));
      expect(error).toMatchObject({ status: 503, code: 'service_unavailable', retryAfter: 1 });
    }
    expect((await emu.clerk.organizations.createOrganizationInvitationBulk(acme, items)).totalCount).toBe(1);
  });

  it('matches the method and one path segment per `*`', async () => {
    await fault({ method: 'GET', path: '/v1/organizations/*', action: 'status', status: 500 });
    expect((await emu.api(`/v1/organizations/${acme}/invitations`)).status).toBe(200);
    expect((await emu.api('/v1/organizations', { method: 'POST', body: {} })).status).toBe(422);
    expect((await emu.api(`/v1/organizations/${acme}`)).status).toBe(500);
    expect((await emu.api(`/v1/organizations/${acme}`)).status).toBe(200);
  });

  it('delays, then answers normally', async () => {
    await fault({ path: '/v1/organization_roles', action: 'delay', delay_ms: 150 });
    const started = performance.now();
    const response = await emu.api('/v1/organization_roles');
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection on reset, without applying the request', async () => {
    await fault({ method: 'POST', path: BULK, action: 'reset' });
    await expect(bulk('reset@example.com')).rejects.toThrow(TypeError);
    expect(await pendingWith('reset@example.com')).toBe(0);
  });

  it('applies the request and then drops the connection on commit_then_drop', async () => {
    await fault({ method: 'POST', path: BULK, action: 'commit_then_drop' });
    await expect(bulk('committed@example.com')).rejects.toThrow(TypeError);
    expect(await pendingWith('committed@example.com')).toBe(1);
    expect((await bulk('committed@example.com')).status).toBe(400);
  });

  it('answers a non-JSON page with non_json', async () => {
    await fault({ method: 'POST', path: BULK, action: 'non_json', status: 502, retry_after: 3 });
    const response = await bulk('html@example.com');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.text()).toMatch(/^<html>/);
    await fault({ method: 'GET', path: '/v1/organizations/*', action: 'non_json' });
    const error = await sdkError(emu.clerk.organizations.getOrganization({ organizationId: acme }));
    expect(error.status).toBe(503);
  });

  it('lists pending faults and clears them', async () => {
    const created = await fault({ path: '/v1/**', count: 5, action: 'delay', delay_ms: 0 });
    const listed = await emu.json<{ data: { id: string; remaining: number; method: string }[] }>(
      '/__emulator/faults',
    );
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: created.body.id, remaining: 5, method: '*' }),
    ]);
    await emu.api('/__emulator/faults', { method: 'DELETE' });
    expect((await emu.json<{ data: unknown[] }>('/__emulator/faults')).body.data).toEqual([]);
  });

  it('rejects an invalid fault with 422', async () => {
    expect((await fault({ path: 'no-slash', action: 'status' })).status).toBe(422);
    expect((await fault({ path: '/v1/x', action: 'explode' })).status).toBe(422);
  });

  it('makes app.fetch reject in-process, where there is no socket to drop', async () => {
    const local = createEmulator({ db: ':memory:', seed: 'none', rateLimits: 'off' });
    const headers = { Authorization: `Bearer ${local.secretKey}` };
    await local.app.request('/__emulator/faults', {
      method: 'POST',
      headers,
      body: JSON.stringify({ path: '/v1/users', action: 'reset' }),
    });
    await expect(local.app.request('/v1/users', { headers })).rejects.toBeInstanceOf(ConnectionDroppedError);
    expect((await local.app.request('/v1/users', { headers })).status).toBe(200);
    local.close();
  });
});
