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
import { isUniqueViolation } from '../repos/store.ts';
import { type ServiceDeps, notify } from './common.ts';
import { requireActiveMember } from './spaces.service.ts';

export function createRecordsService(deps: ServiceDeps & { onWrite?: () => void }) {
  const { store, now } = deps;

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

  return {
    async write(
      userId: string,
      spaceId: string,
      body: z.infer<typeof WriteRecordBody>,
    ): Promise<{ seq: number; duplicate: boolean }> {
      await requireActiveMember(store, spaceId, userId);
      const ciphertext = fromB64url(body.ciphertext);
      const deletes = body.deletes ? [...new Set(body.deletes)].filter((id) => id !== body.id) : [];
      let result: { seq: number; duplicate: boolean; notify: string[] };
      try {
        result = await store.batchedTransaction(async (tx) => {
          const seq = await tx.records.claimSeq(spaceId, userId, body.epoch);
          if (seq === undefined) {
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
          await tx.records.insert({ space_id: spaceId, seq, id: body.id, author_id: userId, epoch: body.epoch, ciphertext, created_at: now() });
          await tx.records.deleteOwn(spaceId, userId, deletes);
          return { seq, duplicate: false, notify: await tx.spaces.activeMemberIds(spaceId) };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // The id is taken: by this same write (a retry, or a concurrent twin) -> duplicate, else conflict.
        const found = await store.repos.records.findById(spaceId, body.id);
        if (!found) throw error;
        return sameRecord(found, userId, body.epoch, ciphertext);
      }
      if (!result.duplicate) {
        deps.onWrite?.();
        await notify(deps, result.notify, { spaceId, type: 'records', seq: result.seq });
      }
      return { seq: result.seq, duplicate: result.duplicate };
    },

    async pull(
      userId: string,
      spaceId: string,
      query: z.infer<typeof RecordsQuery>,
    ): Promise<{ records: StoredRecord[]; cursor: number; hasMore: boolean }> {
      await requireActiveMember(store, spaceId, userId);
      const limit = query.limit ?? RECORDS_PAGE_DEFAULT;
      const rows = await store.repos.records.listSince(spaceId, query.since, limit + 1);
      const hasMore = rows.length > limit;
      const page = hasMore ? rows.slice(0, limit) : rows;
      return {
        records: page.map((r) => ({
          id: r.id,
          seq: r.seq,
          authorId: r.author_id,
          epoch: r.epoch,
          ciphertext: toB64url(r.ciphertext),
          createdAt: r.created_at,
        })),
        cursor: page.length > 0 ? page[page.length - 1]!.seq : query.since,
        hasMore,
      };
    },
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
