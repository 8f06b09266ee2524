import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRows, resolveRole, validateRows } from './classify-rows.ts';
import { decodeFile } from './decode-file.ts';
import { parseAddresses } from './parse-addresses.ts';
import { tableKey } from './parse-table.ts';

// Every input of corpus/ (one file per format) with the rows it must yield: corpus/README.md says
// where each header row comes from. e2e/specs/bulk-invite-corpus.spec.ts feeds the same files to the
// preview in Chromium and compares its Ready rows.

interface Expected {
  input: 'upload' | 'paste';
  columns?: { email: string; role: string | null };
  rows: { line: number; status: string; shown: string; role?: string; reason?: string }[];
}

const DIR = join(import.meta.dirname, 'corpus');
const ROLES = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
  { key: 'org:billing', name: 'Billing manager' },
];
const inputs = readdirSync(DIR).filter((f) => !f.startsWith('.') && !/\.(json|md)$/.test(f));
const expectedOf = (file: string): Expected =>
  JSON.parse(readFileSync(join(DIR, file.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Expected;
const isRole = (cell: string) => resolveRole(cell, ROLES) !== null;

function preview(text: string, columns?: Record<string, { email: number; role: number | null }>) {
  const parsed = parseAddresses(text, { isRole, columns });
  const { rows } = classifyRows(validateRows(parsed.rows).rows, {
    check: { status: 'done', pending: new Map(), members: new Map() },
    defaultRole: 'org:member',
    roles: ROLES,
    includeMembers: false,
    rowIncludes: {},
    rowRoles: {},
  });
  return { parsed, rows };
}

describe('the corpus', () => {
  it('has an expectation beside every input and an input for every expectation', () => {
    const expectations = readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));
    expect(expectations.map((f) => f.replace('.expected.json', '')).sort()).toEqual(
      inputs.map((f) => f.replace(/\.\w+$/, '')).sort(),
    );
    expect(inputs.length).toBeGreaterThanOrEqual(15);
  });
});

describe.each(inputs)('corpus/%s', (file) => {
  const expected = expectedOf(file);
  // Uploads are decoded like the Upload button does; a paste arrives as the text it is.
  const bytes = readFileSync(join(DIR, file));
  const text = expected.input === 'upload' ? decodeFile(bytes) : bytes.toString('utf8');

  it('yields exactly the expected rows: line, status, address, role or reason', () => {
    const first = preview(text);
    let { rows } = first;
    if (expected.columns) {
      const table = first.parsed.tables[0];
      if (!table) throw new Error('the corpus file has no table');
      const { email, role } = expected.columns;
      const choice = {
        email: table.columns.indexOf(email),
        role: role === null ? null : table.columns.indexOf(role),
      };
      ({ rows } = preview(text, { [tableKey(table.columns)]: choice }));
    }
    expect(
      rows.map((r) => ({
        line: r.line,
        status: r.status,
        shown: r.address || r.text,
        ...(r.status === 'ready' ? { role: r.role } : { reason: r.reason }),
      })),
    ).toEqual(expected.rows);
  });

  // A table the admin must pick a column in, or text read at once: each file is one or the other.
  if (expected.columns)
    it('reads no row of its table until the admin picks the email column', () => {
      const { parsed, rows } = preview(text);
      expect(parsed.tables[0]).toMatchObject({ email: null, chosen: false, rowCount: expected.rows.length });
      expect(rows).toEqual([]);
    });
  else
    it('never reports a header row as an address', () => {
      const { parsed, rows } = preview(text);
      const headers = new Set(parsed.headerLines);
      expect(rows.filter((r) => headers.has(r.line))).toEqual([]);
    });
});
