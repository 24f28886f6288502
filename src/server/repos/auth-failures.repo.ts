import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

export interface FailureRow {
  key: string;
  failures: number;
  last_at: number;
}

/** Failed attempts per HMAC'd key (http/lockout.ts): a count and the time of the last one. */
export function authFailuresRepo(db: Kysely<DB>) {
  return {
    async find(keys: readonly string[]): Promise<FailureRow[]> {
      if (keys.length === 0) return [];
      return db.selectFrom('auth_failures').select(['key', 'failures', 'last_at']).where('key', 'in', [...keys]).execute();
    },

    /** One more failure on `key` at `at`; a count whose last failure is before `resetBefore` starts again at 1. */
    async fail(key: string, at: number, resetBefore: number): Promise<void> {
      await db
        .insertInto('auth_failures')
        .values({ key, failures: 1, last_at: at })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            failures: eb
              .case()
              .when('auth_failures.last_at', '<', resetBefore)
              .then(1)
              .else(eb('auth_failures.failures', '+', 1))
              .end(),
            last_at: at,
          })),
        )
        .execute();
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('auth_failures').where('key', '=', key).execute();
    },

    async deleteOlderThan(at: number): Promise<void> {
      await db.deleteFrom('auth_failures').where('last_at', '<', at).execute();
    },
  };
}
