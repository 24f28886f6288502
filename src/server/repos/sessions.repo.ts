import type { Kysely, Selectable } from 'kysely';
import type { DB, SessionsTable } from '../db/types.ts';
import { prepared } from './prepared.ts';

export type SessionRow = Selectable<SessionsTable>;

const byTokenHash = prepared<[Buffer], SessionRow>(1, (db, hash) => db.selectFrom('sessions').selectAll().where('token_hash', '=', hash));
const byId = prepared<[string], SessionRow>(1, (db, id) => db.selectFrom('sessions').selectAll().where('id', '=', id));

export function sessionsRepo(db: Kysely<DB>) {
  return {
    async insert(row: SessionRow): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },

    async findByTokenHash(tokenHash: Buffer): Promise<SessionRow | undefined> {
      return (await byTokenHash(db, tokenHash)).rows[0];
    },

    async findById(id: string): Promise<SessionRow | undefined> {
      return (await byId(db, id)).rows[0];
    },

    async touch(id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
    },

    listByUser(userId: string, now: number): Promise<SessionRow[]> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
    },

    async deleteOne(userId: string, id: string): Promise<number> {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteAllForUser(userId: string, exceptId?: string): Promise<void> {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) query = query.where('id', '!=', exceptId);
      await query.execute();
    },

    async deleteExpired(now: number): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },
  };
}
