import type { Kysely, Selectable } from 'kysely';
import type { ComfortMessagesTable, ComfortRunsTable, DB } from '../db/types.ts';

export type ComfortRunRow = Selectable<ComfortRunsTable>;
export type ComfortMessageRow = Selectable<ComfortMessagesTable>;
/** Who posted which phase, when: never the message (summaries are built from this only). */
export type ComfortPostRow = Pick<ComfortMessageRow, 'run_id' | 'user_id' | 'phase' | 'posted_at'>;

export function comfortRepo(db: Kysely<DB>) {
  return {
    async runExists(id: string): Promise<boolean> {
      return (await db.selectFrom('comfort_runs').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },

    async insertRun(row: ComfortRunRow): Promise<void> {
      await db.insertInto('comfort_runs').values(row).execute();
    },

    /** A run of this space with `userId` as one of its pair (absent for anyone else). */
    async findRunOf(spaceId: string, runId: string, userId: string): Promise<ComfortRunRow | undefined> {
      return db
        .selectFrom('comfort_runs')
        .selectAll()
        .where('id', '=', runId)
        .where('space_id', '=', spaceId)
        .where((eb) => eb.or([eb('user_low', '=', userId), eb('user_high', '=', userId)]))
        .executeTakeFirst();
    },

    /**
     * Takes the run's row lock while it is open (PostgreSQL: two posts to one run queue here, so
     * the second sees the first committed; SQLite serialises transactions anyway).
     */
    async lockOpen(runId: string): Promise<ComfortRunRow | undefined> {
      return db
        .updateTable('comfort_runs')
        .set((eb) => ({ status: eb.ref('status') }))
        .where('id', '=', runId)
        .where('status', '=', 'open')
        .returningAll()
        .executeTakeFirst();
    },

    /** The runs of a space that `userId` is one of the pair of, newest first. */
    listOf(spaceId: string, userId: string): Promise<ComfortRunRow[]> {
      return db
        .selectFrom('comfort_runs')
        .selectAll()
        .where('space_id', '=', spaceId)
        .where((eb) => eb.or([eb('user_low', '=', userId), eb('user_high', '=', userId)]))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    /** The pair's newest run in this space (any status). */
    latestOfPair(spaceId: string, low: string, high: string): Promise<ComfortRunRow | undefined> {
      return db
        .selectFrom('comfort_runs')
        .selectAll()
        .where('space_id', '=', spaceId)
        .where('user_low', '=', low)
        .where('user_high', '=', high)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    listPosts(runIds: string[]): Promise<ComfortPostRow[]> {
      if (runIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('comfort_messages')
        .select(['run_id', 'user_id', 'phase', 'posted_at'])
        .where('run_id', 'in', runIds)
        .orderBy('run_id')
        .orderBy('phase')
        .orderBy('user_id')
        .execute();
    },

    listMessages(runId: string): Promise<ComfortMessageRow[]> {
      return db.selectFrom('comfort_messages').selectAll().where('run_id', '=', runId).orderBy('phase').orderBy('user_id').execute();
    },

    /** Stores a message only if this participant has not posted this phase yet (a message never changes). */
    async claimMessage(row: ComfortMessageRow): Promise<boolean> {
      const rows = await db
        .insertInto('comfort_messages')
        .values(row)
        .onConflict((oc) => oc.columns(['run_id', 'user_id', 'phase']).doNothing())
        .returning('run_id')
        .execute();
      return rows.length === 1;
    },

    async close(runId: string, status: 'done' | 'declined', at: number): Promise<void> {
      await db.updateTable('comfort_runs').set({ status, closed_at: at }).where('id', '=', runId).where('status', '=', 'open').execute();
    },

    /** open -> expired for the runs of a space past their time; returns their ids. */
    async expireDue(spaceId: string, now: number): Promise<string[]> {
      const rows = await db
        .updateTable('comfort_runs')
        .set({ status: 'expired', closed_at: now })
        .where('space_id', '=', spaceId)
        .where('status', '=', 'open')
        .where('expires_at', '<=', now)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    /**
     * Deletes the messages of the space's runs past their time, whatever their status: a finished
     * run keeps them until then so both sides can fetch the last phase, and no longer.
     */
    async deleteDueMessages(spaceId: string, now: number): Promise<void> {
      await db
        .deleteFrom('comfort_messages')
        .where('run_id', 'in', (eb) => eb.selectFrom('comfort_runs').select('id').where('space_id', '=', spaceId).where('expires_at', '<=', now))
        .execute();
    },

    async deleteMessages(runId: string): Promise<void> {
      await db.deleteFrom('comfort_messages').where('run_id', '=', runId).execute();
    },
  };
}
