import type { OrganizationInvitation } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { redirectUrlOf, reissueBody, validityDays } from './reissue-body.ts';

const DAY = 86_400_000;
const T0 = 1_780_000_000_000;

function invitation(patch: Partial<OrganizationInvitation> = {}): OrganizationInvitation {
  return {
    object: 'organization_invitation',
    id: 'orginv_old',
    email_address: 'Ada@Example.com',
    role: 'org:admin',
    role_name: 'Admin',
    organization_id: 'org_a',
    inviter_id: null,
    public_inviter_data: null,
    status: 'expired',
    public_metadata: { team: 'blue' },
    private_metadata: { plan: 'gold' },
    url: 'https://app.example.com/join?from=mail&__clerk_ticket=abc&__clerk_status=sign_up#top',
    expires_at: T0 + 14 * DAY,
    created_at: T0,
    updated_at: T0,
    ...patch,
  };
}

describe('validityDays', () => {
  it('is the whole days from created to expires', () => {
    expect(validityDays({ created_at: T0, expires_at: T0 + 14 * DAY })).toBe(14);
    expect(validityDays({ created_at: T0, expires_at: T0 + 7 * DAY + 60_000 })).toBe(7);
  });

  it('is clamped to 1–365 and null for an invitation that never expires', () => {
    expect(validityDays({ created_at: T0, expires_at: T0 + 3_600_000 })).toBe(1);
    expect(validityDays({ created_at: T0, expires_at: T0 + 900 * DAY })).toBe(365);
    expect(validityDays({ created_at: T0, expires_at: null })).toBeNull();
  });
});

describe('redirectUrlOf', () => {
  it('is the accept link without Clerk’s ticket parameters', () => {
    expect(redirectUrlOf(invitation().url)).toBe('https://app.example.com/join?from=mail#top');
    expect(redirectUrlOf('https://app.example.com/welcome?__clerk_ticket=x&__clerk_status=sign_up')).toBe(
      'https://app.example.com/welcome',
    );
  });

  it('is null for Clerk’s own accept page, a link without a ticket, or no link', () => {
    expect(redirectUrlOf('http://127.0.0.1:4010/v1/accept-invitation?__clerk_ticket=x')).toBeNull();
    expect(redirectUrlOf('https://clerk.example.com/v1/tickets/accept?__clerk_ticket=x')).toBeNull();
    expect(redirectUrlOf('https://app.example.com/join')).toBeNull();
    expect(redirectUrlOf(null)).toBeNull();
    expect(redirectUrlOf('not a url')).toBeNull();
  });
});

describe('reissueBody', () => {
  it('carries address, role, both metadata, redirect URL and validity', () => {
    expect(reissueBody(invitation())).toEqual({
      email_address: 'ada@example.com',
      role: 'org:admin',
      public_metadata: { team: 'blue' },
      private_metadata: { plan: 'gold' },
      redirect_url: 'https://app.example.com/join?from=mail#top',
      expires_in_days: 14,
    });
  });

  it('leaves out what the old invitation did not have', () => {
    const body = reissueBody(invitation({ url: null, expires_at: null, private_metadata: undefined }));
    expect(body).toEqual({
      email_address: 'ada@example.com',
      role: 'org:admin',
      public_metadata: { team: 'blue' },
      private_metadata: {},
    });
  });
});
