/**
 * What the screens see of rounds (answer alone, reveal together) and solo reflections. All of it
 * is decrypted and verified on this device. See docs/decisions/008-reveal-gate.md.
 */

/** One answer to one item. "pass" is a normal answer, never a failure. */
export type AnswerValue =
  | { kind: 'text'; text: string }
  | { kind: 'scale'; value: number }
  | { kind: 'choice'; optionId: string }
  | { kind: 'pass' };

/** itemId -> answer. Items with no entry are unanswered (a draft) or passed (once sealed). */
export type Answers = Record<string, AnswerValue>;

export interface RoundParticipantView {
  userId: string;
  displayName: string | null;
  isMe: boolean;
  sealed: boolean;
  sealedAt: number | null;
}

export interface RoundView {
  id: string;
  spaceId: string;
  /** From the encrypted header; null when it could not be opened (shown as an integrity warning). */
  exerciseId: string | null;
  startedBy: string;
  startedAt: number;
  status: 'open' | 'revealed' | 'withdrawn' | 'cancelled';
  cancelReason: 'participant-left' | null;
  participants: RoundParticipantView[];
  iAmParticipant: boolean;
  iHaveSealed: boolean;
  revealedAt: number | null;
}

export interface RevealedAnswers {
  userId: string;
  displayName: string | null;
  answers: Answers;
  /** False when the signature or the round binding did not verify: show a clear warning, not the text. */
  verified: boolean;
}

export interface FollowUpNote {
  id: string;
  roundId: string;
  itemId: string;
  authorId: string;
  authorName: string | null;
  text: string;
  createdAt: number;
}

export interface RevealedRound {
  round: RoundView;
  answers: RevealedAnswers[];
  notes: FollowUpNote[];
}

/**
 * Read-together position, shared by the round's participants (one tap on "next" moves every
 * screen). `step` indexes the reading order: item by item, and within an item each participant in
 * turn (rotating who starts), then the discussion prompts; see readingOrder().
 */
export interface ReadPosition {
  roundId: string;
  step: number;
  updatedBy: string;
  /** When it was stored (server time; my own queued move: when I made it). */
  at: number;
}

/** A participant's thank-you at the end of reading together, with their optional note. */
export interface RoundThanks {
  roundId: string;
  userId: string;
  authorName: string | null;
  isMe: boolean;
  note: string | null;
  at: number;
}

/** A private reflection: an exercise done alone in the personal space. */
export interface Reflection {
  id: string;
  exerciseId: string;
  answers: Answers;
  createdAt: number;
}
