import type { Kysely, Selectable } from 'kysely';
import type { DB, RoundParticipantsTable, RoundsTable } from '../db/types.ts';
import { prepared } from './prepared.ts';

export type RoundRow = Selectable<RoundsTable>;
export type ParticipantRow = Selectable<RoundParticipantsTable>;
/** A participant's status: never the answer (summaries are built from this only). */
export type ParticipantStatusRow = Pick<ParticipantRow, 'round_id' | 'user_id' | 'submitted_at'>;
export type SubmissionRow = Pick<ParticipantRow, 'user_id' | 'submitted_at'> & { ciphertext: Buffer; signature: Buffer };

const findRound = prepared<[string, string], RoundRow>(2, (db, spaceId, roundId) =>
  db.selectFrom('rounds').selectAll().where('id', '=', roundId).where('space_id', '=', spaceId),
);

const participantsOf = prepared<[string], ParticipantStatusRow>(1, (db, roundId) =>
  db.selectFrom('round_participants').select(['round_id', 'user_id', 'submitted_at']).where('round_id', '=', roundId).orderBy('user_id'),
);

/**
 * Takes the round's row lock while it is open (PostgreSQL: concurrent submissions to one round
 * queue here, so the last one sees every earlier one committed; SQLite serialises transactions
 * anyway). No row: absent, in another space, or no longer open.
 */
const lockOpen = prepared<[string, string], RoundRow>(2, (db, spaceId, roundId) =>
  db
    .updateTable('rounds')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', roundId)
    .where('space_id', '=', spaceId)
    .where('status', '=', 'open')
    .returningAll(),
);

/** Stores an answer only if this participant has not answered yet (a submission never changes). */
const claimSubmission = prepared<[string, string, Buffer, Buffer, number], Pick<ParticipantRow, 'user_id'>>(5, (db, roundId, userId, ciphertext, signature, at) =>
  db
    .updateTable('round_participants')
    .set({ ciphertext, signature, submitted_at: at })
    .where('round_id', '=', roundId)
    .where('user_id', '=', userId)
    .where('submitted_at', 'is', null)
    .returning('user_id'),
);

/** open -> revealed, only once and only when no participant is left to answer. */
const revealIfComplete = prepared<[string, number], Pick<RoundRow, 'id'>>(2, (db, roundId, at) =>
  db
    .updateTable('rounds')
    .set({ status: 'revealed', revealed_at: at, closed_at: at })
    .where('id', '=', roundId)
    .where('status', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('round_participants')
            .select('round_participants.user_id')
            .where('round_participants.round_id', '=', roundId)
            .where('round_participants.submitted_at', 'is', null),
        ),
      ),
    )
    .returning('id'),
);

export function roundsRepo(db: Kysely<DB>) {
  return {
    async roundExists(id: string): Promise<boolean> {
      const row = await db.selectFrom('rounds').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },

    async insertRound(round: RoundRow, participantIds: string[]): Promise<void> {
      await db.insertInto('rounds').values(round).execute();
      await db
        .insertInto('round_participants')
        .values(participantIds.map((user_id) => ({ round_id: round.id, user_id, submitted_at: null, ciphertext: null, signature: null })))
        .execute();
    },

    async findRound(spaceId: string, roundId: string): Promise<RoundRow | undefined> {
      return (await findRound(db, spaceId, roundId)).rows[0];
    },

    async lockOpen(spaceId: string, roundId: string): Promise<RoundRow | undefined> {
      return (await lockOpen(db, spaceId, roundId)).rows[0];
    },

    async participants(roundId: string): Promise<ParticipantStatusRow[]> {
      return (await participantsOf(db, roundId)).rows;
    },

    /** Status of every participant of `roundIds` (no answers). */
    listParticipants(roundIds: string[]): Promise<ParticipantStatusRow[]> {
      if (roundIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('round_participants')
        .select(['round_id', 'user_id', 'submitted_at'])
        .where('round_id', 'in', roundIds)
        .orderBy('round_id')
        .orderBy('user_id')
        .execute();
    },

    /** Rounds of a space that `userId` takes part in, newest first. */
    listOfParticipant(spaceId: string, userId: string): Promise<RoundRow[]> {
      return db
        .selectFrom('rounds')
        .innerJoin('round_participants', 'round_participants.round_id', 'rounds.id')
        .selectAll('rounds')
        .where('rounds.space_id', '=', spaceId)
        .where('round_participants.user_id', '=', userId)
        .orderBy('rounds.created_at', 'desc')
        .orderBy('rounds.id', 'desc')
        .execute();
    },

    async claimSubmission(roundId: string, userId: string, ciphertext: Buffer, signature: Buffer, at: number): Promise<boolean> {
      return (await claimSubmission(db, roundId, userId, ciphertext, signature, at)).rows.length === 1;
    },

    async revealIfComplete(roundId: string, at: number): Promise<boolean> {
      return (await revealIfComplete(db, roundId, at)).rows.length === 1;
    },

    /** Stored answers of a round, of one participant when `userId` is given. */
    async listSubmissions(roundId: string, userId?: string): Promise<SubmissionRow[]> {
      let query = db
        .selectFrom('round_participants')
        .select(['user_id', 'submitted_at', 'ciphertext', 'signature'])
        .where('round_id', '=', roundId)
        .where('ciphertext', 'is not', null)
        .where('signature', 'is not', null)
        .where('submitted_at', 'is not', null);
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      return (await query.orderBy('submitted_at').orderBy('user_id').execute()) as SubmissionRow[];
    },

    /** open -> withdrawn, only by its starter and only while open. */
    async withdraw(spaceId: string, roundId: string, starterId: string, at: number): Promise<boolean> {
      const result = await db
        .updateTable('rounds')
        .set({ status: 'withdrawn', closed_at: at })
        .where('id', '=', roundId)
        .where('space_id', '=', spaceId)
        .where('created_by', '=', starterId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Ids of the open rounds of a space that `userId` takes part in. */
    async openRoundIdsOf(spaceId: string, userId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('rounds')
        .innerJoin('round_participants', 'round_participants.round_id', 'rounds.id')
        .select('rounds.id')
        .where('rounds.space_id', '=', spaceId)
        .where('round_participants.user_id', '=', userId)
        .where('rounds.status', '=', 'open')
        .orderBy('rounds.id')
        .execute();
      return rows.map((r) => r.id);
    },

    /** open -> cancelled for those of `roundIds` still open; returns the ids it cancelled. */
    async cancel(roundIds: string[], reason: NonNullable<RoundRow['cancel_reason']>, at: number): Promise<string[]> {
      if (roundIds.length === 0) return [];
      const rows = await db
        .updateTable('rounds')
        .set({ status: 'cancelled', cancel_reason: reason, closed_at: at })
        .where('id', 'in', roundIds)
        .where('status', '=', 'open')
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    /** Deletes the answers (not who answered) of rounds that will never be revealed. */
    async deleteSubmissions(roundIds: string[]): Promise<void> {
      if (roundIds.length === 0) return;
      await db.updateTable('round_participants').set({ ciphertext: null, signature: null }).where('round_id', 'in', roundIds).execute();
    },
  };
}
