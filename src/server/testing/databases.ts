/**
 * Test databases: every suite runs on a fresh SQLite file in a temp dir and, when
 * TEST_DATABASE_URL is set, again on PostgreSQL in a fresh schema (created with a random name,
 * put on the search path through the pool's `options`, dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Database, openDatabase } from '../db/open.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  /** PostgreSQL only: the URL and schema, to open a second connection to the same data. */
  databaseUrl?: string;
  schema?: string;
  /** SQLite only: the file. */
  sqlitePath?: string;
  dispose(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export function databaseKinds(): DatabaseKind[] {
  return TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'innermost-test-'));
    const sqlitePath = join(dir, 'innermost.db');
    const database = await openDatabase({ sqlitePath });
    return {
      kind,
      database,
      sqlitePath,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const database = await openMigrated(schema);
  return {
    kind,
    database,
    databaseUrl: TEST_DATABASE_URL,
    schema,
    dispose: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Opens and migrates a fresh test schema. Kysely's migrator lists every schema of the database and
 * asks PostgreSQL about each by name; when a suite in another worker drops its own schema at that
 * moment, the question fails with 'schema "test_…" does not exist' (naming theirs, not ours). That
 * is the test runs sharing one database, never the app's own data: open again.
 */
async function openMigrated(schema: string, attempts = 5): Promise<Database> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase({ databaseUrl: TEST_DATABASE_URL!, pgSchema: schema, pgPoolMax: 8 });
    } catch (error) {
      const raced = /schema "test_[0-9a-f]+" does not exist/.test(String((error as Error).message));
      if (!raced || attempt >= attempts) throw error;
    }
  }
}

/** Handle given to a suite; `db` is ready inside tests and hooks (after beforeAll). */
export interface SuiteDatabase {
  readonly kind: DatabaseKind;
  readonly db: TestDatabase;
}

/**
 * Runs `fn` once per available database, each in its own describe block with its own fresh
 * database for the whole block.
 */
export function describeEachDatabase(name: string, fn: (suite: SuiteDatabase) => void): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await current?.dispose();
      });
      fn({
        kind,
        get db() {
          if (!current) throw new Error('the test database is only available inside tests and hooks');
          return current;
        },
      });
    });
  }
}
