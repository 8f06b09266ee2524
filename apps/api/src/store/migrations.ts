import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

// Columns are portable between SQLite and Postgres: text, integer, bigint (ms timestamps).
const migrations: Record<string, Migration> = {
  '0001_bulk_jobs_and_activity': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('bulk_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('inviter_user_id', 'text')
        .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('resume_at', 'bigint')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('bulk_jobs_org_created')
        .on('bulk_jobs')
        .columns(['organization_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('bulk_jobs_runnable')
        .on('bulk_jobs')
        .columns(['status', 'resume_at', 'created_at'])
        .execute();

      await db.schema
        .createTable('bulk_job_rows')
        .addColumn('job_id', 'text', (c) => c.notNull().references('bulk_jobs.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('email_address', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('invitation_id', 'text')
        .addColumn('code', 'text')
        .addColumn('message', 'text')
        .addColumn('send_alone', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('in_flight_at', 'bigint')
        .addColumn('ambiguous_since', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('bulk_job_rows_pk', ['job_id', 'position'])
        .execute();
      await db.schema
        .createIndex('bulk_job_rows_job_outcome')
        .on('bulk_job_rows')
        .columns(['job_id', 'outcome', 'position'])
        .execute();

      await db.schema
        .createTable('activity')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text')
        .addColumn('email_addresses', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('clerk_trace_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      for (const col of ['organization_id', 'actor_id', 'action'] as const) {
        await db.schema
          .createIndex(`activity_${col}_created`)
          .on('activity')
          .columns([col, 'created_at'])
          .execute();
      }
      await db.schema.createIndex('activity_created').on('activity').column('created_at').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['activity', 'bulk_job_rows', 'bulk_jobs'])
        await sql`drop table ${sql.table(t)}`.execute(db);
    },
  },
  // Display names are copied at write time: the log must read the same after a user renames.
  '0002_actor_names': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('activity').addColumn('actor_name', 'text').execute();
      await db.schema.alterTable('bulk_jobs').addColumn('created_by_name', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('bulk_jobs').dropColumn('created_by_name').execute();
      await db.schema.alterTable('activity').dropColumn('actor_name').execute();
    },
  },
  // Every pasted line is accounted for: the rows that are not sent (invalid, duplicate, already a
  // member) are stored too, each with the line of the paste it came from.
  '0003_bulk_row_lines': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('bulk_job_rows').addColumn('line', 'integer').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('bulk_job_rows').dropColumn('line').execute();
    },
  },
  // Clerk's webhooks: received events (the idempotency key is svix-id), what the figures read, and the
  // activity log's source and dedup keys. A Clerk entry is hidden while a console entry names its change.
  '0004_webhooks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook_events')
        .addColumn('svix_id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'bigint', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('processed_at', 'bigint')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_events_unprocessed')
        .on('webhook_events')
        .columns(['processed_at', 'received_at'])
        .execute();

      await db.schema
        .createTable('invitation_outcomes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('email_address', 'text', (c) => c.notNull())
        .addColumn('inviter_id', 'text')
        .addColumn('inviter_name', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('settled_at', 'bigint')
        .addColumn('accepted_user_id', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('invitation_outcomes_org_created')
        .on('invitation_outcomes')
        .columns(['organization_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('invitation_outcomes_org_status')
        .on('invitation_outcomes')
        .columns(['organization_id', 'status', 'created_at'])
        .execute();

      await db.schema
        .alterTable('activity')
        .addColumn('source', 'text', (c) => c.notNull().defaultTo('console'))
        .execute();
      await db.schema.alterTable('activity').addColumn('change_key', 'text').execute();
      await db.schema.createIndex('activity_change_key').on('activity').column('change_key').execute();
      await db.schema
        .createTable('activity_changes')
        .addColumn('change_key', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('activity_changes_pk', ['change_key', 'activity_id'])
        .execute();

      await db.schema
        .createTable('store_meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['store_meta', 'activity_changes', 'invitation_outcomes', 'webhook_events'])
        await sql`drop table ${sql.table(t)}`.execute(db);
      await db.schema.dropIndex('activity_change_key').execute();
      await db.schema.alterTable('activity').dropColumn('change_key').execute();
      await db.schema.alterTable('activity').dropColumn('source').execute();
    },
  },
  // Jobs of other kinds than a bulk paste (reissue, revoke) run on the same engine: a kind per job,
  // and per row the invitation it acts on, how far it got and what it will send (a reissue's body).
  // Numbered after 0003 and 0004 of the bulk-parsing and webhooks branches.
  '0005_job_kinds': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('bulk_jobs')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('invite'))
        .execute();
      await db.schema.alterTable('bulk_job_rows').addColumn('source_invitation_id', 'text').execute();
      await db.schema.alterTable('bulk_job_rows').addColumn('step', 'text').execute();
      await db.schema.alterTable('bulk_job_rows').addColumn('payload', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const col of ['payload', 'step', 'source_invitation_id']) {
        await db.schema.alterTable('bulk_job_rows').dropColumn(col).execute();
      }
      await db.schema.alterTable('bulk_jobs').dropColumn('kind').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema to the latest migration; throws when one fails. With Postgres `schema`, the
 * bookkeeping tables are looked up there only (other schemas may hold their own copies).
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migrates up or down to the named migration (tests of upgrades from an older schema). */
export async function migrateTo(db: Kysely<unknown>, name: string, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
