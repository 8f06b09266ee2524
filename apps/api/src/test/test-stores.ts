import { sql } from 'kysely';
import { describe } from 'vitest';
import { createStore, type Store } from '../store/create-store.ts';

/** Postgres URL for the store tests, when the environment provides one. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export type StoreKind = 'sqlite' | 'postgres';

let counter = 0;

/** A fresh, migrated store of the given kind: SQLite in memory, or a new Postgres schema dropped on close. */
export async function openTestStore(kind: StoreKind): Promise<Store> {
  if (kind === 'sqlite') return createStore({ url: ':memory:' });
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  counter += 1;
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter}`;
  const store = await createStore({ url: TEST_DATABASE_URL, schema });
  return {
    ...store,
    async close() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    },
  };
}

/** Declares the same suite for SQLite and, when TEST_DATABASE_URL is set, Postgres. */
export function describeEachStore(name: string, suite: (kind: StoreKind) => void): void {
  describe(`${name} (sqlite)`, () => suite('sqlite'));
  if (!TEST_DATABASE_URL) {
    console.warn(`${name}: Postgres tests skipped: set TEST_DATABASE_URL to run them`);
  }
  describe.skipIf(!TEST_DATABASE_URL)(`${name} (postgres)`, () => suite('postgres'));
}
