/**
 * Signals and actions for rounds and reflections. Screens read the signals and call the actions;
 * the implementation lives in engine.ts and loads on demand (see actions.ts).
 */
import { signal } from '@preact/signals';
import { rounds } from './actions.ts';
import type { Answers, FollowUpNote, ReadPosition, Reflection, RevealedRound, RoundThanks, RoundView } from './types.ts';

/**
 * The first screen that reads one of these signals loads the rounds engine (on demand), which then
 * keeps them up to date for the rest of the session; calling any action does the same.
 */
const { watched } = rounds;

/** Rounds per space (where I am a participant), newest first; updated live. */
export const roundsBySpace = signal<ReadonlyMap<string, RoundView[]>>(new Map(), watched);
/** Read-together positions by round id; updated live from the other devices. */
export const readPositions = signal<ReadonlyMap<string, ReadPosition>>(new Map(), watched);
/** My private reflections (personal space), newest first. */
export const reflections = signal<Reflection[]>([], watched);
/** Follow-up notes by round id, oldest first (mine still queued included); updated live. */
export const roundNotes = signal<ReadonlyMap<string, FollowUpNote[]>>(new Map(), watched);

/** Thank-yous after reading together, by round id, oldest first (mine still queued included); updated live. */
export const roundThanks = signal<ReadonlyMap<string, RoundThanks[]>>(new Map(), watched);

/**
 * Live reading invitations (see moments.ts): the rounds whose invitation I answered in this
 * session (joined or "not now"), and the round whose reading screen is open here, if any. Plain
 * signals: they belong to this tab, not to the engine.
 */
export const invitationsAnswered = signal<ReadonlySet<string>>(new Set());
export const readingHere = signal<string | null>(null);

/** The draft key under which a round's answers are kept until sealed; sealAnswers clears it. */
export function roundDraftKey(roundId: string): string {
  return `round:${roundId}`;
}

export interface RoundActions {
  /** Starts a round of an exercise with the chosen active members (me included). */
  startRound(input: { spaceId: string; exerciseId: string; participantIds: string[] }): Promise<{ roundId: string }>;
  /** Drafts stay on this device, encrypted under the user key; never sent anywhere. */
  loadDraft(key: string): Promise<Answers>;
  saveDraft(key: string, answers: Answers): Promise<void>;
  clearDraft(key: string): Promise<void>;
  /** Encrypts, signs and submits my answers; after this they cannot be changed. */
  sealAnswers(input: { spaceId: string; roundId: string; answers: Answers }): Promise<void>;
  /** Only the starter, only before the reveal. */
  withdrawRound(spaceId: string, roundId: string): Promise<void>;
  /** Every participant's answers (verified) and the follow-up notes, once revealed. */
  openRevealed(spaceId: string, roundId: string): Promise<RevealedRound>;
  addFollowUpNote(input: { spaceId: string; roundId: string; itemId: string; text: string }): Promise<void>;
  /** Deletes one of my notes: here at once, on the others' devices when they next sync. */
  deleteFollowUpNote(input: { spaceId: string; noteId: string }): Promise<void>;
  /** Moves every participant's read-together screen (works offline: queued). */
  setReadPosition(spaceId: string, roundId: string, step: number): Promise<void>;
  /** My thank-you at the end of reading together; with a note, it replaces one without. */
  sayThanks(input: { spaceId: string; roundId: string; note?: string }): Promise<void>;
  /** Saves an exercise done alone as a private reflection in my personal space. */
  saveReflection(input: { exerciseId: string; answers: Answers }): Promise<{ id: string }>;
}
