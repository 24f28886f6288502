/** Pure mappings from what the server and the record log say to what the screens show. */
import type { RoundSummary } from '../../../shared/api.ts';
import type { FollowUpNote, ReadPosition, RoundThanks, RoundView } from './types.ts';
import type { ReadPositionDoc, RoundNoteDoc, RoundThanksDoc } from './kinds.ts';

export type NameOf = (userId: string) => string | null;

export function toRoundView(summary: RoundSummary, myId: string, exerciseId: string | null, nameOf: NameOf): RoundView {
  const mine = summary.participants.find((p) => p.userId === myId);
  return {
    id: summary.id,
    spaceId: summary.spaceId,
    exerciseId,
    startedBy: summary.createdBy,
    startedAt: summary.createdAt,
    status: summary.status,
    cancelReason: summary.cancelReason,
    participants: summary.participants.map((p) => ({
      userId: p.userId,
      displayName: nameOf(p.userId),
      isMe: p.userId === myId,
      sealed: p.submitted,
      sealedAt: p.submittedAt,
    })),
    iAmParticipant: mine !== undefined,
    iHaveSealed: mine?.submitted ?? false,
    revealedAt: summary.revealedAt,
  };
}

/** Newest first; ties by id (UUIDv7, so also by time) for a stable order. */
export function sortRounds(views: RoundView[]): RoundView[] {
  return [...views].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * The shared read-together position of a round: the newest (by version, then author id) written
 * by one of its participants. When the participants are not known (the round is not loaded yet), any
 * member's position counts.
 */
export function latestPosition(
  roundId: string,
  byAuthor: ReadonlyMap<string, ReadPositionDoc>,
  participants: ReadonlySet<string> | null,
): ReadPosition | null {
  let best: (ReadPositionDoc & { authorId: string }) | null = null;
  for (const [authorId, doc] of byAuthor) {
    if (participants && !participants.has(authorId)) continue;
    if (!best || doc.n > best.n || (doc.n === best.n && authorId > best.authorId)) best = { ...doc, authorId };
  }
  return best ? { roundId, step: best.step, updatedBy: best.authorId, at: best.at } : null;
}

/** A round's notes by its participants, oldest first (queued ones, with seq Infinity, last). */
export function notesOf(roundId: string, docs: Iterable<RoundNoteDoc>, participants: ReadonlySet<string> | null, nameOf: NameOf): FollowUpNote[] {
  const out: (FollowUpNote & { seq: number })[] = [];
  for (const d of docs) {
    if (d.roundId !== roundId || (participants && !participants.has(d.authorId))) continue;
    out.push({ id: d.id, roundId, itemId: d.itemId, authorId: d.authorId, authorName: nameOf(d.authorId), text: d.text, createdAt: d.createdAt, seq: d.seq });
  }
  return out.sort((a, b) => a.seq - b.seq || a.createdAt - b.createdAt).map(({ seq: _seq, ...note }) => note);
}

/** A round's thank-yous by its participants, oldest first. */
export function thanksOf(
  roundId: string,
  byAuthor: ReadonlyMap<string, RoundThanksDoc>,
  participants: ReadonlySet<string> | null,
  myId: string,
  nameOf: NameOf,
): RoundThanks[] {
  const out: RoundThanks[] = [];
  for (const [userId, doc] of byAuthor) {
    if (participants && !participants.has(userId)) continue;
    out.push({ roundId, userId, authorName: nameOf(userId), isMe: userId === myId, note: doc.note, at: doc.at });
  }
  return out.sort((a, b) => a.at - b.at || (a.userId < b.userId ? -1 : 1));
}
