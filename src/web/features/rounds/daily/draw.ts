/**
 * Which deck question a space gets on a given day (docs/decisions/022-daily-question.md). Every
 * member computes it alone, with no coordination and no choice left to the server:
 *
 *   pool     = the deck questions of the depths the space chose, sorted by exercise id
 *   day      = days from 2026-01-01 to the asking member's local calendar date
 *   cycle    = floor(day / |pool|); position = day mod |pool|
 *   question = permutation(pool, seed = SHA-256(space id, depth, cycle))[position]
 *
 * So nothing repeats until the whole pool has been asked, and the deepest questions are never in
 * the pool unless the space chose them. The round for (space, date) has an id every member derives
 * the same way, so two members answering first at the same moment meet on one round.
 * Pure: the decks are passed in (the bundled library in the app, fixtures in tests).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Deck, Depth } from '../../../../shared/library.ts';
import { dayIndex } from './day.ts';

/** How deep a space's questions go; each choice includes the lighter ones. */
export const DAILY_DEPTHS = ['light', 'deeper', 'deepest'] as const satisfies readonly Depth[];
export type DailyDepth = (typeof DAILY_DEPTHS)[number];
/** Light only, until someone in the space chooses otherwise. */
export const DEFAULT_DAILY_DEPTH: DailyDepth = 'light';

export interface DailyQuestion {
  deckId: string;
  questionId: string;
  /** The derived exercise the round holds (content/catalog.ts: `${deckId}-${questionId}`). */
  exerciseId: string;
}

export function depthsOf(depth: DailyDepth): ReadonlySet<Depth> {
  return new Set(DAILY_DEPTHS.slice(0, DAILY_DEPTHS.indexOf(depth) + 1));
}

/** Every question of the chosen depths, in a stable order (by exercise id, not by file order). */
export function dailyPool(decks: readonly Deck[], depth: DailyDepth): DailyQuestion[] {
  const allowed = depthsOf(depth);
  return decks
    .flatMap((deck) => deck.questions.filter((q) => allowed.has(q.depth)).map((q) => ({ deckId: deck.id, questionId: q.id, exerciseId: `${deck.id}-${q.id}` })))
    .sort((a, b) => (a.exerciseId < b.exerciseId ? -1 : a.exerciseId > b.exerciseId ? 1 : 0));
}

const text = new TextEncoder();

/** sfc32, seeded from a SHA-256: small, fast and the same on every device (not for secrets). */
function generator(seed: string): () => number {
  const h = sha256(text.encode(seed));
  const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
  let a = view.getUint32(0);
  let b = view.getUint32(4);
  let c = view.getUint32(8);
  let d = view.getUint32(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
}

function permutation(length: number, seed: string): number[] {
  const next = generator(seed);
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const cycles = new Map<string, number[]>();

/**
 * The order of one cycle. Its first question is never the last of the cycle before, so the day a
 * cycle turns over does not repeat the day before it.
 */
function cycleOrder(spaceId: string, depth: DailyDepth, cycle: number, size: number): number[] {
  const key = `${spaceId}|${depth}|${cycle}|${size}`;
  const cached = cycles.get(key);
  if (cached) return cached;
  const order = permutation(size, `innermost/daily-question/v1|${spaceId}|${depth}|${cycle}`);
  if (size > 1) {
    const before = permutation(size, `innermost/daily-question/v1|${spaceId}|${depth}|${cycle - 1}`);
    if (order[0] === before[size - 1]) [order[0], order[1]] = [order[1]!, order[0]!];
  }
  if (cycles.size > 64) cycles.clear();
  cycles.set(key, order);
  return order;
}

/** The question of `day` in a space, or null when the pool is empty (no decks). */
export function drawQuestion(decks: readonly Deck[], spaceId: string, depth: DailyDepth, day: string): DailyQuestion | null {
  const pool = dailyPool(decks, depth);
  if (pool.length === 0) return null;
  const index = dayIndex(day);
  const cycle = Math.floor(index / pool.length);
  const position = index - cycle * pool.length;
  return pool[cycleOrder(spaceId, depth, cycle, pool.length)[position]!]!;
}

/**
 * The id of the round that holds a space's question of `day`: a UUID (version 8, RFC 9562) from
 * a hash of the two, so every member names the same round and the server's "id taken" means
 * "already started: answer that one".
 */
export function dailyRoundId(spaceId: string, day: string): string {
  const bytes = sha256(text.encode(`innermost/daily-round/v1|${spaceId}|${day}`)).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
