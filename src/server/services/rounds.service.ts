/**
 * Rounds, the reveal gate: an exercise answered privately by chosen members of a shared space and
 * revealed to all of them only when every participant has answered. The server never learns the
 * exercise (inside the encrypted header) nor an answer (ciphertext made and signed by the client);
 * it decides who may read what, and when:
 * - a round is visible only to its participants: to other members every round route answers
 *   'not-found', as for a round that does not exist;
 * - while it is open, a participant gets back only their own answer; once every participant has
 *   answered it is 'revealed' and each of them gets every answer;
 * - a withdrawn or cancelled round never shows anyone's answer again: they are deleted;
 * - an answer never changes once stored ('already-submitted'), so nobody can revise theirs after
 *   seeing another's (clients also verify each author's signature).
 * Status (who has answered, never what) is live: every change is announced to the participants.
 */
import type { z } from 'zod';
import type { CreateRoundBody, RoundSubmission, RoundSummary, SubmitRoundBody } from '../../shared/api.ts';
import { fromB64url, toB64url } from '../crypto.ts';
import { AppError } from '../http/errors.ts';
import type { ParticipantStatusRow, RoundRow } from '../repos/rounds.repo.ts';
import { isUniqueViolation } from '../repos/db-errors.ts';
import { type ServiceDeps, notify, pushAfterCommit } from './common.ts';
import { requireActiveMember, requireMember } from './spaces.service.ts';

function toSummary(round: RoundRow, participants: ParticipantStatusRow[]): RoundSummary {
  return {
    id: round.id,
    spaceId: round.space_id,
    createdBy: round.created_by,
    createdAt: round.created_at,
    epoch: round.epoch,
    header: toB64url(round.header),
    status: round.status,
    cancelReason: round.cancel_reason,
    revealedAt: round.revealed_at,
    closedAt: round.closed_at,
    participants: participants.map((p) => ({ userId: p.user_id, submitted: p.submitted_at !== null, submittedAt: p.submitted_at })),
  };
}

const isParticipant = (participants: ParticipantStatusRow[], userId: string) => participants.some((p) => p.user_id === userId);

