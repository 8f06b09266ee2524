import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { seedBulkInvitations } from '../seed/bulk.ts';
import { insertInvitation, listInvitations, settleInvitation } from './invitations.ts';

const NOW = 1_800_000_000_000;
const dir = mkdtempSync(join(tmpdir(), 'count-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup(path = ':memory:') {
  const db = openDatabase(path);
  const { orgId } = seedBulkInvitations(db, 300, { now: NOW });
  const total = (status: 'pending' | 'expired' | 'revoked', now = NOW) =>
    listInvitations(db, { orgId, statuses: [status], orderBy: '-created_at', limit: 1, offset: 0 }, now)
      .total;
  const add = (id: string, expiresAt: number) =>
    insertInvitation(db, {
      id,
      orgId,
      email: `${id}@cache.example`,
      role: 'org:member',
      inviterId: null,
      publicMetadata: {},
      privateMetadata: {},
      redirectUrl: null,
      ticket: 't',
      expiresAt,
      createdAt: NOW - 1000,
    });
  return { db, orgId, total, add };
}

describe('total_count caching stays exact', () => {
  it('after inserts and status changes on this connection', () => {
    const { total, add, db } = setup();
    const pending = total('pending');
    add('orginv_2CacheA000000000000000000', NOW + 60_000);
    expect(total('pending')).toBe(pending + 1);
    const revoked = total('revoked');
    settleInvitation(db, 'orginv_2CacheA000000000000000000', 'revoked', NOW);
    expect(total('pending')).toBe(pending);
    expect(total('revoked')).toBe(revoked + 1);
    db.close();
  });

  it('when the clock passes the next expiry in scope', () => {
    const { total, add, db } = setup();
    add('orginv_2CacheB000000000000000000', NOW + 5);
    const pending = total('pending');
    const expired = total('expired');
    expect(total('pending', NOW + 4)).toBe(pending);
    expect(total('pending', NOW + 5)).toBe(pending - 1);
    expect(total('expired', NOW + 5)).toBe(expired + 1);
    db.close();
  });

  it('when another connection writes to the same file', () => {
    const path = join(dir, 'shared.db');
    const a = setup(path);
    const b = openDatabase(path);
    const before = a.total('pending');
    insertInvitation(b, {
      id: 'orginv_2CacheC000000000000000000',
      orgId: a.orgId,
      email: 'other-connection@cache.example',
      role: 'org:member',
      inviterId: null,
      publicMetadata: {},
      privateMetadata: {},
      redirectUrl: null,
      ticket: 't',
      expiresAt: NOW + 60_000,
      createdAt: NOW,
    });
    expect(a.total('pending')).toBe(before + 1);
    b.close();
    a.db.close();
  });
});
