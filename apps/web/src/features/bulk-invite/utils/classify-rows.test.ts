import { describe, expect, it } from 'vitest';
import {
  type CheckState,
  type ClassifyOptions,
  classifyRows,
  resolveRole,
  toJobRows,
  validateRows,
} from './classify-rows.ts';
import { parseAddresses } from './parse-addresses.ts';

const ROLES = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
  { key: 'org:billing', name: 'Billing manager' },
];
const done = (pending: Record<string, string> = {}, members: Record<string, string> = {}): CheckState => ({
  status: 'done',
  pending: new Map(Object.entries(pending)),
  members: new Map(Object.entries(members)),
});
const options = (patch: Partial<ClassifyOptions> = {}): ClassifyOptions => ({
  check: done(),
  defaultRole: 'org:member',
  roles: ROLES,
  includeMembers: false,
  rowIncludes: {},
  rowRoles: {},
  ...patch,
});
const preview = (text: string, patch: Partial<ClassifyOptions> = {}) =>
  classifyRows(validateRows(parseAddresses(text).rows).rows, options(patch));

describe('validateRows', () => {
  it('explains invalid addresses with the schema package wording', () => {
    const { rows } = validateRows(parseAddresses('ada.example.com\na@b@c.example\nok@x.example').rows);
    expect(rows.map((r) => r.invalid)).toEqual(['is missing an @', 'has more than one @', null]);
  });

  it('accepts internationalized addresses the server accepts', () => {
    const { rows } = validateRows(
      parseAddresses('zoë@bücher.example\n用户@例子.广告\nx@пример.xn--p1ai').rows,
    );
    expect(rows.map((r) => r.invalid)).toEqual([null, null, null]);
  });

  it('finds duplicates case-insensitively and lists each valid address once for the live check', () => {
    const { rows, unique } = validateRows(
      parseAddresses('Ada@X.example\nb@x.example\nada@x.example\nbad').rows,
    );
    expect(rows.map((r) => [r.email, r.duplicateOfLine])).toEqual([
      ['ada@x.example', null],
      ['b@x.example', null],
      ['ada@x.example', 1],
      ['bad', null],
    ]);
    expect(unique).toEqual(['ada@x.example', 'b@x.example']);
  });
});

