import type { SqliteDatabase, SqliteStatement } from 'kysely';
import Database from 'libsql';

type LibsqlDatabase = InstanceType<typeof Database>;

// libsql panics (aborting the process) on boolean parameters and rejects undefined; SQLite stores 0/1.
function toSqlite(parameters: ReadonlyArray<unknown>): unknown[] {
  return parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p));
}

/** Prepared statements kept per connection: preparing cost about as much as running a small query. */
const STATEMENT_CACHE = 256;

/**
 * Adapts a libsql `Database` to what Kysely's SqliteDialect expects. Statements are prepared once per
 * SQL text and reused (Kysely runs one query at a time on the connection, so a statement is never
 * used twice at once).
 */
export function libsqlForKysely(db: LibsqlDatabase): SqliteDatabase {
  const statements = new Map<string, ReturnType<LibsqlDatabase['prepare']>>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value as string);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const stmt = prepared(sql);
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
  if (path !== ':memory:') {
    db.exec('PRAGMA journal_mode = WAL');
    // SQLite's advice for WAL: a commit survives the api process crashing (not the machine losing
    // power) without an fsync, which libsql's synchronous calls would make the whole event loop wait for.
    db.exec('PRAGMA synchronous = NORMAL');
  }
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}
