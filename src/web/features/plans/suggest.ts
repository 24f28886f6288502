/**
 * Which idea to suggest for a coming slot: one of the slot's rhythm that suits the lowest energy
 * members shared lately (so the most tired of us sets the pace), else any of the rhythm. The pick
 * is stable for a slot (a hash of the rhythm and the slot's start), so every device suggests the
 * same idea, and it avoids ideas already planned when it can. Pure.
 */
import { ENERGY_LEVELS, type EnergyLevel, type Idea, type IdeaRhythm } from '../../../shared/ideas.ts';
import type { EnergyDoc } from './kinds.ts';

/** How long a shared energy level counts: a few days, then suggestions go by rhythm again. */
export const ENERGY_FRESH_MS = 3 * 86_400_000;

/** The lowest energy level shared lately by anyone in the place, or null when none is fresh. */
export function sharedEnergy(energy: Iterable<EnergyDoc>, now: number): EnergyLevel | null {
  let lowest: number | null = null;
  for (const e of energy) {
    if (now - e.at > ENERGY_FRESH_MS || e.at > now + 3_600_000) continue;
    const rank = ENERGY_LEVELS.indexOf(e.level);
    if (lowest === null || rank < lowest) lowest = rank;
  }
  return lowest === null ? null : ENERGY_LEVELS[lowest]!;
}

/** FNV-1a: a small stable hash, so the pick is the same on every device. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface SuggestInput {
  rhythm: IdeaRhythm;
  energy: EnergyLevel | null;
  /** Stable per slot: `${rhythmId} ${slotStart}`. */
  seed: string;
  /** Idea ids already in coming plans here. */
  avoid?: ReadonlySet<string>;
}

export function suggestIdea(ideas: readonly Idea[], { rhythm, energy, seed, avoid = new Set() }: SuggestInput): Idea | null {
  const ofRhythm = ideas.filter((i) => i.rhythms.includes(rhythm));
  const fitting = energy ? ofRhythm.filter((i) => i.energy.includes(energy)) : ofRhythm;
  // Low energy with no idea of this rhythm for it: an idea for any time that suits the energy.
  const pool = fitting.length > 0 ? fitting : energy ? ideas.filter((i) => i.energy.includes(energy)) : ofRhythm;
  const fresh = pool.filter((i) => !avoid.has(i.id));
  const from = fresh.length > 0 ? fresh : pool;
  if (from.length === 0) return null;
  return from[hash(seed) % from.length]!;
}
