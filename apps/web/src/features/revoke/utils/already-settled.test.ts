import { describe, expect, it } from 'vitest';
import { toApiError } from '../../../lib/api-client.ts';
import { alreadySettled } from './already-settled.ts';

const notPending = (meta?: Record<string, unknown>) =>
  toApiError(404, {
    errors: [
      {
        code: 'organization_invitation_not_pending',
        message: 'not pending',
        long_message: "The organization invitation is not in the 'pending' status.",
        ...(meta ? { meta } : {}),
      },
    ],
  });

describe('alreadySettled', () => {
  it('says who revoked it first, or that it was accepted or expired', () => {
    expect(alreadySettled(notPending({ invitation_status: 'revoked', revoked_by: 'Ada Lovelace' }))).toBe(
      'Already revoked by Ada Lovelace',
    );
    expect(alreadySettled(notPending({ invitation_status: 'revoked', revoked_by: null }))).toBe(
      'Already revoked',
    );
    expect(alreadySettled(notPending({ invitation_status: 'accepted' }))).toBe('Already accepted');
    expect(alreadySettled(notPending({ invitation_status: 'expired' }))).toBe('Already expired');
  });

  it('still explains Clerk’s bare refusal, and leaves other errors alone', () => {
    expect(alreadySettled(notPending())).toBe('No longer pending');
    expect(
      alreadySettled(
        toApiError(502, { errors: [{ code: 'upstream_unavailable', message: 'x', long_message: 'x' }] }),
      ),
    ).toBeNull();
  });
});
