import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function dump(res: Response): Promise<string> {
  return `${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${await res.text()}`;
}

describe('secrets stay secret', () => {
  it('never puts the secret key in a response or a log line, nor a session token in a log line', async () => {
    const responses: string[] = [];
    const tokens: string[] = [];
    const send = async (path: string, init: RequestInit = {}) => {
      const res = await h.app.request(path, init);
      responses.push(await dump(res.clone()));
      return res;
    };
    const json = { 'content-type': 'application/json' };
    const inv = `/api/v1/organizations/${h.orgA}/invitations`;

    await send('/api/health');
    await send('/api/demo/users');
    const ticket = await send('/api/demo/sign-in-tokens', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ user_id: h.userIds.adminA }),
    });
    // The demo ticket is for the page that asked for it: in its answer, never in a log line.
    const { ticket: signInTicket } = (await ticket.json()) as { ticket: string };
    expect(signInTicket.length).toBeGreaterThan(20);
    const cookieToken = await h.tokenFor('adminA');
    tokens.push(cookieToken);
    const bearer = await h.tokenFor('staff');
    tokens.push(bearer);
    const auth = { authorization: `Bearer ${bearer}`, ...json };

    await send('/api/me', { headers: { cookie: `__session=${cookieToken}` } });
    await send(`${inv}?status=pending`, { headers: auth });
    const created = await send(inv, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ email_address: `secret-${Date.now()}@example.com`, role: 'org:member' }),
    });
    const { id } = (await created.json()) as { id: string };
    await send(`${inv}/${id}/revoke`, { method: 'POST', headers: auth });
    await send(`${inv}?limit=0`, { headers: auth });
    await send(inv, { method: 'POST', headers: auth, body: '{"broken' });
    await send(inv, { headers: { authorization: `Bearer ${bearer.slice(0, -4)}AAAA` } });
    await send(inv, { headers: { authorization: `Bearer ${h.secretKey}` } });
    await send('/api/v1/users', { headers: auth });
    await h.emulator('POST', '/__emulator/faults', {
      path: `/v1/organizations/${h.orgA}/invitations`,
      method: 'GET',
      action: 'status',
      status: 500,
      count: 10,
    });
    await send(inv, { headers: auth });
    await h.emulator('DELETE', '/__emulator/faults');
    await h.emulator('POST', '/__emulator/faults', {
      path: `/v1/organizations/${h.orgA}/invitations`,
      method: 'GET',
      action: 'reset',
      count: 10,
    });
    await send(inv, { headers: auth });
    await h.emulator('DELETE', '/__emulator/faults');
    await send('/', {});

    expect(responses).toHaveLength(15);
    expect(h.logLines.length).toBeGreaterThan(15);
    expect(tokens.every((t) => t.length > 100)).toBe(true);
    for (const response of responses) expect(response).not.toContain(h.secretKey);
    for (const line of h.logLines) {
      expect(line).not.toContain(h.secretKey);
      expect(line).not.toContain(signInTicket);
      for (const token of tokens) {
        expect(line).not.toContain(token);
        expect(line).not.toContain(token.split('.')[2]);
      }
    }
    const requestLogs = h.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(requestLogs.every((l) => typeof l.request_id === 'string')).toBe(true);
  });
});
