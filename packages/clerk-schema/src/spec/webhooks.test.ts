import { describe, expect, it } from 'vitest';
import { webhookEventErrors, webhookEventTypes } from './webhooks.ts';

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
const envelope = { object: 'event', instance_id: 'ins_2abc', timestamp: 1_764_547_200_000 };

describe('webhookEventErrors', () => {
  it('lists the organization invitation and membership events', () => {
    expect(webhookEventTypes()).toEqual(
      expect.arrayContaining([
        'organizationInvitation.created',
        'organizationInvitation.accepted',
        'organizationInvitation.revoked',
        'organizationMembership.created',
        'organizationMembership.updated',
        'organizationMembership.deleted',
      ]),
    );
  });

  it('accepts a created event and an accepted one carrying user_id', () => {
    expect(
      webhookEventErrors({ ...envelope, type: 'organizationInvitation.created', data: invitation }),
    ).toEqual([]);
    const accepted = { ...invitation, status: 'accepted', user_id: 'user_2x', data: {} };
    expect(
      webhookEventErrors({ ...envelope, type: 'organizationInvitation.accepted', data: accepted }),
    ).toEqual([]);
  });

  it('still refuses an unknown field on an invitation, and an accepted event without user_id', () => {
    const extra = { ...invitation, surprise: 1 };
    expect(
      webhookEventErrors({ ...envelope, type: 'organizationInvitation.revoked', data: extra }).join(),
    ).toContain('additionalProperty');
    expect(
      webhookEventErrors({ ...envelope, type: 'organizationInvitation.accepted', data: invitation }).join(),
    ).toContain('user_id');
  });

  it('reports a missing envelope field and an unknown event type', () => {
    const { instance_id: _id, ...noInstance } = envelope;
    expect(
      webhookEventErrors({ ...noInstance, type: 'organizationInvitation.created', data: invitation }).join(),
    ).toContain('instance_id');
    expect(webhookEventErrors({ ...envelope, type: 'nope.created', data: {} })).toEqual([
      '/ unknown event type nope.created',
    ]);
  });
});
