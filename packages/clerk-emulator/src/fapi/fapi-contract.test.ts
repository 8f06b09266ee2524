import { fapiHasOperation, fapiPathTemplate } from '@invites/clerk-schema/spec';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator.ts';
import { DEMO_USERS } from '../seed/demo-data.ts';
import { FapiBrowser } from '../test-support/fapi-browser.ts';
import type { TestEmulator } from '../test-support/harness.ts';
import { useTestEmulator } from '../test-support/use-test-emulator.ts';

let emu: TestEmulator;
useTestEmulator({ seed: 'demo' }, (started) => {
  emu = started;
});

/** Every Frontend API operation the emulator serves, as `METHOD /v1/…{param}` in the spec's terms. */
function servedOperations(): string[] {
  const emulator = createEmulator({ db: ':memory:', seed: 'none' });
  try {
    return emulator.app.routes
      .filter((route) => route.path.startsWith('/fapi/v1/') && route.method !== 'ALL')
      .map((route) => {
        const concrete = route.path.slice('/fapi'.length).replace(/:[^/]+/g, 'x');
        return `${route.method} ${fapiPathTemplate(concrete) ?? `${route.path} (not in the spec)`}`;
      });
  } finally {
    emulator.close();
  }
}

const served = servedOperations();
const grace = DEMO_USERS[2]?.email_address ?? '';

async function latestCode(to: string): Promise<string> {
  const { body } = await emu.json<{ data: { code: string }[] }>(`/__emulator/emails?to=${to}`);
  return body.data[0]?.code ?? '';
}

describe('the Frontend API contract (fapi-2026-05-12.yml)', () => {
  it('serves only operations the spec documents', () => {
    expect(served.length).toBeGreaterThan(10);
    for (const operation of served) {
      const [method = '', template = ''] = operation.split(' ');
      expect(fapiHasOperation(method, template), operation).toBe(true);
    }
  });

  it('answers every served operation in the documented shape', async () => {
    const browser = new FapiBrowser(emu.url);
    await browser.get('/v1/environment');
    await browser.send('PATCH', '/v1/environment');
    await browser.get('/v1/client');
    await browser.post('/v1/client');
    await browser.send('PUT', '/v1/client');

    const created = await browser.post('/v1/client/sign_ins', { identifier: grace });
    const signInId = created.body.response.id;
    await browser.get(`/v1/client/sign_ins/${signInId}`);
    await browser.post(`/v1/client/sign_ins/${signInId}/prepare_first_factor`, { strategy: 'email_code' });
    const code = await latestCode(grace);
    const done = await browser.post(`/v1/client/sign_ins/${signInId}/attempt_first_factor`, {
      strategy: 'email_code',
      code,
    });
    const sessionId = done.body.response.created_session_id;
    await browser.post(`/v1/client/sessions/${sessionId}/touch`, {
      active_organization_id: '',
      intent: 'focus',
    });
    await browser.post(`/v1/client/sessions/${sessionId}/tokens`, { organization_id: '' });
    await browser.post(`/v1/client/sessions/${sessionId}/end`);

    const second = new FapiBrowser(emu.url);
    await second.post(`/v1/client/sessions/${(await second.signIn(grace)).sessionId}/remove`);
    const third = new FapiBrowser(emu.url);
    await third.signIn(grace);
    await third.send('DELETE', '/v1/client/sessions');
    const fourth = new FapiBrowser(emu.url);
    await fourth.signIn(grace);
    await fourth.send('DELETE', '/v1/client');

    expect([...emu.recorder.fapiCovered].sort()).toEqual([...served].sort());
  });

  it('answers errors in the documented error shape', async () => {
    const browser = new FapiBrowser(emu.url);
    const notFound = await browser.post('/v1/client/sign_ins', { identifier: 'nobody@nowhere.example' });
    expect(notFound.status).toBe(422);
    const signedOut = await browser.post('/v1/client/sessions/sess_2Nope000000000000000000000/tokens');
    expect(signedOut.status).toBe(401);
    const unknown = await browser.get('/v1/client/sign_ins/sia_2Nope000000000000000000000');
    expect(unknown.status).toBe(404);
  });
});
