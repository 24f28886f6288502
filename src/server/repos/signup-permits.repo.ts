import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';

/**
 * One-time sign-up permits (SIGNUP=invite|closed): operator links (stored unused until someone
 * signs up with one) and invitations that already let one account be made (stored used, keyed by
 * the invitation's token hash, so one invitation never opens the door twice).
 */
export function signupPermitsRepo(db: Kysely<DB>) {
  return {
    async insert(tokenHash: Buffer, createdAt: number, expiresAt: number): Promise<void> {
      await db.insertInto('signup_permits').values({ token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt, used_at: null }).execute();
    },

    /** Uses an open, unexpired link; false when it is unknown, used or expired. */
    async claim(tokenHash: Buffer, at: number): Promise<boolean> {
      const result = await db
        .updateTable('signup_permits')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async exists(tokenHash: Buffer): Promise<boolean> {
      return (await db.selectFrom('signup_permits').select('created_at').where('token_hash', '=', tokenHash).executeTakeFirst()) !== undefined;
    },

    /** Records that an invitation made its one account (a second insert fails: unique). */
    async insertUsed(tokenHash: Buffer, at: number, expiresAt: number): Promise<void> {
      await db.insertInto('signup_permits').values({ token_hash: tokenHash, created_at: at, expires_at: expiresAt, used_at: at }).execute();
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('signup_permits').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
