/**
 * Addresses every email check of the product must agree on (the invite dialog, the bulk paste, the
 * api and the emulator): what Clerk accepts, internationalized addresses included, and what it
 * rejects with `form_param_format_invalid` (see ../../shared/clerk/BEHAVIOR.md). Test data only;
 * exported as `@invites/clerk-schema/email-corpus`.
 */

const LOCAL_64 = 'l'.repeat(64);
// 64 + 1 + 189 = 254 characters: the longest address.
const LONGEST = `${LOCAL_64}@${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(63)}.com`;

/** Addresses Clerk accepts. */
export const ACCEPTED_EMAILS: readonly string[] = [
  'ada@example.com',
  'a@b.io',
  'first.last@example.com',
  'first.last+tag@sub.example.co.uk',
  "o'brien@example.ie",
  'user_name-1@example-domain.com',
  'x!#$%&*+/=?^`{|}~@example.org',
  'UPPER@EXAMPLE.COM',
  '12345@example.com',
  'user@123.example.com',
  'user@xn--bcher-kva.example',
  'user@example.xn--p1ai',
  // Internationalized (RFC 6531): Unicode local parts and domains.
  'josé@exämple.de',
  'müller@münchen.de',
  'θσερ@παράδειγμα.ελ',
  'иван@пример.рф',
  '用户@例子.广告',
  'ユーザー@例え.テスト',
  'उपयोगकर्ता@उदाहरण.कॉम',
  'δοκιμή@example.com',
  'user@bücher.example',
  'MÜLLER@MÜNCHEN.DE',
  'çœur@exemple.fr',
  `${LOCAL_64}@example.com`,
  LONGEST,
];

/** Addresses Clerk rejects, each with the reason the product gives. */
export const REJECTED_EMAILS: readonly (readonly [address: string, reason: string])[] = [
  ['', 'is empty'],
  ['plain', 'is missing an @'],
  ['example.com', 'is missing an @'],
  ['@example.com', 'has nothing before the @'],
  ['ada@', 'has no domain'],
  ['a@b@c.com', 'has more than one @'],
  ['a@localhost', 'has a domain without a dot'],
  ['a..b@example.com', 'has an invalid character or dot before the @'],
  ['.a@example.com', 'has an invalid character or dot before the @'],
  ['a.@example.com', 'has an invalid character or dot before the @'],
  ['a(b)@example.com', 'has an invalid character or dot before the @'],
  ['a"b@example.com', 'has an invalid character or dot before the @'],
  ['"quoted"@example.com', 'has an invalid character or dot before the @'],
  ['a\\b@example.com', 'has an invalid character or dot before the @'],
  ['a:b@example.com', 'has an invalid character or dot before the @'],
  ['a\u200Bb@example.com', 'has an invalid character or dot before the @'],
  ['a b@example.com', 'contains whitespace'],
  ['ada@exam ple.com', 'contains whitespace'],
  ['ada@example.com\n', 'contains whitespace'],
  ['a\tb@example.com', 'contains whitespace'],
  ['a@-example.com', 'has an invalid domain'],
  ['a@example-.com', 'has an invalid domain'],
  ['a@example..com', 'has an invalid domain'],
  ['a@.example.com', 'has an invalid domain'],
  ['a@exa_mple.com', 'has an invalid domain'],
  ['a@[127.0.0.1]', 'has an invalid domain'],
  ['a@127.0.0.1', 'has an invalid top-level domain'],
  ['a@example.c', 'has an invalid top-level domain'],
  ['a@example.123', 'has an invalid top-level domain'],
  ['a@example.com.', 'has an invalid domain'],
  // An ideographic full stop is no label separator to Clerk: the paste reads it as one.
  ['ユーザー@例え。テスト', 'has a domain without a dot'],
  [`${'x'.repeat(65)}@example.com`, 'has a local part longer than 64 characters'],
  [
    `${'x'.repeat(64)}@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.com`,
    'is longer than 254 characters',
  ],
  [`a@${'d'.repeat(64)}.com`, 'has an invalid domain'],
  ['Ada Lovelace <ada@example.com>', 'contains whitespace'],
  ['<ada@example.com>', 'has an invalid character or dot before the @'],
  ['mailto:ada@example.com', 'has an invalid character or dot before the @'],
];
