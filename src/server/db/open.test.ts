import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
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
