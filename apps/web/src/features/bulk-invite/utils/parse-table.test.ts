import { describe, expect, it } from 'vitest';
import { parseAddresses } from './parse-addresses.ts';

const addresses = (input: string) => parseAddresses(input).rows.map((r) => r.address);

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

  it('skips Excel’s `sep=;` hint line before a table', () => {
    const { rows, headerLines } = parseAddresses('sep=;\nName;E-Mail-Adresse\nAda;a@x.example');
    expect(headerLines).toEqual([1, 2]);
    expect(rows.map((r) => [r.line, r.address])).toEqual([[3, 'a@x.example']]);
  });
});
