/**
 * Signals and actions of plans and moments. Screens read the signals and call the actions; the
 * implementation lives in engine.ts and loads on demand (see actions.ts).
 */
import { signal } from '@preact/signals';
import type { EnergyLevel, IdeaPlace, IdeaRhythm } from '../../../shared/ideas.ts';
import { plans } from './actions.ts';
import type { Answer, Every, Feeling, RhythmKind } from './kinds.ts';
import type { SpacePlans } from './views.ts';

const { watched } = plans;

/** Each place's plans, rhythms and moments, by space id (my personal space too: "Just me"). */
export const plansBySpace = signal<Readonly<Record<string, SpacePlans>>>({}, watched);
/** Idea ids I keep as favourites (my devices only). */
export const favouriteIdeas = signal<readonly string[]>([], watched);
/** False until the engine has published from this device's cache at least once. */
export const plansReady = signal(false, watched);

export interface RhythmInput {
  /** Present when changing a rhythm. */
  rhythm?: string;
  kind: RhythmKind;
  every: Every;
  weekday: number;
  /** 'HH:MM' in this device's zone. */
  time: string;
  minutes: number;
}

export interface PlanInput {
  idea?: string;
  title?: string;
  bring?: string;
  at: number;
  minutes: number;
  rhythm?: string;
}

export interface OwnIdeaInput {
  title: string;
  bring?: string;
  rhythm: IdeaRhythm;
  energy: EnergyLevel;
  place: IdeaPlace;
}

export interface PlansActions {
  keepRhythm(spaceId: string, input: RhythmInput): Promise<string>;
  endRhythm(spaceId: string, rhythmId: string): Promise<void>;
  /** Proposes a plan (I say yes by proposing); returns its id. */
  propose(spaceId: string, input: PlanInput): Promise<string>;
  answer(spaceId: string, planId: string, answer: Answer, other?: number): Promise<void>;
  /** Changes a plan's time or what to bring (anyone in it). */
  changePlan(spaceId: string, planId: string, change: { at?: number; bring?: string | null }): Promise<void>;
  cancelPlan(spaceId: string, planId: string): Promise<void>;
  setEnergy(spaceId: string, level: EnergyLevel): Promise<void>;
  setFavourite(ideaId: string, on: boolean): Promise<void>;
  addOwnIdea(spaceId: string, input: OwnIdeaInput): Promise<string>;
  removeOwnIdea(spaceId: string, ideaId: string): Promise<void>;
  /** "How was it?": kept on my devices; with `keep`, also as a moment for the place. */
  howWasIt(spaceId: string, planId: string, input: { feeling?: Feeling; words?: string; skipped: boolean; keep: boolean }): Promise<void>;
  addMoment(spaceId: string, input: { text: string; step: boolean; at: number; feeling?: Feeling; plan?: string }): Promise<void>;
  removeMoment(spaceId: string, momentId: string): Promise<void>;
}
