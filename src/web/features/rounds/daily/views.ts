/**
 * Where a space's question of a day stands for me, from what this device knows: the day's round
 * (if I take part in one), my private answers, and the draw. Pure, so every state is tested.
 */
import { dayIndex } from './day.ts';
import type { DailyRound, PrivateDailyAnswer } from './types.ts';
import type { RoundView } from '../types.ts';

export type DayState =
  /** Not answered yet: the question (the round's, or the draw's when nobody has started it). */
  | { kind: 'ask'; day: string; exerciseId: string; round: RoundView | null }
  /** My answer is in; the answers open when everyone has answered (nobody named). */
  | { kind: 'waiting'; day: string; exerciseId: string; round: RoundView }
  /** Everyone answered: the answers are open. */
  | { kind: 'open'; day: string; exerciseId: string; round: RoundView }
  /** Answered, kept only for me. */
  | { kind: 'private'; day: string; exerciseId: string; answer: PrivateDailyAnswer }
  /** The day's round stopped (someone left) before I answered; no answers were shown. */
  | { kind: 'stopped'; day: string; exerciseId: string; round: RoundView };

export interface DayInputs {
  spaceId: string;
  day: string;
  /** The daily rounds of this space I take part in. */
  rounds: readonly DailyRound[];
  privateAnswers: readonly PrivateDailyAnswer[];
  /** The draw for this space and day (null when no question could be drawn). */
  drawn: string | null;
}

/** The state of one day's question in one space, or null when there is nothing to ask. */
export function dayState({ spaceId, day, rounds, privateAnswers, drawn }: DayInputs): DayState | null {
  const daily = rounds.find((r) => r.day === day);
  const mine = privateAnswers.find((a) => a.spaceId === spaceId && a.day === day);
  const exerciseId = daily?.round.exerciseId ?? null;
  if (daily && exerciseId) {
    const round = daily.round;
    if (round.status === 'revealed') return { kind: 'open', day, exerciseId, round };
    if (round.status === 'open') return round.iHaveSealed ? { kind: 'waiting', day, exerciseId, round } : { kind: 'ask', day, exerciseId, round };
    if (!mine) return { kind: 'stopped', day, exerciseId, round };
  }
  if (mine) return { kind: 'private', day, exerciseId: mine.exerciseId, answer: mine };
  return drawn ? { kind: 'ask', day, exerciseId: drawn, round: null } : null;
}

/**
 * A neighbouring day's question that waits for my answer: the round of the day before or after
 * `day`, open, with me in it and my answer not in. Partners in other time zones are a calendar day
 * apart for hours every day, and each answers the question of their own date (ADR 022): the round
 * one of them started is the other's yesterday or tomorrow, which nothing else on Today leads to.
 * The earlier day first; only neighbours, so days skipped long ago never pile up.
 */
export function neighbourDayOpen(day: string, rounds: readonly DailyRound[]): DailyRound | null {
  const at = dayIndex(day);
  const open = rounds.filter((r) => r.round.status === 'open' && r.round.iAmParticipant && !r.round.iHaveSealed && Math.abs(dayIndex(r.day) - at) === 1);
  return open.sort((a, b) => (a.day < b.day ? -1 : 1))[0] ?? null;
}

export type HistoryEntry =
  | { kind: 'round'; day: string; exerciseId: string | null; round: RoundView }
  | { kind: 'private'; day: string; exerciseId: string; answer: PrivateDailyAnswer };

/** Every day this space's question was answered or asked of me, newest first (a day may have both). */
export function historyOf(spaceId: string, rounds: readonly DailyRound[], privateAnswers: readonly PrivateDailyAnswer[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...rounds.map((r): HistoryEntry => ({ kind: 'round', day: r.day, exerciseId: r.round.exerciseId, round: r.round })),
    ...privateAnswers.filter((a) => a.spaceId === spaceId).map((a): HistoryEntry => ({ kind: 'private', day: a.day, exerciseId: a.exerciseId, answer: a })),
  ];
  return entries.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.kind === b.kind ? 0 : a.kind === 'round' ? -1 : 1));
}
