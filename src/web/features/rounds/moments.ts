/**
 * What rounds bring to Today and to any open screen about the people I share with (issue 11,
 * items 2 and 5). Pure; the Today part and the invitation banner render what these return.
 *
 * - answers that opened recently and that I have not looked at yet: "read them together";
 * - an exercise open for my answers: said calmly, never who is waiting, never how many;
 * - someone started reading our answers together right now: an invitation to join them.
 */
import type { ReadPosition, RoundView } from './types.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Answers that opened longer ago than this are no longer news (they stay in the space's list). */
export const OPENED_NEWS_MS = 14 * DAY_MS;
/** A reading position younger than this means someone is reading together now. */
export const READING_NOW_MS = 20 * MINUTE_MS;

export type TodayRoundCard = { kind: 'opened'; round: RoundView } | { kind: 'answer'; round: RoundView };

export interface TodayInput {
  rounds: readonly RoundView[];
  /** Opened rounds I looked at on this device; null while unknown (then none is offered yet). */
  seen: ReadonlySet<string> | null;
  /** Rounds I said thank you for (on any device): read, whatever this device remembers. */
  thanked: ReadonlySet<string>;
  now: number;
}

/** People first: opened answers (newest first), then exercises open for my answers. */
export function todayRoundCards({ rounds, seen, thanked, now }: TodayInput): TodayRoundCard[] {
  const opened = seen
    ? rounds
        .filter((r) => r.status === 'revealed' && r.iAmParticipant && !seen.has(r.id) && !thanked.has(r.id))
        .filter((r) => now - (r.revealedAt ?? r.startedAt) < OPENED_NEWS_MS)
        .sort((a, b) => (b.revealedAt ?? 0) - (a.revealedAt ?? 0))
        .map((round): TodayRoundCard => ({ kind: 'opened', round }))
    : [];
  const answer = rounds.filter((r) => r.status === 'open' && r.iAmParticipant && !r.iHaveSealed).map((round): TodayRoundCard => ({ kind: 'answer', round }));
  return [...opened, ...answer];
}

export interface Invitation {
  round: RoundView;
  /** Who moved the shared reading last (not me). */
  byUserId: string;
  step: number;
}

export interface InvitationInput {
  rounds: readonly RoundView[];
  positions: ReadonlyMap<string, ReadPosition>;
  /** The last step of a round's reading (its closing screen), or null when its exercise is unknown. */
  closingStepOf: (round: RoundView) => number | null;
  /** Rounds whose invitation I answered (joined or "not now") in this session. */
  answered: ReadonlySet<string>;
  /** The round whose reading screen I am on, if any: no invitation to where I already am. */
  readingHere: string | null;
  now: number;
}

/**
 * The reading someone else is leading right now, that I have not joined or declined: the newest
 * such one. Nothing when the reading already reached its closing screen.
 */
export function readingInvitation({ rounds, positions, closingStepOf, answered, readingHere, now }: InvitationInput): Invitation | null {
  let best: (Invitation & { at: number }) | null = null;
  for (const round of rounds) {
    if (round.status !== 'revealed' || !round.iAmParticipant || answered.has(round.id) || round.id === readingHere) continue;
    const position = positions.get(round.id);
    if (!position || now - position.at > READING_NOW_MS) continue;
    const by = round.participants.find((p) => p.userId === position.updatedBy);
    if (!by || by.isMe) continue;
    const closing = closingStepOf(round);
    if (closing === null || position.step >= closing) continue;
    if (!best || position.at > best.at) best = { round, byUserId: by.userId, step: position.step, at: position.at };
  }
  if (!best) return null;
  const { at: _at, ...invitation } = best;
  return invitation;
}
