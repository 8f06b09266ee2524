import { type ClerkError, clerkErrors } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { isJobWideRejection, offendingItems, rowMessage } from './clerk-rejection.ts';

const emails = ['a@x.com', 'aa@x.com', 'b@x.com'];
const error = (long_message: string, meta?: Record<string, unknown>): ClerkError => ({
  code: 'some_code',
  message: 'm',
  long_message,
  ...(meta ? { meta } : {}),
});

describe('finding the addresses a bulk rejection names', () => {
  it('uses meta.email_addresses', () => {
    const named = offendingItems(clerkErrors.duplicateRecord(['B@x.com']).errors, emails);
    expect([...named.keys()]).toEqual([2]);
  });

  it('finds an address quoted in long_message without matching a longer one', () => {
    expect([
      ...offendingItems([error('aa@x.com is already a member of the organization.')], emails).keys(),
    ]).toEqual([1]);
    expect([...offendingItems([error('a@x.com is already a member.')], emails).keys()]).toEqual([0]);
  });

  it('uses meta.index or an indexed param_name', () => {
    expect([...offendingItems([error('bad', { index: 1 })], emails).keys()]).toEqual([1]);
    expect([...offendingItems([error('bad', { param_name: '[2].email_address' })], emails).keys()]).toEqual([
      2,
    ]);
  });

  it('names nothing when the error does not say which address it refused', () => {
    expect(offendingItems(clerkErrors.paramFormatInvalid('email_address').errors, emails).size).toBe(0);
  });
});

describe('rejections that end the whole job', () => {
  it('an inviter who is not an admin or is missing, a missing organization, a bad key or a full quota', () => {
    expect(isJobWideRejection(404, clerkErrors.userNotFound('user_1').errors[0])).toBe(true);
    expect(isJobWideRejection(403, clerkErrors.notAnAdmin('user_1').errors[0])).toBe(true);
    expect(isJobWideRejection(404, clerkErrors.organizationNotFound().errors[0])).toBe(true);
    expect(isJobWideRejection(401, clerkErrors.secretKeyInvalid().errors[0])).toBe(true);
    expect(isJobWideRejection(403, clerkErrors.membershipQuotaExceeded(5).errors[0])).toBe(true);
  });

  it('but not an unknown role or a duplicate, which concern single rows', () => {
    expect(isJobWideRejection(404, clerkErrors.roleNotFound().errors[0])).toBe(false);
    expect(isJobWideRejection(400, clerkErrors.duplicateRecord(['a@x.com']).errors[0])).toBe(false);
  });
});

describe('the message a rejected row keeps', () => {
  it('is about its own address, though Clerk’s duplicate answer lists the whole chunk', () => {
    const [duplicate] = clerkErrors.duplicateRecord(['a@x.com', 'b@x.com']).errors;
    expect(rowMessage(duplicate!, 'b@x.com')).toBe('There is already a pending invitation for b@x.com.');
    const [member] = clerkErrors.alreadyMember('a@x.com').errors;
    expect(rowMessage(member!, 'a@x.com')).toBe('a@x.com is already a member of the organization.');
  });

  it('names only its own address in any other answer that lists several', () => {
    const listed = error('These addresses are blocked: a@x.com, b@x.com', {
      email_addresses: ['a@x.com', 'b@x.com'],
    });
    expect(rowMessage(listed, 'a@x.com')).toBe('These addresses are blocked: a@x.com');
    expect(rowMessage(error('Organization role not found'), 'a@x.com')).toBe('Organization role not found');
  });
});
