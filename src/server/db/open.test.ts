import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byTokenHashInSpace } from '../repos/sessions.repo.ts';
import { TEST_DATABASE_URL } from '../testing/databases.ts';
import { statementName } from './named-statements.ts';
import { type Database, openDatabase } from './open.ts';

let database: Database | undefined;
let dir: string | undefined;
afterEach(async () => {
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function sqlite(): Promise<Database> {
  dir = mkdtempSync(join(tmpdir(), 'innermost-open-'));
  database = await openDatabase({ sqlitePath: join(dir, 'innermost.db') });
  await sql`create table probe (x integer not null)`.execute(database.db);
  return database;
}

it('SQLite: the reading connection sees what was committed, never a transaction still open', async () => {
  const { db, reader } = await sqlite();
  const read = reader!();
  const count = () => (read.prepare('select count(*) as n from probe').get() as { n: number }).n;
  let written!: () => void;
  const inside = new Promise<void>((resolve) => (written = resolve));
  let commit!: () => void;
  const release = new Promise<void>((resolve) => (commit = resolve));
  const transaction = db.transaction().execute(async (trx) => {
    await sql`insert into probe (x) values (1)`.execute(trx);
    written();
    await release;
  });
  await inside;
  expect(count()).toBe(0);
  commit();
  await transaction;
  expect(count()).toBe(1);
});

it('SQLite: the reading connection refuses to write', async () => {
  const { reader } = await sqlite();
  expect(() => reader!().prepare('insert into probe (x) values (1)').run()).toThrow(/readonly|read-only|query_only/i);
});

it('SQLite: exclusive runs on the writing connection between transactions, not inside one', async () => {
  const { db, exclusive } = await sqlite();
  let written!: () => void;
  const inside = new Promise<void>((resolve) => (written = resolve));
  let rollback!: () => void;
  const release = new Promise<void>((resolve) => (rollback = resolve));
  const transaction = db
    .transaction()
    .execute(async (trx) => {
      await sql`insert into probe (x) values (1)`.execute(trx);
      written();
      await release;
      throw new Error('undo');
    })
    .catch(() => 'rolled back');
  await inside;
  // Asked while the transaction is open: it waits for it, and never sees (or joins) its write.
  const seen = exclusive!((s) => (s.prepare('select count(*) as n from probe').get() as { n: number }).n);
  rollback();
  expect(await transaction).toBe('rolled back');
  expect(await seen).toBe(0);
});

describe.runIf(TEST_DATABASE_URL)('PostgreSQL', () => {
  let schema: string;
  beforeEach(async () => {
    schema = `test_${randomBytes(6).toString('hex')}`;
    await admin((client) => client.query(`create schema ${schema}`));
    // One connection, so every query below meets the statements the others prepared.
    database = await openDatabase({ databaseUrl: TEST_DATABASE_URL, pgSchema: schema, pgPoolMax: 1 });
  });
  afterEach(async () => {
    await database?.close();
    database = undefined;
    await admin((client) => client.query(`drop schema if exists ${schema} cascade`));
  });

  it('prepares the hot statements once per connection, under their names, and nothing else', async () => {
    const { db } = database!;
    const text = byTokenHashInSpace.compiled(db).sql;
    const prepared = async () => (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(db)).rows;
    for (let i = 0; i < 3; i++) expect((await byTokenHashInSpace(db, randomBytes(32), 'space')).rows).toEqual([]);
    await sql`select 1 as one`.execute(db);
    const rows = await prepared();
    expect(rows.filter((row) => row.statement === text)).toEqual([{ name: statementName(text), statement: text }]);
    expect(statementName(text)).toMatch(/^innermost_\d+$/);
    // Ad hoc text (a one-off query, or a list of ids of varying length) is never kept on the connection.
    expect(rows.some((row) => row.statement.includes('select 1 as one'))).toBe(false);
    expect(rows.every((row) => row.name.startsWith('innermost_'))).toBe(true);
  });
});

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
