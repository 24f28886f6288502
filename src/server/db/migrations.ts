/**
 * Schema migrations, kept in code (no files to ship or find at run time) and run at start by
 * Kysely's Migrator. One set for both dialects: the only difference is the name of the bytes type.
 * Migrations are append-only: never edit one that has been released, add a new one.
 */
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Dialect } from './open.ts';

function migrations(dialect: Dialect): Record<string, Migration> {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001_initial': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('salt', bytes, (c) => c.notNull())
          .addColumn('kdf', 'text', (c) => c.notNull())
          .addColumn('login_verifier', bytes, (c) => c.notNull())
          .addColumn('recovery_verifier', bytes, (c) => c.notNull())
          .addColumn('wrapped_uk_by_master', bytes, (c) => c.notNull())
          .addColumn('wrapped_uk_by_recovery', bytes, (c) => c.notNull())
          .addColumn('wrapped_identity', bytes, (c) => c.notNull())
          .addColumn('x25519_pub', bytes, (c) => c.notNull())
          .addColumn('ed25519_pub', bytes, (c) => c.notNull())
          .addColumn('personal_space_id', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('token_hash', bytes, (c) => c.notNull().unique())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
        await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

        await db.schema
          .createTable('spaces')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('personal', 'shared')`))
          .addColumn('epoch', 'integer', (c) => c.notNull())
          .addColumn('needs_rotation', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('head_seq', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('space_members')
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'pending')`))
          .addColumn('invite_id', 'text')
          .addColumn('join_mac', bytes)
          .addColumn('joined_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('space_members_pk', ['space_id', 'user_id'])
          .execute();
        await db.schema.createIndex('space_members_user_idx').on('space_members').column('user_id').execute();

        await db.schema
          .createTable('space_keys')
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          .addColumn('epoch', 'integer', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('sealed_key', bytes, (c) => c.notNull())
          // Not a foreign key: a key sealed by a member who later deleted their account stays
          // valid for the member it was sealed to.
          .addColumn('sealed_by', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('space_keys_pk', ['space_id', 'epoch', 'user_id'])
          .execute();
        await db.schema.createIndex('space_keys_user_idx').on('space_keys').columns(['user_id', 'space_id']).execute();

        await db.schema
          .createTable('membership_log')
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('epoch', 'integer', (c) => c.notNull())
          // Not a foreign key: the log is the space's signed history and outlives its authors.
          .addColumn('author_id', 'text', (c) => c.notNull())
          .addColumn('entry', bytes, (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('membership_log_pk', ['space_id', 'seq'])
          .execute();

        await db.schema
          .createTable('invites')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          .addColumn('created_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('token_hash', bytes, (c) => c.notNull())
          .addColumn('sealed_secret', bytes, (c) => c.notNull())
          .addColumn('epoch', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('used_at', 'bigint')
          .addColumn('used_by', 'text', (c) => c.references('users.id').onDelete('set null'))
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema.createIndex('invites_space_idx').on('invites').column('space_id').execute();
        await db.schema.createIndex('invites_creator_idx').on('invites').column('created_by').execute();
        await db.schema.createIndex('invites_used_by_idx').on('invites').column('used_by').execute();

        await db.schema
          .createTable('records')
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('epoch', 'integer', (c) => c.notNull())
          .addColumn('ciphertext', bytes, (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('records_pk', ['space_id', 'seq'])
          .addUniqueConstraint('records_space_id_id_key', ['space_id', 'id'])
          .execute();
        await db.schema.createIndex('records_author_idx').on('records').column('author_id').execute();

        await db.schema
          .createTable('rate_limits')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('window_start', 'bigint', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .execute();
      },
    },
    '0002_rounds': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('rounds')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          // Not a foreign key: a round (and the others' answers in it) outlives its starter's account.
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('epoch', 'integer', (c) => c.notNull())
          .addColumn('header', bytes, (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'revealed', 'withdrawn', 'cancelled')`))
          .addColumn('cancel_reason', 'text', (c) => c.check(sql`cancel_reason in ('participant-left')`))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('revealed_at', 'bigint')
          .addColumn('closed_at', 'bigint')
          .execute();
        await db.schema.createIndex('rounds_space_idx').on('rounds').columns(['space_id', 'created_at']).execute();

        await db.schema
          .createTable('round_participants')
          .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
          // A deleted account takes its answers with it, as it takes every record it wrote.
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('submitted_at', 'bigint')
          .addColumn('ciphertext', bytes)
          .addColumn('signature', bytes)
          .addPrimaryKeyConstraint('round_participants_pk', ['round_id', 'user_id'])
          .execute();
        await db.schema.createIndex('round_participants_user_idx').on('round_participants').columns(['user_id', 'round_id']).execute();
      },
    },
    '0003_departures': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('departures')
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          // Not a foreign key: the statement outlives the account of a member who deleted it.
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('statement', bytes, (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          // Every departure a member ever signed in this space (they may leave, rejoin and leave again).
          .addPrimaryKeyConstraint('departures_pk', ['space_id', 'user_id', 'created_at'])
          .execute();
      },
    },
    '0004_push': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('push_subscriptions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          // One per session (device); signing out, being signed out elsewhere, an expired session
          // swept and a deleted account all take the subscription with the session.
          .addColumn('session_id', 'text', (c) => c.notNull().unique().references('sessions.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('endpoint', 'text', (c) => c.notNull())
          .addColumn('p256dh', 'text', (c) => c.notNull())
          .addColumn('auth', 'text', (c) => c.notNull())
          .addColumn('prefs', 'text', (c) => c.notNull())
          .addColumn('next_reminder_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('push_subscriptions_user_idx').on('push_subscriptions').column('user_id').execute();
        await db.schema.createIndex('push_subscriptions_reminder_idx').on('push_subscriptions').column('next_reminder_at').execute();

        await db.schema
          .createTable('push_outbox')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('subscription_id', 'text', (c) => c.notNull().references('push_subscriptions.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('space_id', 'text', (c) => c.notNull())
          .addColumn('opaque_id', 'text', (c) => c.notNull())
          .addColumn('not_before', 'bigint', (c) => c.notNull())
          .addColumn('claimed_by', 'text')
          .addColumn('claimed_at', 'bigint')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('push_outbox_due_idx').on('push_outbox').column('not_before').execute();
        await db.schema.createIndex('push_outbox_subscription_idx').on('push_outbox').column('subscription_id').execute();
      },
    },
    '0005_comfort_match': {
      async up(db: Kysely<any>) {
        // Comfort matches (ADR 026) live in their own tables, never the rounds': a run is a gated
        // two-party exchange of sealed messages, and the rounds engine must never see one.
        await db.schema
          .createTable('comfort_runs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          // The pair, sorted; a deleted account takes its runs (and their messages) with it.
          .addColumn('user_low', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('user_high', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('slots', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done', 'declined', 'expired')`))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('closed_at', 'bigint')
          .execute();
        await db.schema.createIndex('comfort_runs_pair_idx').on('comfort_runs').columns(['space_id', 'user_low', 'user_high', 'created_at']).execute();
        await db.schema.createIndex('comfort_runs_high_idx').on('comfort_runs').columns(['user_high']).execute();

        await db.schema
          .createTable('comfort_messages')
          .addColumn('run_id', 'text', (c) => c.notNull().references('comfort_runs.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('phase', 'integer', (c) => c.notNull().check(sql`phase in (1, 2)`))
          .addColumn('ciphertext', bytes, (c) => c.notNull())
          .addColumn('signature', bytes, (c) => c.notNull())
          .addColumn('posted_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('comfort_messages_pk', ['run_id', 'user_id', 'phase'])
          .execute();
      },
    },
    '0006_hosting': {
      async up(db: Kysely<any>) {
        // Lock-out (ADR 030): failures only, per HMAC'd key (account, address or known device);
        // the delay before the next attempt is derived from the count and the last failure.
        await db.schema
          .createTable('auth_failures')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('last_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('auth_failures_last_idx').on('auth_failures').column('last_at').execute();

        // One-time sign-up links made by the operator (SIGNUP=invite|closed); only a hash of the token.
        await db.schema
          .createTable('signup_permits')
          .addColumn('token_hash', bytes, (c) => c.primaryKey())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('used_at', 'bigint')
          .execute();

        // Storage quotas: bytes of record ciphertext per place and per author, kept up to date by
        // every write and deletion (summing them per write would read every record).
        await db.schema.alterTable('spaces').addColumn('bytes_used', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.alterTable('users').addColumn('bytes_used', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
        await sql`update spaces set bytes_used = (select coalesce(sum(length(r.ciphertext)), 0) from records r where r.space_id = spaces.id)`.execute(db);
        await sql`update users set bytes_used = (select coalesce(sum(length(r.ciphertext)), 0) from records r where r.author_id = users.id)`.execute(db);
      },
    },
    '0007_records_id_key': {
      async up(db: Kysely<any>) {
        // ADR 033: record ids stay unique per space, but through an index led by the id. With
        // (space_id, id), PostgreSQL with stale statistics (a space it believes holds one record)
        // could answer a pull with a bitmap scan of that index on space_id alone, reading every
        // record of the space for each page; led by the id, only the primary key (space_id, seq)
        // serves a space's pages, and then always by its seq range. SQLite cannot drop a table
        // constraint without rebuilding the table, and its planner (no statistics) picks the
        // primary key here anyway, so SQLite keeps its index.
        if (dialect !== 'postgres') return;
        await db.schema.createIndex('records_id_space_id_key').unique().on('records').columns(['id', 'space_id']).execute();
        await db.schema.alterTable('records').dropConstraint('records_space_id_id_key').execute();
      },
    },
    '0008_push_schedule': {
      async up(db: Kysely<any>) {
        // Who a scheduled reminder (a plan's, a listening turn's) is for, and when, apart from the
        // outbox rows made for the devices there were then: a device that turns notifications on
        // later gets the reminders already set for its person (ADR 024).
        await db.schema
          .createTable('push_schedule')
          .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
          .addColumn('opaque_id', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('push_schedule_pk', ['space_id', 'opaque_id', 'user_id'])
          .execute();
        await db.schema.createIndex('push_schedule_user_idx').on('push_schedule').columns(['user_id', 'at']).execute();
      },
    },
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  readonly #dialect: Dialect;
  constructor(dialect: Dialect) {
    this.#dialect = dialect;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.#dialect);
  }
}

/**
 * Brings the schema to the latest version; throws (and the server does not start) on failure.
 * `pgSchema`: the PostgreSQL schema the data lives in, where the migration tables live too (so
 * Kysely's checks for them never see another schema's, as when two test runs share a database).
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, pgSchema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(dialect), ...(pgSchema ? { migrationTableSchema: pgSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of every migration, oldest first (used by a test that keeps them additive). */
export function migrationNames(dialect: Dialect): string[] {
  return Object.keys(migrations(dialect)).sort();
}
