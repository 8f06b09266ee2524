import type { OrganizationInvitationWithPublicOrganizationData, User } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { EMPTY, personSummary, ticketDate } from './person-summary.ts';

const T = Date.UTC(2026, 11, 4, 16, 30);

const user = {
  object: 'user',
  id: 'user_ada',
  first_name: 'Ada',
  last_name: 'Lovelace',
  has_image: false,
  primary_email_address_id: null,
  email_addresses: [],
  public_metadata: {},
  created_at: Date.UTC(2026, 10, 2, 9, 0),
  updated_at: T,
  last_sign_in_at: null,
  banned: true,
  locked: false,
} satisfies User;

const invitation = {
  object: 'organization_invitation',
  id: 'orginv_1',
  email_address: 'ada@x.example',
  role: 'org:member',
  role_name: 'Member',
  organization_id: 'org_g',
  inviter_id: 'user_g',
  public_inviter_data: {
    user_id: 'user_g',
    first_name: 'Grace',
    last_name: 'Hopper',
    image_url: '',
    has_image: false,
    identifier: 'grace@globex.example',
  },
  status: 'pending',
  public_metadata: {},
  url: null,
  expires_at: Date.UTC(2026, 11, 31, 0, 0),
  created_at: Date.UTC(2026, 11, 1, 0, 0),
  updated_at: T,
  public_organization_data: { id: 'org_g', name: 'Globex', slug: 'globex', has_image: false },
} satisfies OrganizationInvitationWithPublicOrganizationData;

describe('personSummary', () => {
  it('says who they are, where they belong, what they were sent and what happened, in plain lines', () => {
    const text = personSummary(
      {
        email: 'ada@x.example',
        user,
        memberships: [],
        invitations: [invitation],
        activity: {
          total_count: 3,
          data: [
            {
              id: 'act_1',
              action: 'invitation.create',
              source: 'console',
              actor_id: 'user_g',
              actor_name: 'Grace Hopper',
              organization_id: 'org_g',
              email_addresses: ['ada@x.example'],
              outcome: 'ok',
              clerk_trace_id: null,
              detail: {},
              created_at: Date.UTC(2026, 11, 1, 0, 0),
            },
            {
              id: 'act_2',
              action: 'organizationMembership.created',
              source: 'clerk',
              actor_id: 'clerk',
              actor_name: null,
              organization_id: 'org_a',
              email_addresses: ['ada@x.example'],
              outcome: 'ok',
              clerk_trace_id: null,
              detail: {},
              created_at: Date.UTC(2026, 11, 2, 0, 0),
            },
          ],
        },
      },
      T,
    );
    expect(text).toBe(
      [
        'Person lookup: ada@x.example (2026-12-04 16:30 UTC)',
        '',
        'Clerk user: Ada Lovelace (user_ada); signed up 2026-11-02 09:00 UTC; last sign-in never; BANNED',
        EMPTY.memberships,
        'Invitations (1):',
        '- Globex: pending, Member, invited by Grace Hopper, created 2026-12-01 00:00 UTC, expires 2026-12-31 00:00 UTC (orginv_1)',
        'Activity (3, newest 2):',
        '- 2026-12-01 00:00 UTC: invitation.create by Grace Hopper, ok',
        '- 2026-12-02 00:00 UTC: organizationMembership.created by someone unknown (reported by Clerk), ok',
        '',
      ].join('\n'),
    );
  });

  it('says plainly what was not found, and what has not loaded', () => {
    const text = personSummary(
      { email: 'nobody@x.example', user: null, memberships: undefined, invitations: [], activity: undefined },
      T,
    );
    expect(text).toContain(EMPTY.user);
    expect(text).toContain(EMPTY.membershipsWithoutUser);
    expect(text).toContain(EMPTY.invitations);
    expect(text).toContain('Activity: not loaded.');
  });

  it('writes dates in UTC to the minute', () => {
    expect(ticketDate(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04 UTC');
    expect(ticketDate(null)).toBe('never');
  });
});
