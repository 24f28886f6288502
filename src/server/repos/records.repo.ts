import type { Kysely, Selectable } from 'kysely';
import { prepared } from './prepared.ts';
import type { DB, RecordsTable } from '../db/types.ts';

export type RecordRow = Selectable<RecordsTable>;
type StoredFields = Pick<RecordRow, 'seq' | 'author_id' | 'epoch' | 'ciphertext'>;

const findById = prepared<[string, string], StoredFields>(2, (db, spaceId, id) =>
  db.selectFrom('records').select(['seq', 'author_id', 'epoch', 'ciphertext']).where('space_id', '=', spaceId).where('id', '=', id),
);

/**
 * Takes the next sequence number of a space, but only while the writer is an active member, the
 * space is at `epoch` and needs no rotation. The UPDATE both checks and locks (on PostgreSQL the
 * row lock orders concurrent writers, so sequence numbers commit in order with no gaps); no row
 * means one of the conditions failed and the caller finds out which.
 */
const claimSeq = prepared<[string, string, number], Pick<RecordRow, 'seq'>>(3, (db, spaceId, authorId, epoch) =>
  db
    .updateTable('spaces')
    .set((eb) => ({ head_seq: eb('head_seq', '+', 1) }))
    .where('id', '=', spaceId)
    .where('epoch', '=', epoch)
    .where('needs_rotation', '=', 0)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('space_members')
          .select('space_members.user_id')
          .where('space_members.space_id', '=', spaceId)
          .where('space_members.user_id', '=', authorId)
          .where('space_members.status', '=', 'active'),
      ),
    )
    .returning('head_seq as seq'),
);

const insert = prepared<[string, number, string, string, number, Buffer, number], never>(7, (db, space_id, seq, id, author_id, epoch, ciphertext, created_at) =>
  db.insertInto('records').values({ space_id, seq, id, author_id, epoch, ciphertext, created_at }),
);

const listSince = prepared<[string, number, number], Omit<RecordRow, 'space_id'>>(3, (db, spaceId, since, limit) =>
  db
    .selectFrom('records')
    .select(['id', 'seq', 'author_id', 'epoch', 'ciphertext', 'created_at'])
    .where('space_id', '=', spaceId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit),
);

export function recordsRepo(db: Kysely<DB>) {
  return {
    async findById(spaceId: string, id: string): Promise<StoredFields | undefined> {
      return (await findById(db, spaceId, id)).rows[0];
    },

    async claimSeq(spaceId: string, authorId: string, epoch: number): Promise<number | undefined> {
      return (await claimSeq(db, spaceId, authorId, epoch)).rows[0]?.seq;
    },

    async insert(row: RecordRow): Promise<void> {
      await insert(db, row.space_id, row.seq, row.id, row.author_id, row.epoch, row.ciphertext, row.created_at);
    },

    /** The authors of those of `ids` that exist in the space. */
    async authorsOf(spaceId: string, ids: readonly string[]): Promise<Array<{ id: string; author_id: string }>> {
      if (ids.length === 0) return [];
      return db.selectFrom('records').select(['id', 'author_id']).where('space_id', '=', spaceId).where('id', 'in', [...ids]).execute();
    },

    async deleteOwn(spaceId: string, authorId: string, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.deleteFrom('records').where('space_id', '=', spaceId).where('author_id', '=', authorId).where('id', 'in', [...ids]).execute();
    },

    /** Everything one member wrote in a space (they left and took it back). */
    async deleteAllOf(spaceId: string, authorId: string): Promise<void> {
      await db.deleteFrom('records').where('space_id', '=', spaceId).where('author_id', '=', authorId).execute();
    },

    async listSince(spaceId: string, since: number, limit: number): Promise<Array<Omit<RecordRow, 'space_id'>>> {
      return (await listSince(db, spaceId, since, limit)).rows;
    },
  };
}
