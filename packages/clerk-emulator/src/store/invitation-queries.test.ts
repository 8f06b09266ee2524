import { INVITATION_STATUSES, type InvitationStatus } from '@invites/clerk-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, type Db, openDatabase } from '../db/database.ts';
import { seedBulkInvitations } from '../seed/bulk.ts';
import { listInvitations } from './invitations.ts';
import { insertOrganization } from './organizations.ts';
import { ensureRoles } from './roles.ts';

interface Row {
  seq: number;
  org_id: string;
  email_address: string;
  status: string;
  expires_at: number;
  created_at: number;
}

const NOW = 1_800_000_000_000;
let db: Db;
let rows: Row[];
let bench: string;
const OTHER = 'org_2Other00000000000000000000';

beforeAll(() => {
  db = openDatabase(':memory:');
  ensureRoles(db, NOW);
  bench = seedBulkInvitations(db, 2500, { now: NOW }).orgId;
  insertOrganization(db, { id: OTHER, name: 'Other', slug: 'other', createdAt: NOW - 1 });
  seedBulkInvitations(db, 500, { now: NOW, orgId: OTHER, seed: 'other' });
  rows = all<Row>(db, 'SELECT seq, org_id, email_address, status, expires_at, created_at FROM invitations');
});
afterAll(() => db.close());

const effective = (r: Row): InvitationStatus =>
  r.status === 'pending' && r.expires_at <= NOW ? 'expired' : (r.status as InvitationStatus);

/** The reference answer, computed in JavaScript over every row. */
function reference(filter: {
  orgId?: string | undefined;
  statuses?: InvitationStatus[];
  query?: string;
  orderBy: string;
}) {
  const desc = filter.orderBy.startsWith('-');
  const key = filter.orderBy.replace(/^[+-]/, '') as 'created_at' | 'email_address';
  return rows
    .filter((r) => filter.orgId === undefined || r.org_id === filter.orgId)
    .filter((r) => !filter.statuses?.length || filter.statuses.includes(effective(r)))
    .filter((r) => !filter.query || r.email_address.includes(filter.query.toLowerCase()))
    .sort((a, b) => {
      const primary = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
      return (desc ? -1 : 1) * (primary || a.seq - b.seq);
    });
}

const statusSets: InvitationStatus[][] = [
  [],
  ['pending'],
  ['expired'],
  ['accepted'],
  ['revoked'],
  ['pending', 'expired'],
  ['accepted', 'revoked'],
  ['expired', 'revoked'],
  ['pending', 'accepted', 'revoked'],
  [...INVITATION_STATUSES],
];
const orders = ['-created_at', '+created_at', '-email_address', 'email_address'];

describe('listInvitations matches a brute-force reference', () => {
  it('has every effective status in the data set', () => {
    expect(new Set(rows.map(effective))).toEqual(new Set(INVITATION_STATUSES));
  });

  for (const scope of ['org', 'instance'] as const) {
    for (const statuses of statusSets) {
      for (const orderBy of orders) {
        it(`${scope} status=[${statuses.join(',')}] order_by=${orderBy}`, () => {
          const orgId = scope === 'org' ? bench : undefined;
          const expected = reference({ orgId, statuses, orderBy });
          for (const [limit, offset] of [
            [10, 0],
            [500, 0],
            [7, 101],
            [10, expected.length - 3],
          ] as const) {
            const page = listInvitations(
              db,
              { orgId, statuses, orderBy, limit, offset: Math.max(0, offset) },
              NOW,
            );
            expect(page.total).toBe(expected.length);
            expect(page.rows.map((r) => r.seq)).toEqual(
              expected.slice(Math.max(0, offset), Math.max(0, offset) + limit).map((r) => r.seq),
            );
            expect(page.rows.every((r) => statuses.length === 0 || statuses.includes(r.status))).toBe(true);
          }
        });
      }
    }
  }

  it.each([
    ['a long substring (trigram index)', 'user12'],
    ['an upper-case substring', 'DOMAIN7.EX'],
    ['a two-character substring (LIKE scan)', '99'],
    ['a substring with LIKE wildcards', '%_'],
    ['a substring with a double quote', 'a"b'],
    ['a broad substring (walks the sort index)', '.EXAMPLE'],
    ['a 10% substring', 'domain1'],
  ])('searches %s case-insensitively', (_name, query) => {
    for (const statuses of [[], ['pending'], ['accepted', 'expired']] as InvitationStatus[][]) {
      for (const orderBy of ['-created_at', 'email_address']) {
        const expected = reference({ query, statuses, orderBy });
        for (const [limit, offset] of [
          [500, 0],
          [10, 0],
          [10, 40],
        ] as const) {
          const page = listInvitations(db, { query, statuses, orderBy, limit, offset }, NOW);
          expect(page.total).toBe(expected.length);
          expect(page.rows.map((r) => r.seq)).toEqual(
            expected.slice(offset, offset + limit).map((r) => r.seq),
          );
        }
      }
    }
  });

  it('filters by exact address and by a set of addresses', () => {
    const sample = rows.find((r) => r.org_id === bench)?.email_address ?? '';
    const exact = listInvitations(
      db,
      { orgId: bench, email: sample, orderBy: '-created_at', limit: 10, offset: 0 },
      NOW,
    );
    expect(exact.rows.map((r) => r.email_address)).toEqual([sample]);
    const set = listInvitations(
      db,
      { emails: [sample, 'nobody@x.example'], orderBy: '-created_at', limit: 10, offset: 0 },
      NOW,
    );
    expect(set.total).toBe(1);
  });

  it('moves an invitation from pending to expired as time passes', () => {
    const soon = rows.find((r) => r.status === 'pending' && r.expires_at > NOW);
    if (!soon) throw new Error('no pending row');
    const at = (now: number) =>
      listInvitations(
        db,
        { orgId: soon.org_id, email: soon.email_address, orderBy: '-created_at', limit: 1, offset: 0 },
        now,
      ).rows[0]?.status;
    expect(at(soon.expires_at - 1)).toBe('pending');
    expect(at(soon.expires_at)).toBe('expired');
  });
});
