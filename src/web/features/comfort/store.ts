/**
 * Signals and actions of the comfort map. Screens read the signals and call the actions; the
 * implementation lives in engine.ts and loads on demand (see actions.ts).
 */
import { computed, signal } from '@preact/signals';
import { comfort } from './actions.ts';
import type { ComfortAnswers, ComfortMatch } from './kinds.ts';

const { watched } = comfort;

export const NO_ANSWERS: ComfortAnswers = { answers: {}, hiddenGroups: [] };

/** My map (an empty one until I save). */
export const comfortAnswers = signal<ComfortAnswers>(NO_ANSWERS, watched);
/** My match results, newest first. */
export const comfortMatches = signal<ComfortMatch[]>([], watched);
/** False until the engine has published from this device's cache at least once. */
export const comfortReady = signal(false, watched);

/** What a person sees of one match run (status only; never an answer). */
export interface RunView {
  id: string;
  spaceId: string;
  partnerId: string;
  startedByMe: boolean;
  status: 'open' | 'done' | 'declined' | 'expired';
  /** Where it stands for me: waiting for the other to agree, working, done, and so on. */
  step: 'invited' | 'waiting-partner' | 'exchanging' | 'finishing' | 'done' | 'closed' | 'stuck';
  createdAt: number;
  closedAt: number | null;
}

/** My match runs per shared place, newest first. */
export const comfortRuns = signal<ReadonlyMap<string, RunView[]>>(new Map(), watched);

/** The newest match result with this partner in this place, or null. */
export function latestMatch(spaceId: string, partnerId: string): ComfortMatch | null {
  return comfortMatches.value.find((m) => m.spaceId === spaceId && m.partnerId === partnerId) ?? null;
}

/** Runs that ask me to agree, across places (for Today). */
export const invitations = computed(() => [...comfortRuns.value.values()].flat().filter((r) => r.step === 'invited'));

export interface ComfortActions {
  /** Saves my map privately (encrypted, in my personal place). */
  saveAnswers(next: ComfortAnswers): Promise<void>;
  /** Starts a match with one partner in a shared place (I agree by starting). */
  startMatch(spaceId: string, partnerId: string): Promise<{ runId: string }>;
  /** Agrees to a match the other started. */
  joinMatch(spaceId: string, runId: string): Promise<void>;
  /** Says "not now" to a match (either side, while it is open). */
  declineMatch(spaceId: string, runId: string): Promise<void>;
  /** Pulls a place's runs again and carries every open run of mine as far as it can go. */
  refresh(spaceId: string): Promise<void>;
}
