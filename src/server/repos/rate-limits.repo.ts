import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export function rateLimitsRepo(db: Kysely<DB>) {
  return {
    /**
     * Counts one hit of `key` in the fixed window starting at `windowStart` and returns the count
     * so far in that window (one atomic upsert: a new window resets the count to 1).
     */
    async hit(key: string, windowStart: number): Promise<number> {
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            count: eb
              .case()
              .when('rate_limits.window_start', '=', eb.ref('excluded.window_start'))
              .then(eb('rate_limits.count', '+', 1))
              .else(1)
              .end(),
            window_start: eb.ref('excluded.window_start'),
          })),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async deleteOlderThan(windowStart: number): Promise<void> {
      await db.deleteFrom('rate_limits').where('window_start', '<', windowStart).execute();
    },
  };
}
