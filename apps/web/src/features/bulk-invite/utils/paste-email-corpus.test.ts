import { ACCEPTED_EMAILS, REJECTED_EMAILS } from '@invites/clerk-schema/email-corpus';
import { describe, expect, it } from 'vitest';
import { validateRows } from './classify-rows.ts';
import { parseAddresses } from './parse-addresses.ts';

/** Rows of a paste after parsing and validation: [address, why invalid or null]. */
const verdicts = (paste: string) =>
  validateRows(parseAddresses(paste).rows).rows.map((r) => [r.address, r.invalid] as const);

/**
 * Rejected corpus entries the paste reads as paste syntax rather than one address (display names,
 * `<…>`, `mailto:`, separators, invisible characters copied from web pages): what it makes of them.
 */
const READ_AS_PASTE_SYNTAX: Record<string, (readonly [string, string | null])[]> = {
  '': [],
  'a"b@example.com': [
    ['a', 'is missing an @'],
    ['b@example.com', null],
  ],
  '"quoted"@example.com': [['@example.com', 'has nothing before the @']],
  'a\u200Bb@example.com': [['ab@example.com', null]],
  'a b@example.com': [['b@example.com', null]],
  'ada@exam ple.com': [
    ['ada@exam', 'has a domain without a dot'],
    ['ple.com', 'is missing an @'],
  ],
  'ada@example.com\n': [['ada@example.com', null]],
  'a\tb@example.com': [['b@example.com', null]],
  'a@[127.0.0.1]': [['a@[127.0.0.1', 'has an invalid domain']],
  'Ada Lovelace <ada@example.com>': [['ada@example.com', null]],
  '<ada@example.com>': [['ada@example.com', null]],
  'mailto:ada@example.com': [['ada@example.com', null]],
  // A sentence's full stop and a wide full stop in a Unicode domain are paste syntax too.
  'a@example.com.': [['a@example.com', null]],
  'ユーザー@例え。テスト': [['ユーザー@例え.テスト', null]],
};

describe('bulk paste: addresses agree with the shared corpus (the rules the api and Clerk apply)', () => {
  it.each(ACCEPTED_EMAILS.map((a) => [a]))('accepts %s', (address) => {
    expect(verdicts(address)).toEqual([[address, null]]);
  });

  it('accepts every internationalized address of the corpus in one paste, one row each', () => {
    expect(verdicts(ACCEPTED_EMAILS.join('\n'))).toEqual(ACCEPTED_EMAILS.map((a) => [a, null]));
  });

  it.each(REJECTED_EMAILS.map(([a, why]) => [JSON.stringify(a).slice(0, 70), why, a] as const))(
    'rejects %s: it %s (or reads it as paste syntax)',
    (_shown, why, address) => {
      const expected = READ_AS_PASTE_SYNTAX[address] ?? [[address, why]];
      expect(verdicts(address)).toEqual(expected);
      // Never is the address itself accepted.
      expect(verdicts(address)).not.toContainEqual([address, null]);
    },
  );
});
