import { describe, expect, it } from 'vitest';
import { newClerkId } from './ids.ts';
import { ExpiringInvitationsQuery, StartInvitationJobBody } from './lifecycle.ts';
import { parseClerk } from './validation.ts';

const id = () => newClerkId('orginv');

describe('StartInvitationJobBody', () => {
  it('takes a selection of invitation ids', () => {
    const ids = [id(), id()];
    expect(StartInvitationJobBody.parse({ kind: 'revoke', invitation_ids: ids })).toEqual({
      kind: 'revoke',
      invitation_ids: ids,
    });
  });

  it('takes a filter with an expiry window and left-out rows', () => {
    const skip = id();
    const body = StartInvitationJobBody.parse({
      kind: 'reissue',
      filter: { status: ['pending'], expires_within: 7 },
      exclude_invitation_ids: [skip],
    });
    expect(body.filter).toEqual({ status: ['pending'], expires_within: 7 });
    expect(body.exclude_invitation_ids).toEqual([skip]);
  });

  it('refuses both a selection and a filter, or neither', () => {
    for (const body of [{ kind: 'revoke', invitation_ids: [id()], filter: {} }, { kind: 'revoke' }]) {
      const result = parseClerk(StartInvitationJobBody, body);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.failure.errors[0]?.meta?.param_name).toBe('invitation_ids');
    }
  });

  it('refuses an unknown kind, a malformed id, more than 500 ids and an expiry window on other statuses', () => {
    const bad = [
      { kind: 'invite', invitation_ids: [id()] },
      { kind: 'revoke', invitation_ids: ['orginv_nope'] },
      { kind: 'revoke', invitation_ids: Array.from({ length: 501 }, id) },
      { kind: 'reissue', filter: { status: ['expired'], expires_within: 7 } },
      { kind: 'reissue', filter: { expires_within: 5 } },
      { kind: 'revoke', invitation_ids: [id()], exclude_invitation_ids: [id()] },
      { kind: 'revoke', filter: {}, invitations: [] },
    ];
    for (const body of bad)
      expect(parseClerk(StartInvitationJobBody, body).ok, JSON.stringify(body)).toBe(false);
  });
});

describe('ExpiringInvitationsQuery', () => {
  it('reads expires_within from a query string', () => {
    expect(ExpiringInvitationsQuery.parse({ expires_within: '14' })).toEqual({
      expires_within: 14,
      limit: 10,
      offset: 0,
    });
    expect(ExpiringInvitationsQuery.safeParse({ expires_within: '8' }).success).toBe(false);
    expect(ExpiringInvitationsQuery.safeParse({}).success).toBe(false);
  });
});
