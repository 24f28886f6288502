/** Row counts and a hash of every table's contents, to prove a refused request changed nothing. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type DB, TABLES } from '../db/types.ts';

/** rate_limits counts attempts and auth_failures counts refusals, by design; both are left out. */
const SNAPSHOT_TABLES = TABLES.filter((t) => t !== 'rate_limits' && t !== 'auth_failures');

export interface Snapshot {
  counts: Record<string, number>;
  hash: string;
}

export async function snapshotDatabase(db: Kysely<DB>): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  const hash = createHash('sha256');
  for (const table of SNAPSHOT_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    counts[table] = rows.length;
    const lines = rows
      .map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer'
            ? Buffer.from((value as { data: number[] }).data).toString('base64url')
            : value,
        ),
      )
      .sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
  }
  return { counts, hash: hash.digest('hex') };
}
