import type { SqliteDatabase, SqliteStatement } from 'kysely';
import Database from 'libsql';

type LibsqlDatabase = InstanceType<typeof Database>;

// libsql panics (aborting the process) on boolean parameters and rejects undefined; SQLite stores 0/1.
function toSqlite(parameters: ReadonlyArray<unknown>): unknown[] {
  return parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p));
}

/** Adapts a libsql `Database` to what Kysely's SqliteDialect expects. */
export function libsqlForKysely(db: LibsqlDatabase): SqliteDatabase {
  return {
    close: () => {
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const stmt = db.prepare(sql);
      return {
        get reader() {
          return stmt.reader;
        },
        all: (parameters) => stmt.all(toSqlite(parameters)),
        run: (parameters) => stmt.run(toSqlite(parameters)),
        iterate: (parameters) => stmt.iterate(toSqlite(parameters)),
      };
    },
  };
}

/** Opens a SQLite file (or `:memory:`) with settings fit for several processes sharing it. */
export function openLibsql(path: string): LibsqlDatabase {
  const db = new Database(path, { timeout: 5000 });
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}
