/** What the screens see of the question of the day (docs/decisions/022-daily-question.md). */
import type { RoundView } from '../types.ts';
import type { DailyDepth } from './draw.ts';

/** A space's daily question round I take part in, and the day it is the question of. */
export interface DailyRound {
  day: string;
  round: RoundView;
}

/** An answer kept only for me: in my personal space, or in a shared space where I answered alone. */
export interface PrivateDailyAnswer {
  id: string;
  /** The space whose question it answers (my personal space, or a shared one). */
  spaceId: string;
  day: string;
  exerciseId: string;
  /** Null: passed. */
  text: string | null;
  createdAt: number;
}

/** One line at most: a thought, not an essay. */
export const MAX_DAILY_ANSWER_CHARS = 280;

/** How the answer went: shared when everyone's ready, or kept only for me (and why). */
export type DailyOutcome =
  | { outcome: 'in' }
  | { outcome: 'private'; reason: 'alone' | 'joined-later' | 'stopped' }
  /** Today's round was already started with another question (a depth changed meanwhile): nothing was sent. */
  | { outcome: 'question-changed'; exerciseId: string };

export interface DailyActions {
  /**
   * Answers a space's question of `day` (text, or null to pass). In a shared space with others,
   * into the day's round (started now if nobody has yet); alone, kept privately.
   */
  answer(input: { spaceId: string; day: string; exerciseId: string; text: string | null }): Promise<DailyOutcome>;
  /** How deep the space's questions go, for everyone in it (works offline: queued). */
  setDepth(spaceId: string, depth: DailyDepth): Promise<void>;
}
