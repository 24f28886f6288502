/**
 * Signals and actions of the touch program. Screens read the signals and call the actions; the
 * implementation lives in engine.ts and loads on demand (see actions.ts).
 */
import { signal } from '@preact/signals';
import { touchProgram } from './actions.ts';
import type { CheckInDoc } from './kinds.ts';
import type { PersonProgress } from './progress.ts';

const { watched } = touchProgram;

/** One pair's program as both apps read it: each person's own progress and both one's check-ins. */
export interface PairProgram {
  mine: PersonProgress | null;
  theirs: PersonProgress | null;
  /** This pair's check-ins, newest first. */
  checkIns: CheckInDoc[];
}

/** `${spaceId} ${partnerId}` -> the pair's program (pairs with nothing written yet are absent). */
export const pairPrograms = signal<ReadonlyMap<string, PairProgram>>(new Map(), watched);
/** False until the engine has published from this device's cache at least once. */
export const touchProgramReady = signal(false, watched);

export const pairKey = (spaceId: string, partnerId: string): string => `${spaceId} ${partnerId}`;

export interface CheckInInput {
  session: string;
  safe: number;
  close: number;
  change?: string | undefined;
}

export interface TouchProgramActions {
  /** Says (or takes back) "ready for the next session" at the pair's current place. */
  setReady(spaceId: string, partnerId: string, ready: boolean): Promise<void>;
  /** Steps the pair back one session (one person is enough). */
  stepBack(spaceId: string, partnerId: string): Promise<void>;
  /** Pauses or resumes my side; the place is kept either way. */
  setPaused(spaceId: string, partnerId: string, paused: boolean): Promise<void>;
  checkIn(spaceId: string, partnerId: string, input: CheckInInput): Promise<void>;
}
