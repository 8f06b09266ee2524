import { describe, expect, it } from 'vitest';
import { OrganizationInvitation } from '../invitation.ts';
import { specErrors } from './index.ts';

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
