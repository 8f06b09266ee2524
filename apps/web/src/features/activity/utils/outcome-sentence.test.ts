import { describe, expect, it } from 'vitest';
import { outcomeSentence } from './outcome-sentence.ts';

describe('outcomeSentence', () => {
  it("reads Clerk's codes as sentences", () => {
    expect(outcomeSentence({ outcome: 'already_a_member_in_organization', detail: {} })).toBe(
      'Already a member of the organization.',
    );
    expect(outcomeSentence({ outcome: 'upstream_timeout', detail: {} })).toBe(
      'Clerk did not answer in time.',
    );
    expect(outcomeSentence({ outcome: 'ok', detail: {} })).toBe('Done.');
  });

  it('says what a late revoke found, when the api learned it', () => {
    const late = 'organization_invitation_not_pending';
    expect(outcomeSentence({ outcome: late, detail: { invitation_status: 'revoked' } })).toBe(
      'Was already revoked.',
    );
    expect(outcomeSentence({ outcome: late, detail: { invitation_status: 'accepted' } })).toBe(
      'Was already accepted.',
    );
    expect(outcomeSentence({ outcome: late, detail: {} })).toBe('The invitation was no longer pending.');
  });

  it('turns an unknown code into words rather than showing it raw', () => {
    expect(outcomeSentence({ outcome: 'some_new_code', detail: {} })).toBe('Some new code.');
  });
});
