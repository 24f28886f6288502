/**
 * Signals and actions for programs, kept intentions and favourites, onboarding and the
 * self-assessment. Screens read the signals and call the actions; the implementation lives in
 * engine.ts and loads on demand (see actions.ts).
 */
import { signal } from '@preact/signals';
import { library } from './actions.ts';
import type { AssessmentScores } from './kinds.ts';

const { watched } = library;

export interface ProgramProgress {
  status: 'active' | 'paused';
  /** Step ids marked done. */
  done: string[];
  startedAt: number;
}

export interface PartnerProgress {
  userId: string;
  name: string;
  programId: string;
  status: 'active' | 'paused';
  done: string[];
}

/** A partner's program as shared with me, with when each step was marked done (for Today's news). */
export interface PartnerActivity {
  userId: string;
  name: string;
  programId: string;
  status: 'active' | 'paused';
  /** When the program was first seen started in the space (0 when only its steps were shared). */
  startedAt: number;
  done: { stepId: string; at: number }[];
}

export interface AssessmentView {
  id: string;
  scores: AssessmentScores;
  createdAt: number;
}

/** My programs by id (only those I started); updated live across my devices. */
export const programProgress = signal<ReadonlyMap<string, ProgramProgress>>(new Map(), watched);
/** Partners' progress, only where they chose to share it with me. */
export const partnerProgress = signal<PartnerProgress[]>([], watched);
/** Partners' programs with times, only where they chose to share progress with me. */
export const partnerActivity = signal<PartnerActivity[]>([], watched);
/** What I keep: `intention programId/stepId` and `favourite deckId/questionId`. */
export const kept = signal<ReadonlySet<string>>(new Set(), watched);
/** What brought me here (an onboarding reason id), or null before I said. */
export const onboardingReason = signal<string | null>(null, watched);
/** My self-assessments, newest first. */
export const assessments = signal<AssessmentView[]>([], watched);
/** Shared spaces that receive my program progress. */
export const progressSharing = signal<string[]>([], watched);
/** False until the engine has published from this device's cache at least once. */
export const libraryReady = signal(false, watched);

export function keepKey(what: 'intention' | 'favourite', ref: string): string {
  return `${what} ${ref}`;
}

export interface LibraryActions {
  /** Starts (or resumes) a program; pausing keeps every step as it is. */
  setProgramStatus(programId: string, status: 'active' | 'paused'): Promise<void>;
  setStepDone(programId: string, stepId: string, done: boolean): Promise<void>;
  keep(what: 'intention' | 'favourite', ref: string, keep: boolean): Promise<void>;
  chooseReason(reasonId: string): Promise<void>;
  saveAssessment(scores: AssessmentScores): Promise<{ id: string }>;
  /** Which shared spaces see my program progress; newly chosen spaces get my current progress. */
  /** `removeSharedFrom`: spaces whose copies of my progress are deleted too (server now, partners' devices on sync). */
  saveProgressSharing(shareWith: string[], options?: { removeSharedFrom?: string[] }): Promise<void>;
}
