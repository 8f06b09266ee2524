import { OrganizationInvitation, User } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { SpecRecorder, shapeProblems } from './spec-recorder.ts';

describe('the spec recorder', () => {
  it('reports an unknown field, a missing required field and a zod mismatch', () => {
    const invitation = { object: 'organization_invitation', id: 'orginv_x', extra: true };
    expect(
      shapeProblems({ component: 'OrganizationInvitation', zod: OrganizationInvitation }, invitation).join(
        '\n',
      ),
    ).toMatch(/additionalProperty[\s\S]*zod/);
    expect(
      shapeProblems({ component: 'User', zod: User, array: true }, [{ id: 'user_x', object: 'user' }]).length,
    ).toBeGreaterThan(5);
  });
});

describe('the spec recorder on the Frontend API', () => {
  it('checks answers under /fapi against the operation of the real method (_method) and records coverage', async () => {
    const original = globalThis.fetch;
    const answers: Record<string, unknown> = {
      '/fapi/v1/client/sessions': { response: null, client: null },
      '/fapi/v1/client': { response: { object: 'client' }, client: null },
    };
    globalThis.fetch = async (input) => {
      const body = answers[new URL(String(input)).pathname];
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    };
    const recorder = new SpecRecorder('http://emulator.test');
    recorder.install();
    try {
      await fetch('http://emulator.test/fapi/v1/client/sessions?_method=DELETE', { method: 'POST' });
      await fetch('http://emulator.test/fapi/v1/client?_method=DELETE', { method: 'POST' });
    } finally {
      recorder.uninstall();
      globalThis.fetch = original;
    }
    expect([...recorder.fapiCovered]).toEqual(['DELETE /v1/client/sessions']);
    expect(recorder.problems.join('\n')).toMatch(/FAPI DELETE \/v1\/client → 200: .*sessions/);
  });
});
