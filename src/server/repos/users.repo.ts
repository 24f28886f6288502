import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../db/types.ts';

export type UserRow = Selectable<UsersTable>;

export interface CredentialsUpdate {
  salt: Buffer;
  kdf: string;
  login_verifier: Buffer;
  wrapped_uk_by_master: Buffer;
  wrapped_uk_by_recovery?: Buffer;
  recovery_verifier?: Buffer;
}

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

    async delete(id: string): Promise<void> {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
  };
}