export function createRoundsService(deps: ServiceDeps) {
  const { store, now } = deps;

  const announce = (round: RoundSummary) =>
    notify(
      deps,
      round.participants.map((p) => p.userId),
      { spaceId: round.spaceId, type: 'rounds', roundId: round.id },
    );

  return {
    /**
     * Starts a round at the space's current epoch (no rotation pending) among active members, the
     * caller included. The space row lock orders this against a participant leaving, so a round
     * never starts with someone who has just left.
     */
    async create(userId: string, spaceId: string, body: z.infer<typeof CreateRoundBody>): Promise<RoundSummary> {
      const membership = await requireMember(store, spaceId, userId, 'active');
      if (membership.kind === 'personal') throw new AppError('personal-space');
      const participants = body.participants;
      if (new Set(participants).size !== participants.length) throw new AppError('members-mismatch', 'A participant is listed twice.');
      if (!participants.includes(userId)) throw new AppError('members-mismatch', 'The starter of a round takes part in it.');
      if (await store.repos.rounds.roundExists(body.id)) throw new AppError('id-taken');
      const row: RoundRow = {
        id: body.id,
        space_id: spaceId,
        created_by: userId,
        epoch: body.epoch,
        header: fromB64url(body.header),
        status: 'open',
        cancel_reason: null,
        created_at: now(),
        revealed_at: null,
        closed_at: null,
      };
      try {
        await store.transaction(async (tx) => {
          const space = await tx.spaces.lockSpace(spaceId);
          if (!space) throw new AppError('not-found');
          if (space.needs_rotation === 1) throw new AppError('rotation-required');
          if (body.epoch !== space.epoch) throw new AppError('stale-epoch');
          const members = await tx.spaces.listMemberRows(spaceId);
          const active = new Set(members.filter((m) => m.status === 'active').map((m) => m.user_id));
          if (!participants.every((id) => active.has(id))) {
            throw new AppError('members-mismatch', 'Only active members of the space can take part.');
          }
          await tx.rounds.insertRound(row, participants);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('id-taken');
        throw error;
      }
      const summary = toSummary(
        row,
        [...participants].sort().map((id) => ({ round_id: row.id, user_id: id, submitted_at: null })),
      );
      await announce(summary);
      // Once per round, at its start; never repeated (no "still waiting" nudges).
      await pushAfterCommit(deps, 'waiting', participants.filter((id) => id !== userId), spaceId, row.id);
      return summary;
    },

    /** The rounds of a space that the caller takes part in, newest first: status only. */
    async list(userId: string, spaceId: string): Promise<RoundSummary[]> {
      await requireActiveMember(store, spaceId, userId);
      const rounds = await store.repos.rounds.listOfParticipant(spaceId, userId);
      const participants = await store.repos.rounds.listParticipants(rounds.map((r) => r.id));
      return rounds.map((round) =>
        toSummary(
          round,
          participants.filter((p) => p.round_id === round.id),
        ),
      );
    },

    /**
     * A round and the answers the caller may read: their own while it is open, everyone's once
     * revealed, none once withdrawn or cancelled. The status read first decides, and 'revealed'
     * is final, so an answer of another is never returned for a round read as open.
     */
    async get(userId: string, spaceId: string, roundId: string): Promise<{ round: RoundSummary; submissions: RoundSubmission[] }> {
      await requireActiveMember(store, spaceId, userId);
      const round = await store.repos.rounds.findRound(spaceId, roundId);
      if (!round) throw new AppError('not-found');
      const participants = await store.repos.rounds.participants(roundId);
      if (!isParticipant(participants, userId)) throw new AppError('not-found');
      const rows =
        round.status === 'revealed'
          ? await store.repos.rounds.listSubmissions(roundId)
          : round.status === 'open'
            ? await store.repos.rounds.listSubmissions(roundId, userId)
            : [];
      return {
        round: toSummary(round, participants),
        submissions: rows.map((s) => ({
          userId: s.user_id,
          ciphertext: toB64url(s.ciphertext),
          signature: toB64url(s.signature),
          submittedAt: s.submitted_at!,
        })),
      };
    },

    /**
     * Stores the caller's answer and, if it was the last one missing, reveals the round, in one
     * transaction. Concurrent submissions to one round queue on its row lock (lockOpen), so of two
     * last answers racing the second sees the first and reveals, exactly once.
     */
    async submit(userId: string, spaceId: string, roundId: string, body: z.infer<typeof SubmitRoundBody>): Promise<RoundSummary> {
      await requireActiveMember(store, spaceId, userId);
      const ciphertext = fromB64url(body.ciphertext);
      const signature = fromB64url(body.signature);
      const at = now();
      const result = await store.batchedTransaction(async (tx) => {
        const round = await tx.rounds.lockOpen(spaceId, roundId);
        if (!round) {
          const found = await tx.rounds.findRound(spaceId, roundId);
          // Not yours looks the same as not there, on every round route (ADR 030).
          if (!found || !isParticipant(await tx.rounds.participants(roundId), userId)) throw new AppError('not-found');
          throw new AppError('round-closed');
        }
        if (!(await tx.rounds.claimSubmission(roundId, userId, ciphertext, signature, at))) {
          const participants = await tx.rounds.participants(roundId);
          throw new AppError(isParticipant(participants, userId) ? 'already-submitted' : 'not-found');
        }
        const revealed = await tx.rounds.revealIfComplete(roundId, at);
        const current: RoundRow = revealed ? { ...round, status: 'revealed', revealed_at: at, closed_at: at } : round;
        return { ...toSummary(current, await tx.rounds.participants(roundId)), revealedNow: revealed };
      });
      const { revealedNow, ...summary } = result;
      await announce(summary);
      // Only the submission that revealed the round sends 'opened' (revealIfComplete succeeds once).
      if (revealedNow) await pushAfterCommit(deps, 'opened', summary.participants.map((p) => p.userId), spaceId, roundId);
      return summary;
    },

    /** The starter calls the round off while it is open; the answers given so far are deleted. */
    async withdraw(userId: string, spaceId: string, roundId: string): Promise<RoundSummary> {
      await requireActiveMember(store, spaceId, userId);
      const at = now();
      const summary = await store.transaction(async (tx) => {
        if (!(await tx.rounds.withdraw(spaceId, roundId, userId, at))) {
          const found = await tx.rounds.findRound(spaceId, roundId);
          if (!found || !isParticipant(await tx.rounds.participants(roundId), userId)) throw new AppError('not-found');
          if (found.created_by !== userId) throw new AppError('forbidden', 'Only the member who started a round can withdraw it.');
          throw new AppError('round-closed');
        }
        await tx.rounds.deleteSubmissions([roundId]);
        const round = await tx.rounds.findRound(spaceId, roundId);
        if (!round) throw new AppError('not-found');
        return toSummary(round, await tx.rounds.participants(roundId));
      });
      await announce(summary);
      return summary;
    },
  };
}

export type RoundsService = ReturnType<typeof createRoundsService>;
