import { describe, expect, it } from 'vitest';
import { EmailAddress, emailProblem } from './email.ts';
import { ACCEPTED_EMAILS, REJECTED_EMAILS } from './email-corpus.ts';

describe('the shared email corpus', () => {
  it.each(ACCEPTED_EMAILS.map((a) => [a]))('accepts %s', (address) => {
    expect(emailProblem(address)).toBeNull();
    expect(EmailAddress.safeParse(address).success).toBe(true);
  });

  it.each(REJECTED_EMAILS.map(([a, why]) => [JSON.stringify(a).slice(0, 80), why, a] as const))(
    'rejects %s: it %s',
    (_shown, why, address) => {
      expect(emailProblem(address)).toBe(why);
      // The schema trims first (Clerk does too), so only whitespace at the ends is forgiven.
      if (address.trim() === address) expect(EmailAddress.safeParse(address).success).toBe(false);
    },
  );
});
