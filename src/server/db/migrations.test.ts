import { expect, it } from 'vitest';
import { TABLES } from './types.ts';
import { migrateToLatest, migrationNames } from './migrations.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('migrations', (suite) => {
  it('create every table and are idempotent', async () => {
    const { db, dialect } = suite.db.database;
    expect(await migrateToLatest(db, dialect)).toEqual([]);
    for (const table of TABLES) await db.selectFrom(table).selectAll().limit(1).execute();
  });

  it('are named in order and append-only (names never change)', () => {
    const names = migrationNames(suite.db.database.dialect);
    expect(names).toEqual([...names].sort());
    expect(names.slice(0, 5)).toEqual(['0001_initial', '0002_rounds', '0003_departures', '0004_push', '0005_comfort_match']);
  });

  it('return bigints as numbers and bytes as Buffers', async () => {
    const { db } = suite.db.database;
    const at = 1_700_000_000_123;
    await db.insertInto('rate_limits').values({ key: 'k', window_start: at, count: 2 }).execute();
    const row = await db.selectFrom('rate_limits').selectAll().where('key', '=', 'k').executeTakeFirstOrThrow();
    expect(row).toEqual({ key: 'k', window_start: at, count: 2 });
    await db.deleteFrom('rate_limits').execute();
  });
});
