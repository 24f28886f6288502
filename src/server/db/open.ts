/**
 * Opens the database: SQLite (better-sqlite3, one file under DATA_DIR) by default, PostgreSQL (pg
 * Pool) when a URL is given. Both behind one Kysely<DB>, so repositories hold one set of queries.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, SqliteDialect, type SqliteDatabase, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './types.ts';
import { migrateToLatest } from './migrations.ts';
import { statementName } from './named-statements.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** postgres:// or postgresql:// URL; when absent, SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  sqlitePath?: string | undefined;
  /** PostgreSQL only: schema to put first on the search path (tests use one fresh schema per suite). */
  pgSchema?: string | undefined;
  /** PostgreSQL only: pool size (default 10). */
  pgPoolMax?: number | undefined;
  /** Run migrations on open (default true). */
  migrate?: boolean | undefined;
}

/** The synchronous SQLite connection, for work that must not yield (SQLite only, see `exclusive`). */
export interface SyncSqlite {
  /** A prepared statement, from the same bounded cache Kysely's queries use. */
  prepare(text: string): SQLite.Statement;
  /** better-sqlite3's transaction: nested calls become savepoints, a throw rolls back its own level. */
  transaction: SQLite.Database['transaction'];
}

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /**
   * SQLite only: runs `fn` synchronously on the one connection while Kysely holds it for us, so no
   * Kysely transaction is open meanwhile and nothing interleaves with `fn`. Hot paths use it to run
   * a batch of statements without a promise per statement (ADR 033).
   */
  exclusive?<T>(fn: (sqlite: SyncSqlite) => T): Promise<T>;
  /**
   * SQLite only: a second connection that only reads, for the hot lookups made outside any
   * transaction (a request's session, a page of records). In WAL mode it sees exactly what was
   * committed when each statement starts, never a transaction still open on the writer's
   * connection, so it needs no turn on that connection and no promise per statement (ADR 033).
   * Opened on first use (after the migrations).
   */
  reader?(): SyncSqlite;
  /** A round trip to the database (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const INT8_OID = 20;

/**
 * pg returns int8 (bigint) as a string to be safe beyond 2^53; our bigints are epoch milliseconds,
 * sequence numbers and counts, far below 2^53, so they come back as plain numbers. Set per pool,
 * never globally on `pg.types`.
 */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function pgPoolConfig(config: { databaseUrl: string; pgSchema?: string | undefined; max?: number | undefined }): pg.PoolConfig {
  return {
    connectionString: config.databaseUrl,
    max: config.max ?? 10,
    types: pgTypes,
    ...(config.pgSchema ? { options: `-c search_path=${quoteSchema(config.pgSchema)}` } : {}),
  };
}

/**
 * The pool as Kysely sees it, except that the texts registered with `runOften` go out as named
 * statements: pg prepares each once per connection (parse and plan) and afterwards sends only
 * the values (ADR 035). Everything else is sent as it comes. One wrapper per pg client, since
 * Kysely keeps its connection state keyed by the client object it is given.
 */
export function preparing(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient =>
    ({
      // A string and its values, or (for streams) a cursor, which goes through untouched.
      query: ((text: unknown, values?: unknown[]) => {
        const name = typeof text === 'string' ? statementName(text) : undefined;
        return name ? client.query({ name, text: text as string, values: values as unknown[] }) : client.query(text as string, values);
      }) as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
      // Kysely reads the backend's pid from the client to cancel a query it was told to abort.
      get processID() {
        return (client as { processID?: number }).processID;
      },
    }) as PostgresPoolClient;
  return {
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid schema name');
  return schema;
}

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs as much as running a point
 * query. Kysely renders one SQL string per query shape (values are bound parameters), so a small
 * cache of prepared statements keyed by SQL text removes that cost. Bounded; oldest out first.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase & SyncSqlite {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    transaction: sqlite.transaction.bind(sqlite),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let database: Database;
  if (config.databaseUrl) {
    const pool = new pg.Pool(pgPoolConfig({ databaseUrl: config.databaseUrl, pgSchema: config.pgSchema, max: config.pgPoolMax }));
    // An idle client that errors (the server restarted) must not crash the process; the pool
    // discards it and the next query opens a fresh connection.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparing(pool) }) });
    database = {
      db,
      dialect: 'postgres',
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: () => db.destroy(),
    };
  } else {
    if (!config.sqlitePath) throw new Error('openDatabase: sqlitePath or databaseUrl is required');
    mkdirSync(dirname(config.sqlitePath), { recursive: true });
    const sqlite = new SQLite(config.sqlitePath);
    // WAL: readers never block the writer. synchronous=FULL: a commit is fsynced before it is
    // acknowledged, so a write answered with 2xx survives the process (or machine) dying right
    // after (https://www.sqlite.org/pragma.html#pragma_synchronous).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const cached = withStatementCache(sqlite);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cached }) });
    const path = config.sqlitePath;
    let reader: (SqliteDatabase & SyncSqlite) | undefined;
    database = {
      db,
      dialect: 'sqlite',
      exclusive: (fn) => db.connection().execute(async () => fn(cached)),
      reader: () => {
        if (!reader) {
          const connection = new SQLite(path, { fileMustExist: true });
          connection.pragma('query_only = ON');
          connection.pragma('busy_timeout = 5000');
          reader = withStatementCache(connection);
        }
        return reader;
      },
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: async () => {
        reader?.close();
        reader = undefined;
        await db.destroy();
      },
    };
  }
  if (config.migrate !== false) {
    try {
      await migrateToLatest(database.db, database.dialect, database.dialect === 'postgres' ? config.pgSchema : undefined);
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
  }
  return database;
}
