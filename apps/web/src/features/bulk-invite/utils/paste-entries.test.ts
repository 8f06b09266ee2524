import { describe, expect, it } from 'vitest';
import { parseAddresses } from './parse-addresses.ts';

const addresses = (input: string) => parseAddresses(input).rows.map((r) => r.address);

describe('parseAddresses: as mail clients write it', () => {
  it('reads Outlook’s unquoted `Last, First <address>;` as one entry with its display name', () => {
    const { rows } = parseAddresses(
      'Lovelace, Ada <ada@x.example>; Hopper, Grace Brewster <grace@x.example>; bob@x.example',
    );
    expect(rows.map((r) => [r.name, r.address])).toEqual([
      ['Lovelace, Ada', 'ada@x.example'],
      ['Hopper, Grace Brewster', 'grace@x.example'],
      [null, 'bob@x.example'],
    ]);
  });

  it('does not swallow a lower-case word or an address before the comma into a name', () => {
    expect(addresses('ada, Grace <g@x.example>')).toEqual(['ada', 'g@x.example']);
    expect(addresses('a@x.example, Grace <g@x.example>')).toEqual(['a@x.example', 'g@x.example']);
  });

  it('reads curly quotes as Outlook and Word write them around a name with a comma', () => {
    const { rows } = parseAddresses(
      '\u201CLee, Kim\u201D <kim.lee@x.example>, \u201EM\u00FCller, Jo\u201D <jo@x.example>',
    );
    expect(
      rows.map((r) => [r.name, r.address, r.text.startsWith('\u201C') || r.text.startsWith('\u201E')]),
    ).toEqual([
      ['Lee, Kim', 'kim.lee@x.example', true],
      ['M\u00FCller, Jo', 'jo@x.example', true],
    ]);
  });

  it('reads mailto: links, with or without a query, bare or in brackets', () => {
    expect(
      addresses(
        'mailto:a@x.example?subject=Hi%20there&cc=z@x.example <mailto:b@x.example?body=x> mailto:c%40x.example',
      ),
    ).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
  });

  it('leaves out a sentence’s full stop, comma, semicolon and closing brackets', () => {
    const { rows } = parseAddresses('Write to a@x.example. Or (b@x.example), [c@x.example]; d@x.example!');
    expect(rows.map((r) => [r.name, r.address])).toEqual([
      ['Write to', 'a@x.example'],
      ['Or', 'b@x.example'],
      [null, 'c@x.example'],
      [null, 'd@x.example'],
    ]);
    expect(parseAddresses('Ada <a@x.example>.').rows.map((r) => r.address)).toEqual(['a@x.example']);
  });

  it('keeps a ? of the local part, which is allowed there', () => {
    expect(addresses('what?now@x.example')).toEqual(['what?now@x.example']);
  });

  it('reads Unicode domains, their ideographic full stops and decomposed letters as one form', () => {
    expect(
      addresses('m\u00FCller@m\u00FCnchen.example ユーザー@例え。テスト mu\u0308ller@x.example'),
    ).toEqual(['m\u00FCller@m\u00FCnchen.example', 'ユーザー@例え.テスト', 'm\u00FCller@x.example']);
  });

  it('marks a Microsoft 365 guest account name, which is not the guest’s address', () => {
    expect(parseAddresses('ada_home.example#EXT#@tenant.onmicrosoft.example').rows[0]?.problem).toMatch(
      /guest/,
    );
  });
});
