import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { libsqlForKysely, openLibsql } from './libsql-adapter.ts';
import { migrateToLatest } from './migrations.ts';
import type { StoreDb } from './schema.ts';

export interface Store {
  db: StoreDb;
  dialect: 'sqlite' | 'postgres';
  /** Postgres: the schema in use when one was given. */
  schema?: string | undefined;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…`, a SQLite file path, or `:memory:`; default `<repo>/.data/api.db`. */
  url?: string | undefined;
  /** Postgres only: the schema to use (created if missing), e.g. one per test run. */
  schema?: string | undefined;
  /** Run migrations on open (default true). */
  migrate?: boolean | undefined;
}

/** The default SQLite file of the api: `.data/api.db` at the repository root. */
export const DEFAULT_SQLITE_PATH = fileURLToPath(new URL('../../../../.data/api.db', import.meta.url));

const INT8_OID = 20;

// pg returns BIGINT (our ms timestamps, count(*)) as strings; every value we store fits in a double.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

function sqlitePath(url: string): string {
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}

/**
 * A throwaway in-memory SQLite store that opens and migrates itself on its first query, so it can be
 * built synchronously (the default of `createDeps` for tests that never look at jobs or activity).
 */
export function createMemoryStore(): Store {
  const db: StoreDb = new Kysely({
    dialect: new SqliteDialect({
      database: async () => {
        const database = libsqlForKysely(openLibsql(':memory:'));
        const setup = new Kysely<unknown>({
          dialect: new SqliteDialect({ database: { prepare: database.prepare, close: () => {} } }),
        });
        await migrateToLatest(setup);
        await setup.destroy();
        return database;
      },
    }),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Opens the api's store (SQLite or Postgres behind one Kysely query layer) and migrates it. */
export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const url = options.url ?? DEFAULT_SQLITE_PATH;
  let store: Store;
  if (isPostgresUrl(url)) {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new Error('invalid schema name');
    const pool = new pg.Pool({
      connectionString: url,
      types: pgTypes,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const db: StoreDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    store = { db, dialect: 'postgres', schema, close: () => db.destroy() };
  } else {
    const path = sqlitePath(url);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db: StoreDb = new Kysely({
      dialect: new SqliteDialect({ database: libsqlForKysely(openLibsql(path)) }),
    });
    store = { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store.db as Kysely<unknown>, store.schema);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
