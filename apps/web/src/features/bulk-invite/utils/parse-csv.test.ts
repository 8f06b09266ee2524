import { describe, expect, it } from 'vitest';
import { csvRowToLine } from './csv-line.ts';
import { parseAddresses } from './parse-addresses.ts';
import { parseCsv } from './parse-csv.ts';

describe('parseCsv', () => {
  it('reads an email column and an optional role column', () => {
    const result = parseCsv('email,role\nada@acme.example,org:admin\ngrace@acme.example,\n');
    expect(result).toEqual({
      ok: true,
      warnings: [],
      rows: [
        { row: 2, email: 'ada@acme.example', name: null, role: 'org:admin' },
        { row: 3, email: 'grace@acme.example', name: null, role: null },
      ],
    });
  });

  it('matches the header case-insensitively and accepts email_address', () => {
    const upper = parseCsv('EMAIL\nada@acme.example\n');
    const other = parseCsv('Name,Email_Address,Role\nAda,ada@acme.example,Admin\n');
    expect(upper.ok && upper.rows.map((r) => r.email)).toEqual(['ada@acme.example']);
    expect(other.ok && other.rows[0]).toEqual({
      row: 2,
      email: 'ada@acme.example',
      name: 'Ada',
      role: 'Admin',
    });
  });

  it('strips a BOM and reads CRLF, quoted fields with commas, quotes and newlines', () => {
    const csv =
      '\uFEFFname,email\r\n"Lovelace, Ada",ada@acme.example\r\n"Grace ""Amazing""\r\nHopper", grace@acme.example \r\n';
    const result = parseCsv(csv);
    expect(result.ok && result.rows.map((r) => [r.name, r.email])).toEqual([
      ['Lovelace, Ada', 'ada@acme.example'],
      ['Grace "Amazing"\r\nHopper', 'grace@acme.example'],
    ]);
  });

  it('detects semicolon and tab delimiters, and joins first and last names', () => {
    const semi = parseCsv('first_name;last_name;email\nAda;Lovelace;ada@acme.example\n');
    const tabs = parseCsv('email\trole\nada@acme.example\torg:member\n');
    expect(semi.ok && semi.rows[0]?.name).toBe('Ada Lovelace');
    expect(tabs.ok && tabs.rows[0]?.role).toBe('org:member');
  });

  it('explains a CSV without an email column, naming the columns it has', () => {
    expect(parseCsv('name,mail\nAda,ada@acme.example\n')).toEqual({
      ok: false,
      error:
        'This CSV has no "email" column. Its columns are: name, mail. Name the column holding the addresses "email".',
    });
    expect(parseCsv('  \n')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(parseCsv('email\n\n')).toEqual({ ok: false, error: 'The "email" column is empty.' });
  });

  it('skips blank lines silently and reports rows without an address', () => {
    const result = parseCsv('email,name\nada@acme.example,Ada\n\n,Grace\n');
    expect(result.ok && result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.warnings).toEqual(['Skipped row 4: no email address.']);
  });

  it('reports malformed quoting as a warning and keeps the rows it could read', () => {
    const result = parseCsv('email,name\nada@acme.example,"Ada\n');
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual(['Quoted field unterminated; check the quotes in the file.']);
  });
});

describe('csvRowToLine', () => {
  it('writes lines the paste parser reads back to the same address and name', () => {
    const rows = [
      { email: 'ada@acme.example', name: null },
      { email: 'ada@acme.example', name: 'Ada Lovelace' },
      { email: 'ada@acme.example', name: 'Lovelace, Ada "The Countess"' },
      { email: 'not an address', name: null },
    ];
    const parsed = parseAddresses(rows.map(csvRowToLine).join('\n')).rows;
    expect(parsed.map((r) => [r.address, r.name])).toEqual([
      ['ada@acme.example', null],
      ['ada@acme.example', 'Ada Lovelace'],
      ['ada@acme.example', 'Lovelace, Ada "The Countess"'],
      ['not an address', null],
    ]);
  });
});