describe('classifyRows', () => {
  it('classifies ready, invalid, duplicate, pending and member rows and counts them', () => {
    const { rows, counts } = preview('a@x.example\nbad\na@x.example\np@x.example\nm@x.example\nr@x.example', {
      check: done({ 'p@x.example': 'orginv_1' }, { 'm@x.example': 'user_1' }),
    });
    expect(rows.map((r) => [r.status, r.reason, r.include])).toEqual([
      ['ready', null, true],
      ['invalid', 'This address is missing an @.', false],
      ['duplicate', 'Duplicate of line 1.', false],
      ['pending', 'Already has a pending invitation.', false],
      ['member', 'Already a member.', false],
      ['ready', null, true],
    ]);
    expect(rows[3]?.matchId).toBe('orginv_1');
    expect(rows[4]?.matchId).toBe('user_1');
    expect(counts).toEqual({ total: 6, ready: 2, invalid: 1, duplicate: 1, pending: 1, member: 1, send: 2 });
  });

  it('includes member rows when the user chooses, for all or one row; pending rows to re-issue likewise', () => {
    const check = done({ 'p@x.example': 'orginv_1' }, { 'm@x.example': 'user_1', 'n@x.example': 'user_2' });
    const text = 'p@x.example\nm@x.example\nn@x.example';
    expect(preview(text, { check }).counts.send).toBe(0);
    expect(preview(text, { check, includeMembers: true }).rows.map((r) => r.include)).toEqual([
      false,
      true,
      true,
    ]);
    expect(preview(text, { check, includePending: true }).rows.map((r) => r.include)).toEqual([
      true,
      false,
      false,
    ]);
    const oneRow = preview(text, { check, rowIncludes: { 'n@x.example': true, 'p@x.example': true } });
    expect(oneRow.rows.map((r) => [r.include, r.includable])).toEqual([
      [true, true],
      [false, true],
      [true, true],
    ]);
  });

  it('a pending row sent anyway re-issues its pending invitation', () => {
    const { rows } = preview('p@x.example\nq@x.example', {
      check: done({ 'p@x.example': 'orginv_1', 'q@x.example': 'orginv_2' }),
      includePending: true,
      rowIncludes: { 'q@x.example': false },
    });
    expect(toJobRows(rows, 'org:member')).toEqual([
      { email_address: 'p@x.example', role: 'org:member', line: 1, reissue_invitation_id: 'orginv_1' },
      {
        email_address: 'q@x.example',
        role: 'org:member',
        line: 2,
        left_out: { reason: 'pending', message: 'Already has a pending invitation.' },
      },
    ]);
  });

  it('marks ready rows as checking while the live check runs, and unchecked when it failed', () => {
    const checking = preview('a@x.example\nbad', { check: { status: 'checking' } });
    expect(checking.rows.map((r) => [r.status, r.checking])).toEqual([
      ['ready', true],
      ['invalid', false],
    ]);
    const failed = preview('a@x.example', { check: { status: 'error' } });
    expect(failed.rows[0]).toMatchObject({ status: 'ready', unchecked: true, include: true });
  });

  it('uses the default role, a Role column, then a per-row choice', () => {
    const text = 'Email\tRole\na@x.example\tadmin\nb@x.example\tBilling manager\nc@x.example\t';
    const { rows } = preview(text, { rowRoles: { 'c@x.example': 'org:admin' } });
    expect(rows.map((r) => r.role)).toEqual(['org:admin', 'org:billing', 'org:admin']);
  });

  it('makes an unknown role an error on its row, never the default, until a role is chosen for it', () => {
    const text = 'Email\tRole\na@x.example\tboss\nbad\tboss';
    const { rows, counts } = preview(text);
    expect(rows.map((r) => [r.status, r.role, r.roleProblem, r.reason])).toEqual([
      ['invalid', '', true, 'Unknown role "boss": choose this row\'s role.'],
      ['invalid', '', true, 'This address is missing an @.'],
    ]);
    expect(counts).toMatchObject({ invalid: 2, send: 0 });
    const chosen = preview(text, { rowRoles: { 'a@x.example': 'org:admin' } });
    expect(chosen.rows[0]).toMatchObject({ status: 'ready', role: 'org:admin', include: true });
  });

  it('waits for the roles before reading a role cell', () => {
    const { rows } = preview('Email\tRole\na@x.example\tboss', { roles: undefined });
    expect(rows[0]).toMatchObject({ status: 'ready', role: '', roleProblem: false });
  });

  it('builds the job rows from every row, in paste order: the ones left out say why', () => {
    const { rows } = preview(
      'Ada <Ada@X.example>\nbad\np@x.example\nada@x.example\nEmail\tRole\nr@x.example\tboss',
      {
        check: done({ 'p@x.example': 'orginv_1' }),
        rowRoles: { 'ada@x.example': 'org:admin' },
      },
    );
    expect(toJobRows(rows, 'org:member')).toEqual([
      { email_address: 'ada@x.example', role: 'org:admin', line: 1 },
      {
        email_address: 'bad',
        role: 'org:member',
        line: 2,
        left_out: { reason: 'invalid', message: 'This address is missing an @.' },
      },
      {
        email_address: 'p@x.example',
        role: 'org:member',
        line: 3,
        left_out: { reason: 'pending', message: 'Already has a pending invitation.' },
      },
      {
        email_address: 'ada@x.example',
        role: 'org:admin',
        line: 4,
        left_out: { reason: 'duplicate', message: 'Duplicate of line 1.' },
      },
      {
        email_address: 'r@x.example',
        role: 'boss',
        line: 6,
        left_out: { reason: 'unknown_role', message: 'Unknown role "boss": choose this row\'s role.' },
      },
    ]);
  });

  it('cuts a long pasted text of a row left out', () => {
    const { rows } = preview('x'.repeat(500));
    expect(toJobRows(rows, 'org:member')[0]?.email_address).toHaveLength(200);
  });

  it('classifies 10,000 rows (speed: pnpm bench)', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `p${i % 9_000}@x.example`).join('\n');
    const validated = validateRows(parseAddresses(text).rows);
    const { counts } = classifyRows(validated.rows, options({ check: done({ 'p1@x.example': 'orginv_1' }) }));
    expect(counts).toMatchObject({ total: 10_000, duplicate: 1_000, pending: 1, ready: 8_999 });
  });
});

describe('resolveRole', () => {
  it('reads keys, keys without org: and names, case-insensitively', () => {
    expect(resolveRole('org:admin', ROLES)).toBe('org:admin');
    expect(resolveRole('ADMIN', ROLES)).toBe('org:admin');
    expect(resolveRole('billing manager', ROLES)).toBe('org:billing');
    expect(resolveRole('boss', ROLES)).toBeNull();
    expect(resolveRole('admin', undefined)).toBeNull();
  });
});
