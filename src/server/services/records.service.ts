/**
 * The records log of a space: append-only, ordered by a per-space sequence number that is the
 * sync cursor. Writes are idempotent by (space, record id), so a client can retry from its outbox
 * without fear of duplicates. A tombstone (a write with `deletes`) removes its author's records in
 * the same transaction; the tombstone itself stays, so devices that cached them delete them too.
 */
import type { z } from 'zod';
import type { RecordsQuery, StoredRecord, WriteRecordBody } from '../../shared/api.ts';
import { RECORDS_PAGE_DEFAULT } from '../../shared/limits.ts';
import { fromB64url, toB64url } from '../crypto.ts';
import { AppError } from '../http/errors.ts';
import { createBatcher } from '../repos/batch.ts';
import { isUniqueViolation } from '../repos/db-errors.ts';
import type { RecordRow } from '../repos/records.repo.ts';
import { type ServiceDeps, notify } from './common.ts';
import type { SpaceMembership } from './auth.service.ts';
import type { Limits } from '../limits.ts';

/**
 * Record writes sent to PostgreSQL in one statement at most, and such statements at once per
 * server. One at a time makes the batches as large as the load (measured on two loaded cores:
 * 16 writes per statement carried 2.1k writes/s where 8 per statement, two at once, carried 1.3k).
 */
export const PG_WRITE_BATCH_MAX = 128;
export const PG_WRITES_IN_FLIGHT = 1;
/** SQLite: writes per transaction (one connection, so one transaction at a time). */
const SQLITE_WRITE_BATCH_MAX = 64;

