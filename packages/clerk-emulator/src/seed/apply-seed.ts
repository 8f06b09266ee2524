import { type Db, getMeta, setMeta, wipeData } from '../db/database.ts';
import { ensureRoles } from '../store/roles.ts';
import { seedDemo } from './demo.ts';

export type SeedName = 'demo' | 'none';

/** Writes `seed` into an empty database: the roles always, the demo data for `demo`. */
function applySeed(db: Db, seed: SeedName, now: number): void {
  db.transaction(() => {
    ensureRoles(db, now);
    if (seed === 'demo') seedDemo(db, now);
    setMeta(db, 'seeded', seed);
  })();
}

/** Seeds a database that has never been seeded; a database with data is left as it is. */
export function seedIfEmpty(db: Db, seed: SeedName, now: number): void {
  if (getMeta(db, 'seeded') === undefined) applySeed(db, seed, now);
}

/** Deletes all data and writes `seed` again (the signing key survives). */
export function reseed(db: Db, seed: SeedName, now: number): void {
  wipeData(db);
  applySeed(db, seed, now);
}
