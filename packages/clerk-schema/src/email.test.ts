import { describe, expect, it } from 'vitest';
import { emailProblem, normalizeEmail } from './email.ts';

describe('emailProblem', () => {
  it.each([
    'ada@example.com',
    'first.last+tag@sub.example.co.uk',
    "o'brien@example.ie",
    'josé@exämple.de',
    '用户@例子.广告',
    'иван@пример.рф',
    'user@xn--bcher-kva.example',
    'a@b.io',
  ])('accepts %s', (address) => {
    expect(emailProblem(address)).toBeNull();
  });

  it.each([
    ['', 'is empty'],
    ['plain', 'is missing an @'],
    ['@example.com', 'has nothing before the @'],
    ['a@b@c.com', 'has more than one @'],
    ['a@localhost', 'has a domain without a dot'],
    ['a..b@example.com', 'has an invalid character or dot before the @'],
    ['.a@example.com', 'has an invalid character or dot before the @'],
    ['a b@example.com', 'contains whitespace'],
    ['a@-example.com', 'has an invalid domain'],
    ['a@example.c', 'has an invalid top-level domain'],
    ['a@example.123', 'has an invalid top-level domain'],
    [`${'x'.repeat(65)}@example.com`, 'has a local part longer than 64 characters'],
    ['a(b)@example.com', 'has an invalid character or dot before the @'],
  ])('rejects %j because it %s', (address, why) => {
    expect(emailProblem(address)).toBe(why);
  });

  it('normalizes by trimming and lower-casing', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });
});
