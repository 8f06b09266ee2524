import { describe, expect, it } from 'vitest';
import { formatCount, formatRange, fullName, pageCount, roleLabel } from './format.ts';

describe('formatRange', () => {
  it('says which rows of how many are shown, with an en dash and thousands separators', () => {
    expect(formatRange(1, 25, 2134)).toBe('1–25 of 2,134');
    expect(formatRange(2, 25, 2134)).toBe('26–50 of 2,134');
    expect(formatRange(86, 25, 2134)).toBe('2,126–2,134 of 2,134');
    expect(formatRange(1, 500, 2134)).toBe('1–500 of 2,134');
  });
  it('handles an empty list and a page past the end', () => {
    expect(formatRange(1, 25, 0)).toBe('0 of 0');
    expect(formatRange(2, 25, 30)).toBe('26–30 of 30');
    expect(formatRange(999, 25, 276)).toBe('None of 276');
    expect(formatRange(3, 25, 30)).toBe('None of 30');
  });
});

describe('pageCount and formatCount', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(2134, 25)).toBe(86);
    expect(pageCount(0, 25)).toBe(1);
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('names', () => {
  it('joins first and last name, else falls back', () => {
    expect(fullName({ first_name: 'Ada', last_name: 'Lovelace' })).toBe('Ada Lovelace');
    expect(fullName({ first_name: null, last_name: null }, 'ada@acme.example')).toBe('ada@acme.example');
    expect(roleLabel('org:billing_manager')).toBe('Billing manager');
  });
});
