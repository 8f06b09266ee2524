import { type Db, first, run, sql } from '../db/database.ts';
import { INSERT_INVITATION_SQL, invitationParams } from '../store/invitations.ts';
import { getMembership, insertMembership } from '../store/memberships.ts';
import { findOrganization, insertOrganization } from '../store/organizations.ts';
import { ensureRoles } from '../store/roles.ts';
import { getUser, insertUser } from '../store/users.ts';
import { fixedId } from './fixed-id.ts';
import { Prng } from './prng.ts';

const DAY_MS = 86_400_000;

export interface BulkSeedOptions {
  /** Organization receiving the invitations; created (as "Bench Corp", slug `bench`) when missing. */
  orgId?: string;
  /** Reference time (Unix ms); default `Date.now()`. */
  now?: number;
  /** PRNG label, so two runs with the same label produce the same rows. */
  seed?: string;
  /**
   * Every invitation pending and valid, created 30 days before an expiry spread over the next 30
   * days (the expiring-soon benchmark), instead of the mix of statuses.
   */
  allPending?: boolean;
}

export interface BulkSeedResult {
  orgId: string;
  inviterId: string;
  /** The address of invitation number 4242 (or the last one), handy for exact and substring searches. */
  sampleEmail: string;
}

/**
 * Inserts `n` invitations into one organization in a single transaction: about 58% pending,
 * 18% accepted, 13% expired (pending past expires_at) and 11% revoked, spread over 400 days.
 * For benchmarks and performance work.
 */
export function seedBulkInvitations(db: Db, n: number, options: BulkSeedOptions = {}): BulkSeedResult {
  const now = options.now ?? Date.now();
  const rng = new Prng(options.seed ?? 'bulk');
  const orgId = options.orgId ?? fixedId('org', 'BenchCorp');
  const inviterId = fixedId('user', 'BenchAdmin');
  const insert = sql(db, INSERT_INVITATION_SQL);
  let sampleEmail = '';
  db.transaction(() => {
    ensureRoles(db, now);
    if (!findOrganization(db, orgId)) {
      insertOrganization(db, { id: orgId, name: 'Bench Corp', slug: 'bench', createdAt: now - 401 * DAY_MS });
    }
    if (!getUser(db, inviterId)) {
      insertUser(db, {
        id: inviterId,
        emailIds: [fixedId('idn', 'BenchAdmin')],
        emails: ['bench.admin@bench.example'],
        firstName: 'Bench',
        lastName: 'Admin',
        createdAt: now - 401 * DAY_MS,
      });
    }
    if (!getMembership(db, orgId, inviterId)) {
      insertMembership(db, {
        id: fixedId('orgmem', `B${orgId.slice(5)}`.slice(0, 26)),
        orgId,
        userId: inviterId,
        role: 'org:admin',
        createdAt: now - 400 * DAY_MS,
      });
    }
    // Index the new rows for substring search in one batch at the end (about twice as fast as the
    // per-row trigger while a dozen B-trees compete for the page cache).
    const trigger = first<{ sql: string }>(
      db,
      "SELECT sql FROM sqlite_master WHERE name = 'invitations_fts_insert'",
    );
    const before = first<{ seq: number | null }>(db, 'SELECT max(seq) AS seq FROM invitations')?.seq ?? 0;
    if (trigger) db.exec('DROP TRIGGER invitations_fts_insert');
    const roles = ['org:member', 'org:member', 'org:member', 'org:admin', 'org:billing'];
    for (let i = 0; i < n; i++) {
      const r = options.allPending ? 0 : rng.next();
      const status = r < 0.71 ? 'pending' : r < 0.89 ? 'accepted' : 'revoked';
      let createdAt: number;
      let expiresAt: number;
      if (options.allPending) {
        expiresAt = now + Math.floor(rng.next() * 30 * DAY_MS) + 60_000;
        createdAt = expiresAt - 30 * DAY_MS;
      } else {
        createdAt = Math.floor(now - rng.next() * 400 * DAY_MS);
        const ageDays = (now - createdAt) / DAY_MS;
        // Pending rows: 58 of 71 still valid (expiry after now), the rest expired on read.
        expiresAt =
          status !== 'pending'
            ? createdAt + 30 * DAY_MS
            : r < 0.58
              ? now + Math.floor(rng.next() * 30 * DAY_MS) + 60_000
              : createdAt + Math.floor(Math.min(ageDays * 0.9, 30) * DAY_MS);
      }
      const email = `user${i}.${rng.token(6).toLowerCase()}@domain${i % 50}.example`;
      if (i === Math.min(4242, n - 1)) sampleEmail = email;
      insert.run(
        invitationParams({
          id: rng.id('orginv'),
          orgId,
          email,
          role: rng.pick(roles),
          inviterId,
          status,
          publicMetadata: {},
          privateMetadata: {},
          redirectUrl: null,
          ticket: rng.token(32),
          expiresAt,
          createdAt,
          updatedAt: createdAt,
        }),
      );
    }
    run(
      db,
      'INSERT INTO invitations_fts (rowid, email_address) SELECT seq, email_address FROM invitations WHERE seq > @before',
      { before },
    );
    if (trigger) db.exec(trigger.sql);
  })();
  db.exec('ANALYZE');
  return { orgId, inviterId, sampleEmail };
}
