import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../listen.ts';
import { type Harness, startHarness } from '../test/harness.ts';

let h: Harness;
let server: Listening;
let staffToken: string;

beforeAll(async () => {
  h = await startHarness();
  server = await listen(h.app.fetch, { port: 0, hostname: '127.0.0.1' });
  staffToken = await h.tokenFor('staff');
});
afterAll(async () => {
  await server.close();
  await h.close();
});

/** Sends a request target byte for byte (no client-side normalisation) and returns status and body. */
function rawRequest(target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
    });
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    socket.on('error', reject);
    socket.write(
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${staffToken}\r\nConnection: close\r\n\r\n`,
    );
  });
}

describe('path tricks', () => {
  it('serves the plain route it is compared against', async () => {
    expect((await rawRequest(`/api/v1/organizations/${h.orgA}/invitations`)).status).toBe(200);
  });

  const tricks = (org: string) => [
    `/api/v1/users/../organizations/${org}/invitations`,
    `/api/v1/users/%2e%2e/organizations/${org}/invitations`,
    `/api/v1/users/%2E%2E/organizations/${org}/invitations`,
    `/api/v1/./organizations/${org}/invitations`,
    `/api/v1/organizations/${org}%2finvitations`,
    `/api/v1/organizations/${org}%2Finvitations`,
    `/api/v1/organizations/${org}/invitations%5c..`,
    `/api/v1/organizations\\${org}/invitations`,
    `//api/v1/organizations/${org}/invitations`,
    `/api/v1//organizations/${org}/invitations`,
    `/api/v1/organizations/${org}/invitations%00`,
    `/api/v1/organizations/%6frg_${org.slice(4)}/invitations`,
    `/api/v1/organizations/${org}/invitations/%252e%252e`,
    `http://127.0.0.1/api/v1/users/../organizations/${org}/invitations`,
    '/api/v1/users/count',
    '/api/v1/jwks',
    '/api/v1/organizations/ORG/memberships'.replace('ORG', org),
    '/api/__emulator/info',
  ];

  it('answers every trick with a 404 envelope and never calls upstream', async () => {
    const before = h.calls.length;
    for (const target of tricks(h.orgA)) {
      const res = await rawRequest(target);
      expect(res.status, target).toBe(404);
      expect(JSON.parse(res.body), target).toMatchObject({ errors: [{ code: 'resource_not_found' }] });
    }
    expect(h.calls.slice(before)).toEqual([]);
  });
});
