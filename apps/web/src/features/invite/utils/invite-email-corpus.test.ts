import { ACCEPTED_EMAILS, REJECTED_EMAILS } from '@invites/clerk-schema/email-corpus';
import { describe, expect, it } from 'vitest';
import { BLANK_INVITE, InviteFormSchema, inviteErrorMessage, toCreateBody } from './invite-form-schema.ts';

const parse = (email: string) =>
  InviteFormSchema.safeParse(
    { ...BLANK_INVITE, role: 'org:member', email_address: email },
    { error: inviteErrorMessage },
  );

describe('invite dialog: addresses agree with the shared corpus (the rules the api and Clerk apply)', () => {
  it.each(ACCEPTED_EMAILS.map((a) => [a]))('accepts %s and sends it as typed', (address) => {
    const result = parse(address);
    expect(result.success).toBe(true);
    if (result.success) expect(toCreateBody(result.data, false).email_address).toBe(address);
  });

  it.each(REJECTED_EMAILS.map(([a, why]) => [JSON.stringify(a).slice(0, 70), why, a] as const))(
    'rejects %s: it %s',
    (_shown, why, address) => {
      const result = parse(address);
      if (address.trim() !== address) {
        // Whitespace around an address is trimmed (as Clerk does); what is left is judged.
        expect(result.success).toBe(REJECTED_EMAILS.every(([a]) => a !== address.trim()));
        return;
      }
      expect(result.success).toBe(false);
      if (!result.success) {
        const issue = result.error.issues.find((i) => i.path[0] === 'email_address');
        expect(issue?.message).toBe(`email address ${why}`);
      }
    },
  );
});
