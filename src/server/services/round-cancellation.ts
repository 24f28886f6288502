/**
 * When a participant leaves a space or deletes their account, the open rounds they take part in
 * can never be completed: they are cancelled ('participant-left') and the answers given so far are
 * deleted, in the caller's transaction (after it has locked the space, which orders this against
 * a round being started or answered). Kept apart from rounds.service.ts so the spaces and auth
 * services can use it without an import cycle.
 */
import type { Repos } from '../repos/store.ts';
import type { Notice } from './common.ts';

/** Cancels the open rounds of `spaceId` that `userId` takes part in; returns whom to tell (after commit). */
export async function cancelRoundsOfLeaver(tx: Repos, spaceId: string, userId: string, at: number): Promise<Notice[]> {
  const open = await tx.rounds.openRoundIdsOf(spaceId, userId);
  // Conditional on still being open: a round revealed meanwhile stays revealed.
  const cancelled = await tx.rounds.cancel(open, 'participant-left', at);
  if (cancelled.length === 0) return [];
  await tx.rounds.deleteSubmissions(cancelled);
  const participants = await tx.rounds.listParticipants(cancelled);
  return cancelled.map((roundId) => ({
    userIds: participants.filter((p) => p.round_id === roundId && p.user_id !== userId).map((p) => p.user_id),
    event: { spaceId, type: 'rounds', roundId },
  }));
}
