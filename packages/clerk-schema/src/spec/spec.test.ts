import { describe, expect, it } from 'vitest';
import { OrganizationInvitation } from '../invitation.ts';
import {
  fapiHasOperation,
  fapiPathTemplate,
  fapiResponseErrors,
  fapiSchemaErrors,
  specErrors,
} from './index.ts';

const invitation = {
  object: 'organization_invitation',
  id: 'orginv_2abcdefghijklmnopqrstuvwxyz',
  email_address: 'ada@example.com',
  role: 'org:member',
  role_name: 'Member',
  organization_id: 'org_2abcdefghijklmnopqrstuvwxyz',
  inviter_id: null,
  public_inviter_data: null,
  status: 'pending',
  public_metadata: {},
  private_metadata: {},
  url: 'https://accounts.example.com/accept?ticket=x',
  expires_at: 1_767_225_600_000,
  created_at: 1_764_547_200_000,
  updated_at: 1_764_547_200_000,
};

describe('specErrors', () => {
  it('accepts an invitation that matches both the spec and the zod schema', () => {
    expect(specErrors('OrganizationInvitation', invitation)).toEqual([]);
    expect(OrganizationInvitation.safeParse(invitation).success).toBe(true);
  });

  it('reports a missing required field and an unknown one', () => {
    const { url: _url, ...withoutUrl } = invitation;
    expect(specErrors('OrganizationInvitation', withoutUrl).join()).toContain('url');
    expect(specErrors('OrganizationInvitation', { ...invitation, extra: 1 }).join()).toContain(
      'additionalProperty',
    );
  });
});

describe('the Frontend API spec', () => {
  it('maps a concrete path to its template and knows its operations', () => {
    const template = fapiPathTemplate('/v1/client/sign_ins/sia_123/attempt_first_factor');
    expect(template).toBe('/v1/client/sign_ins/{sign_in_id}/attempt_first_factor');
    expect(fapiHasOperation('POST', template ?? '')).toBe(true);
    expect(fapiHasOperation('GET', template ?? '')).toBe(false);
    expect(fapiPathTemplate('/v1/nowhere')).toBeUndefined();
  });

  it('accepts a signed-out client and rejects an incomplete one', () => {
    expect(fapiResponseErrors('GET', '/v1/client', 200, { response: null, client: null })).toEqual([]);
    expect(
      fapiResponseErrors('GET', '/v1/client', 200, { response: { object: 'client' }, client: null }).join(),
    ).toContain('sessions');
  });

  it('checks inline response schemas, error bodies and undocumented answers', () => {
    const tokens = '/v1/client/sessions/sess_1/tokens';
    expect(fapiResponseErrors('POST', tokens, 200, { object: 'token', jwt: 'a.b.c' })).toEqual([]);
    expect(fapiResponseErrors('POST', tokens, 200, { jwt: 1 }).join()).toContain('string');
    const error = {
      errors: [{ code: 'signed_out', message: 'Signed out', long_message: 'You are signed out' }],
    };
    expect(fapiResponseErrors('POST', tokens, 401, error)).toEqual([]);
    expect(fapiResponseErrors('POST', tokens, 418, error).join()).toContain('no 418');
    expect(fapiResponseErrors('GET', '/v1/nowhere', 200, {}).join()).toContain(
      'not in the Frontend API spec',
    );
  });

  it('validates against a named Frontend API component', () => {
    expect(fapiSchemaErrors('ClerkErrors', { errors: [], clerk_trace_id: 'x' })).toEqual([]);
    expect(fapiSchemaErrors('ClerkErrors', {}).join()).toContain('errors');
  });
});
