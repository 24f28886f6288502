import type { Kysely, Selectable } from 'kysely';
import type { DB, InvitesTable } from '../db/types.ts';

export type InviteRow = Selectable<InvitesTable>;

export function invitesRepo(db: Kysely<DB>) {
  return {
    async insert(row: InviteRow): Promise<void> {
      await db.insertInto('invites').values(row).execute();
    },

    findById(id: string): Promise<InviteRow | undefined> {
      return db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async idExists(id: string): Promise<boolean> {
      const row = await db.selectFrom('invites').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },

    /** Invites `createdBy` has open (not used, withdrawn or expired) across every space. */
    async countOpenBy(createdBy: string, now: number): Promise<number> {
      const row = await db
        .selectFrom('invites')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('created_by', '=', createdBy)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    listBySpace(spaceId: string): Promise<InviteRow[]> {
      return db.selectFrom('invites').selectAll().where('space_id', '=', spaceId).orderBy('created_at', 'desc').orderBy('id').execute();
    },

    async revoke(spaceId: string, id: string, now: number): Promise<void> {
      await db
        .updateTable('invites')
        .set({ revoked_at: now })
        .where('space_id', '=', spaceId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .where('used_at', 'is', null)
        .execute();
    },

    /** Open invites a member created in a space are revoked when they leave it. */
    async revokeOpenByCreator(spaceId: string, createdBy: string, now: number): Promise<void> {
      await db
        .updateTable('invites')
        .set({ revoked_at: now })
        .where('space_id', '=', spaceId)
        .where('created_by', '=', createdBy)
        .where('revoked_at', 'is', null)
        .where('used_at', 'is', null)
        .execute();
    },

    /**
     * Single use: marks the invite used only if it is still open. The conditional UPDATE is the
     * guard; of two concurrent accepts exactly one sees a changed row.
     */
    async markUsed(id: string, userId: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('invites')
        .set({ used_at: now, used_by: userId })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
