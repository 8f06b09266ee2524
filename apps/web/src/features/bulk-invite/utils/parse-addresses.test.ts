import { describe, expect, it } from 'vitest';
import { parseAddresses } from './parse-addresses.ts';

const addresses = (input: string) => parseAddresses(input).rows.map((r) => r.address);

describe('parseAddresses: separators', () => {
  it('splits on newlines, commas, semicolons, spaces and tabs', () => {
    expect(addresses('a@x.example\nb@x.example')).toEqual(['a@x.example', 'b@x.example']);
    expect(addresses('a@x.example, b@x.example,c@x.example')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
    expect(addresses('a@x.example; b@x.example;c@x.example')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
    expect(addresses('a@x.example b@x.example   c@x.example')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
    expect(addresses('a@x.example\tb@x.example')).toEqual(['a@x.example', 'b@x.example']);
    expect(addresses('a@x.example,\n;b@x.example ,; c@x.example')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
  });

  it('handles CRLF, CR, Unicode line separators and full-width punctuation', () => {
    expect(addresses('a@x.example\r\nb@x.example\rc@x.example\u2028d@x.example')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
      'd@x.example',
    ]);
    expect(addresses('a@x.example\uFF0Cb\uFF20x.example\u3001c@x.example')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
  });

  it('ignores empty input, blank lines and stray separators', () => {
    expect(parseAddresses('').rows).toEqual([]);
    expect(parseAddresses(' \n\n ,;, \t \n').rows).toEqual([]);
  });
});

describe('parseAddresses: odd whitespace', () => {
  it('treats no-break and other Unicode spaces as spaces', () => {
    expect(addresses('a@x.example\u00A0b@x.example\u202Fc@x.example\u3000d@x.example')).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
      'd@x.example',
    ]);
    expect(addresses('\u00A0\u00A0a@x.example\u00A0\u00A0')).toEqual(['a@x.example']);
  });

  it('drops zero-width characters, soft hyphens and a BOM, even inside an address', () => {
    expect(addresses('\uFEFFa\u200B@x.exa\u00ADmple\u200C\n\u2060b@x.example\u200D')).toEqual([
      'a@x.example',
      'b@x.example',
    ]);
  });
});

describe('parseAddresses: names', () => {
  it('reads Name <email>', () => {
    const [row] = parseAddresses('Ada Lovelace <ada@acme.example>').rows;
    expect(row).toMatchObject({
      address: 'ada@acme.example',
      name: 'Ada Lovelace',
      text: 'Ada Lovelace <ada@acme.example>',
    });
  });

  it('reads "Last, First" <email> with the comma inside quotes', () => {
    const { rows } = parseAddresses('"Lovelace, Ada" <ada@acme.example>, "Hopper; Grace" <grace@x.example>');
    expect(rows.map((r) => [r.name, r.address])).toEqual([
      ['Lovelace, Ada', 'ada@acme.example'],
      ['Hopper; Grace', 'grace@x.example'],
    ]);
  });

  it('reads quoted names with escaped quotes, and names before a bare address', () => {
    const { rows } = parseAddresses('"Ada \\"Countess\\" L." <ada@x.example>\nGrace Hopper grace@x.example');
    expect(rows.map((r) => [r.name, r.address])).toEqual([
      ['Ada "Countess" L.', 'ada@x.example'],
      ['Grace Hopper', 'grace@x.example'],
    ]);
  });

  it('splits several named entries on one line, with or without commas', () => {
    expect(addresses('Ada <a@x.example> Grace <g@x.example>, <l@x.example>')).toEqual([
      'a@x.example',
      'g@x.example',
      'l@x.example',
    ]);
  });

  it('keeps internationalized names and addresses', () => {
    const { rows } = parseAddresses('Zoë Müller <zoë@bücher.example>\n用户@例子.广告');
    expect(rows.map((r) => [r.name, r.address])).toEqual([
      ['Zoë Müller', 'zoë@bücher.example'],
      [null, '用户@例子.广告'],
    ]);
  });

  it('strips mailto: and enclosing quotes or brackets from bare addresses', () => {
    expect(addresses("mailto:a@x.example ('b@x.example') [c@x.example]")).toEqual([
      'a@x.example',
      'b@x.example',
      'c@x.example',
    ]);
  });

  it('keeps words that are not addresses as their own (invalid) rows', () => {
    expect(addresses('not-an-email, ada.example.com b@x.example 42')).toEqual([
      'not-an-email',
      'ada.example.com',
      'b@x.example',
      '42',
    ]);
  });

  it('takes an unclosed <address to the end of the entry', () => {
    expect(parseAddresses('Ada <ada@x.example').rows[0]).toMatchObject({
      address: 'ada@x.example',
      name: 'Ada',
    });
  });
});

describe('parseAddresses: positions', () => {
  it('reports line, column, order and the original text', () => {
    const { rows } = parseAddresses('\na@x.example,  Bob <b@x.example>\n\n  c@x.example');
    expect(rows.map((r) => [r.index, r.line, r.column, r.text])).toEqual([
      [0, 2, 1, 'a@x.example'],
      [1, 2, 15, 'Bob <b@x.example>'],
      [2, 4, 3, 'c@x.example'],
    ]);
  });
});

describe('parseAddresses: spreadsheet columns', () => {
  it('reads a pasted column', () => {
    expect(addresses('a@x.example\nb@x.example\n')).toEqual(['a@x.example', 'b@x.example']);
  });

  it('detects a header row and reads the Email, Name and Role columns', () => {
    const paste = 'Name\tEmail\tRole\nAda Lovelace\tada@x.example\tadmin\nGrace\tgrace@x.example\t\n';
    const result = parseAddresses(paste);
    expect(result.headerLines).toEqual([1]);
    expect(result.rows.map((r) => [r.line, r.name, r.address, r.role])).toEqual([
      [2, 'Ada Lovelace', 'ada@x.example', 'admin'],
      [3, 'Grace', 'grace@x.example', null],
    ]);
  });

  it('joins first and last name columns and reports a row with an empty Email cell', () => {
    const paste = 'First name\tLast name\tE-mail address\nAda\tLovelace\tada@x.example\nGrace\tHopper\t\n';
    const { rows } = parseAddresses(paste);
    expect(rows[0]).toMatchObject({ name: 'Ada Lovelace', address: 'ada@x.example', problem: null });
    expect(rows[1]).toMatchObject({
      line: 3,
      address: '',
      name: 'Grace Hopper',
      problem: 'This row has no email address.',
    });
  });

  it('reads a comma-separated table with a header, quoted cells included', () => {
    const { rows, headerLines } = parseAddresses(
      'email,role\r\nada@x.example,org:admin\r\n"b@x.example",\r\n',
    );
    expect(headerLines).toEqual([1]);
    expect(rows.map((r) => [r.address, r.role])).toEqual([
      ['ada@x.example', 'org:admin'],
      ['b@x.example', null],
    ]);
  });

  it('skips a lone "Email" header of a pasted column', () => {
    const result = parseAddresses('Email\na@x.example\nb@x.example');
    expect(result.headerLines).toEqual([1]);
    expect(result.tables).toEqual([]);
    expect(result.rows.map((r) => r.address)).toEqual(['a@x.example', 'b@x.example']);
  });

  it('without a header, takes the cells with an @ and reports rows without any', () => {
    const { rows, headerLines } = parseAddresses(
      'Ada Lovelace\tada@x.example\tSales\nGrace Hopper\tEngineering',
    );
    expect(headerLines).toEqual([]);
    expect(rows.map((r) => [r.address, r.problem])).toEqual([
      ['ada@x.example', null],
      ['', 'This row has no email address.'],
    ]);
  });

  it('does not take a first line with an address as a header', () => {
    expect(parseAddresses('email@x.example\nb@x.example').headerLines).toEqual([]);
  });
});

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

describe('parseAddresses: tables anywhere in the box', () => {
  it('reads a table pasted after typed addresses with its roles, and never reports its header row', () => {
    const { rows, tables, headerLines } = parseAddresses(
      'typed@x.example\nEmail\tRole\na@x.example\tadmin\nb@x.example\tboss',
    );
    expect(headerLines).toEqual([2]);
    expect(tables).toMatchObject([{ headerLine: 2, lastLine: 4, email: 0, role: 1, rowCount: 2 }]);
    expect(rows.map((r) => [r.line, r.address, r.role])).toEqual([
      [1, 'typed@x.example', null],
      [3, 'a@x.example', 'admin'],
      [4, 'b@x.example', 'boss'],
    ]);
  });

  it('reads only the primary email column: never a manager’s, recovery or secondary address', () => {
    const paste =
      'Email Address [Required]\tRecovery Email\tWork Secondary Email\tManager Email\n' +
      'ada@x.example\tada@home.example\tada@labs.example\tboss@x.example';
    expect(addresses(paste)).toEqual(['ada@x.example']);
  });

  it('reads one row per record: the first address of its cell, the others being the same person’s', () => {
    expect(addresses('E-mail 1 - Value,Name\nada@x.example ::: ada@home.example,Ada')).toEqual([
      'ada@x.example',
    ]);
  });

  it('ends a table at a blank line or a line without its delimiter', () => {
    const { rows, tables } = parseAddresses(
      'email,role\na@x.example,admin\n\nb@x.example\tc@x.example\nd@x.example',
    );
    expect(tables[0]?.lastLine).toBe(2);
    expect(rows.map((r) => [r.line, r.address, r.role])).toEqual([
      [2, 'a@x.example', 'admin'],
      [4, 'b@x.example', null],
      [4, 'c@x.example', null],
      [5, 'd@x.example', null],
    ]);
  });

  it('reads a quoted cell across lines as one record, numbered by its first line', () => {
    const { rows } = parseAddresses(
      'Name,Notes,Email\n"Ada","met at the demo,\nprefers email",a@x.example\nGrace,,g@x.example',
    );
    expect(rows.map((r) => [r.line, r.name, r.address])).toEqual([
      [2, 'Ada', 'a@x.example'],
      [4, 'Grace', 'g@x.example'],
    ]);
  });

  it('waits for the admin’s column when no header settles it, then reads that column', () => {
    const paste = 'Name\tEmail\tWork email\nAda\tada@home.example\tada@x.example';
    const first = parseAddresses(paste);
    expect(first.rows).toEqual([]);
    expect(first.tables[0]).toMatchObject({
      email: null,
      detected: { problem: 'ambiguous', candidates: [1, 2] },
    });
    const key = first.tables[0]?.key ?? '';
    const picked = parseAddresses(paste, { columns: { [key]: { email: 2, role: null } } });
    expect(picked.rows.map((r) => [r.name, r.address])).toEqual([['Ada', 'ada@x.example']]);
    expect(picked.tables[0]).toMatchObject({ email: 2, chosen: true });
  });

  it('ignores a choice that names a column the table does not have', () => {
    const paste = 'Name,Contact\nAda,ada@x.example';
    const key = parseAddresses(paste).tables[0]?.key ?? '';
    expect(parseAddresses(paste, { columns: { [key]: { email: 7, role: null } } }).tables[0]).toMatchObject({
      email: null,
      chosen: false,
      detected: { problem: 'missing', candidates: [1] },
    });
  });

  it('finds the role column of rows without a header, when most of its cells name a role', () => {
    const isRole = (text: string) => ['admin', 'member'].includes(text.toLowerCase());
    const { rows } = parseAddresses(
      'a@x.example\tadmin\nb@x.example\tMember\nc@x.example\tboss\nd@x.example',
      {
        isRole,
      },
    );
    expect(rows.map((r) => [r.address, r.role])).toEqual([
      ['a@x.example', 'admin'],
      ['b@x.example', 'Member'],
      ['c@x.example', 'boss'],
      ['d@x.example', null],
    ]);
    // A department column is not a role column.
    expect(
      parseAddresses('a@x.example\tSales\nb@x.example\tAdmin\nc@x.example\tLegal', { isRole }).rows.map(
        (r) => r.role,
      ),
    ).toEqual([null, null, null]);
  });
});

describe('parseAddresses: size', () => {
  it('parses 10,000 rows, every one in order (speed: pnpm bench)', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      i % 3 === 0
        ? `Person ${i} <p${i}@x.example>`
        : i % 3 === 1
          ? `p${i}@x.example,`
          : `"Last, F${i}"\t<p${i}@x.example>`,
    );
    const { rows } = parseAddresses(lines.join('\n'));
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]?.address).toBe('p9999@x.example');
    expect(rows.every((r, i) => r.index === i && r.line === i + 1)).toBe(true);
  });
});