export function createRecordsService(deps: ServiceDeps & { limits: Pick<Limits, 'personStorageBytes' | 'spaceStorageBytes'>; onWrite?: () => void }) {
  const { store, now, limits } = deps;

  /** An existing record with this id: the same write again is a duplicate, anything else a conflict. */
  function sameRecord(
    found: { seq: number; author_id: string; epoch: number; ciphertext: Buffer },
    userId: string,
    epoch: number,
    ciphertext: Buffer,
  ): { seq: number; duplicate: true } {
    if (found.author_id === userId && found.epoch === epoch && Buffer.compare(found.ciphertext, ciphertext) === 0) {
      return { seq: found.seq, duplicate: true };
    }
    throw new AppError('record-conflict');
  }

  /** The membership read with the session (requireSessionInSpace) must be active. */
  function requireActive(membership: SpaceMembership | null): SpaceMembership {
    if (!membership) throw new AppError('not-found');
    if (membership.status !== 'active') throw new AppError('forbidden');
    return membership;
  }

  /** PostgreSQL with a PostgresNotifier: a batch's notices go out in its own statement (ADR 035). */
  const noticeChannel = store.dialect === 'postgres' ? deps.notifier.channel : undefined;

  /**
   * Writes without deletions go out in batches: all that arrived meanwhile in one statement and
   * one commit (PostgreSQL, WRITE_MANY_PG) or one synchronous transaction (SQLite). An item the
   * batch did not store (a taken id, a quota, a failed condition) takes the general path on its own.
   */
  const batchWrite = createBatcher(
    (rows: Array<Omit<RecordRow, 'seq'>>) => store.writeRecords(rows, { spaceBytes: limits.spaceStorageBytes, personBytes: limits.personStorageBytes }, noticeChannel),
    store.dialect === 'postgres'
      ? { maxBatch: PG_WRITE_BATCH_MAX, maxInFlight: PG_WRITES_IN_FLIGHT }
      : { maxBatch: SQLITE_WRITE_BATCH_MAX, maxInFlight: 1, gatherTurn: true },
  );

  /** `noticed`: the statement that stored it sent its live notice already. */
  async function written(spaceId: string, seq: number, members: string[], noticed = false): Promise<{ seq: number; duplicate: false }> {
    deps.onWrite?.();
    if (!noticed) await notify(deps, members, { spaceId, type: 'records', seq });
    return { seq, duplicate: false };
  }

  return {
    /**
     * Statements per new record: the session and membership (one, in requireSessionInSpace), then
     * on PostgreSQL one more, shared with the writes that arrived meanwhile (WRITE_MANY_PG,
     * committing on its own, with the live notices in it), on SQLite three in one synchronous transaction shared with them
     * (claim with the members to tell, insert, the writer's count). The general path below
     * handles deletions and finds out why a write was not stored.
     */
    async write(
      userId: string,
      membership: SpaceMembership | null,
      spaceId: string,
      body: z.infer<typeof WriteRecordBody>,
    ): Promise<{ seq: number; duplicate: boolean }> {
      requireActive(membership);
      const ciphertext = fromB64url(body.ciphertext);
      const deletes = body.deletes ? [...new Set(body.deletes)].filter((id) => id !== body.id) : [];
      const taken = async (error: unknown) => {
        const found = await store.repos.records.findById(spaceId, body.id);
        if (!found) throw error;
        return sameRecord(found, userId, body.epoch, ciphertext);
      };

      if (deletes.length === 0) {
        const done = await batchWrite({ space_id: spaceId, id: body.id, author_id: userId, epoch: body.epoch, ciphertext, created_at: now() });
        if (done) return written(spaceId, done.seq, done.members, noticeChannel !== undefined);
        // Not stored: the general path finds out why and answers exactly (or stores it).
      }

      let result: { seq: number; duplicate: boolean; notify: string[] };
      try {
        result = await store.batchedTransaction(async (tx) => {
          const claimed = await tx.records.claimSeq(spaceId, userId, body.epoch, ciphertext.length);
          if (claimed === undefined) {
            // A retry of a write that was already stored succeeds even if the epoch moved on since.
            const found = await tx.records.findById(spaceId, body.id);
            if (found) return { ...sameRecord(found, userId, body.epoch, ciphertext), notify: [] };
            const space = await tx.spaces.findSpace(spaceId);
            const status = await tx.spaces.memberStatus(spaceId, userId);
            if (!space || !status) throw new AppError('not-found');
            if (status !== 'active') throw new AppError('forbidden');
            if (space.needs_rotation === 1) throw new AppError('rotation-required');
            throw new AppError('stale-epoch');
          }
          if (deletes.length > 0) {
            // Only the author deletes a record; a refusal undoes the claimed seq like any other.
            const found = await tx.records.authorsOf(spaceId, deletes);
            if (found.some((r) => r.author_id !== userId)) throw new AppError('forbidden', 'Only its author can delete a record.');
          }
          // A duplicate id fails this insert, which undoes the claimed seq with it (the savepoint on
          // SQLite, the transaction on PostgreSQL); it is then answered below.
          const { seq } = claimed;
          await tx.records.insert({ space_id: spaceId, seq, id: body.id, author_id: userId, epoch: body.epoch, ciphertext, created_at: now() });
          const freed = await tx.records.deleteOwn(spaceId, userId, deletes);
          const personBytes = await tx.users.addBytes(userId, ciphertext.length);
          // Quotas (ADR 030) refuse only a write that grows what is stored: deleting always works.
          // The refusal rolls back the claimed seq and both counts with everything else.
          if (ciphertext.length > freed) {
            if (limits.spaceStorageBytes > 0 && claimed.spaceBytes - freed > limits.spaceStorageBytes) throw new AppError('storage-full-space');
            if (limits.personStorageBytes > 0 && personBytes > limits.personStorageBytes) throw new AppError('storage-full-person');
          }
          return { seq, duplicate: false, notify: claimed.members };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return taken(error);
      }
      if (!result.duplicate) return written(spaceId, result.seq, result.notify);
      return { seq: result.seq, duplicate: result.duplicate };
    },

    /**
     * One statement for a page (after the session and membership's one): the records in the
     * window since < seq <= since + limit, capped at the space's head as read with the session.
     * Deleted records leave gaps, so a short page moves on through doubling windows until the page
     * is full or the head is reached (a handful of index range reads even in a space of mostly
     * deleted records). Every record up to the head read with the session is committed (a seq is
     * claimed and its record inserted in one transaction, under the space's row lock), so the
     * cursor may move to the head even past a gap.
     */
    async pull(
      membership: SpaceMembership | null,
      spaceId: string,
      query: z.infer<typeof RecordsQuery>,
    ): Promise<{ records: StoredRecord[]; cursor: number; hasMore: boolean }> {
      const { headSeq } = requireActive(membership);
      const limit = query.limit ?? RECORDS_PAGE_DEFAULT;
      const page: Array<Awaited<ReturnType<typeof store.repos.records.listWindow>>[number]> = [];
      let from = query.since;
      let window = limit;
      while (page.length < limit && from < headSeq) {
        const upto = Math.min(headSeq, from + window);
        page.push(...(await store.repos.records.listWindow(spaceId, from, upto, limit - page.length)));
        from = upto;
        window *= 2;
      }
      const full = page.length >= limit;
      const cursor = full ? page[page.length - 1]!.seq : Math.max(query.since, from);
      return {
        records: page.map((r) => ({
          id: r.id,
          seq: r.seq,
          authorId: r.author_id,
          epoch: r.epoch,
          ciphertext: toB64url(r.ciphertext),
          createdAt: r.created_at,
        })),
        cursor,
        hasMore: cursor < headSeq,
      };
    },
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
