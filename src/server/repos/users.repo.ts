import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../db/types.ts';
import { prepared } from './prepared.ts';

export type UserRow = Selectable<UsersTable>;

export interface CredentialsUpdate {
  salt: Buffer;
  kdf: string;
  login_verifier: Buffer;
  wrapped_uk_by_master: Buffer;
  wrapped_uk_by_recovery?: Buffer;
  recovery_verifier?: Buffer;
}

/** Adds to the writer's storage count and returns it (the per-person quota, ADR 030). */
export const addBytes = prepared<[string, number], { bytes_used: number }>(2, (db, id, bytes) =>
  db
    .updateTable('users')
    .set((eb) => ({ bytes_used: eb('bytes_used', '+', bytes) }))
    .where('id', '=', id)
    .returning('bytes_used'),
);

export function usersRepo(db: Kysely<DB>) {
  return {
    findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Salt and KDF parameters only (the unauthenticated params route). */
    findParamsByEmail(email: string): Promise<{ salt: Buffer; kdf: string } | undefined> {
      return db.selectFrom('users').select(['salt', 'kdf']).where('email', '=', email).executeTakeFirst();
    },

    async insert(row: UserRow): Promise<void> {
      await db.insertInto('users').values(row).execute();
    },

    async existsWithEmailOrId(email: string, id: string): Promise<{ email: boolean; id: boolean }> {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'email'])
        .where((eb) => eb.or([eb('email', '=', email), eb('id', '=', id)]))
        .execute();
      return { email: rows.some((r) => r.email === email), id: rows.some((r) => r.id === id) };
    },

    async updateCredentials(id: string, update: CredentialsUpdate): Promise<void> {
      await db.updateTable('users').set(update).where('id', '=', id).execute();
    },

    /** A new recovery code: its verifier and the user key wrapped under it. */
    async updateRecovery(id: string, update: { recovery_verifier: Buffer; wrapped_uk_by_recovery: Buffer }): Promise<void> {
      await db.updateTable('users').set(update).where('id', '=', id).execute();
    },

    /** Deletes the user (cascading to every record they wrote); those spaces' storage counts drop with them. */
    async delete(id: string): Promise<void> {
      await sql`update spaces set bytes_used = bytes_used - (select coalesce(sum(length(r.ciphertext)), 0) from records r where r.author_id = ${id} and r.space_id = spaces.id)
        where id in (select distinct space_id from records where author_id = ${id})`.execute(db);
      await db.deleteFrom('users').where('id', '=', id).execute();
    },

    /** Adds `bytes` (negative: frees) to the person's storage count; returns the new count. */
    async addBytes(id: string, bytes: number): Promise<number> {
      return Number((await addBytes(db, id, bytes)).rows[0]?.bytes_used ?? 0);
    },
  };
}
