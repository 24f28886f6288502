/**
 * The plaintext inside records (after decryption), validated like any other untrusted input:
 * a member's device could be buggy or hostile. The kind lives inside the ciphertext, so the
 * server never learns what a record is.
 */
import { isUuid } from '../../shared/ids.ts';
import type { Answers } from '../state/rounds-types.ts';
import { hasExactly, isContentId, parseAnswersShape } from '../rounds/answers.ts';
import { parseCheckin, type Checkin } from '../checkins/checkin.ts';
import type { SpaceState } from './space-state.ts';

export const MAX_DISPLAY_NAME_CHARS = 60;
export const MAX_PRONOUNS_CHARS = 40;
export const MAX_SPACE_NAME_CHARS = 60;
export const MAX_ROUND_NOTE_CHARS = 1000;
/** Far beyond any reading order (30 items x 12 people + prompts); only bounds hostile input. */
export const MAX_READ_STEP = 10_000;
/** Far beyond the spaces anyone shares check-ins with; only bounds hostile input. */
export const MAX_CHECKIN_SHARES = 100;

// Hand-written rather than zod: this module is on the first screen's path, and zod would add
// ~23 KB gzip to it. The shapes are small and the checks strict (exact keys, types, lengths).
export type RecordBody =
  | { k: 'profile'; v: 1; displayName: string; pronouns: string }
  | { k: 'space-name'; v: 1; name: string }
  /** A follow-up note on one item of a revealed round (shared spaces). */
  | { k: 'round-note'; v: 1; roundId: string; itemId: string; text: string }
  /** Where the read-together screen of a round is (shared spaces; last writer by seq wins). */
  | { k: 'read-position'; v: 1; roundId: string; step: number }
  /** An exercise done alone (personal space only). */
  | { k: 'reflection'; v: 1; exerciseId: string; answers: Answers }
  /**
   * A check-in. In my personal space: in full. In a shared space where I share my scores: a copy
   * with the two closeness scores only, and the note only when I shared that one note.
   */
  | { k: 'checkin'; v: 1; checkin: Checkin }
  /** My check-in choices (personal space only): health scales shown; the spaces I share scores with. */
  | { k: 'checkin-settings'; v: 1; health: boolean; shareWith: string[] };

function text(value: unknown, min: number, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length >= min && trimmed.length <= max ? trimmed : null;
}

/** Returns the body in canonical (trimmed) form, or null when it is not one we understand. */
export function parseBody(value: unknown): RecordBody | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (o.v !== 1) return null;
  if (o.k === 'profile' && hasExactly(o, ['k', 'v', 'displayName', 'pronouns'])) {
    const displayName = text(o.displayName, 1, MAX_DISPLAY_NAME_CHARS);
    const pronouns = text(o.pronouns, 0, MAX_PRONOUNS_CHARS);
    return displayName !== null && pronouns !== null ? { k: 'profile', v: 1, displayName, pronouns } : null;
  }
  if (o.k === 'space-name' && hasExactly(o, ['k', 'v', 'name'])) {
    const name = text(o.name, 0, MAX_SPACE_NAME_CHARS);
    return name !== null ? { k: 'space-name', v: 1, name } : null;
  }
  if (o.k === 'round-note' && hasExactly(o, ['k', 'v', 'roundId', 'itemId', 'text'])) {
    const t = text(o.text, 1, MAX_ROUND_NOTE_CHARS);
    if (typeof o.roundId !== 'string' || !isUuid(o.roundId) || !isContentId(o.itemId) || t === null) return null;
    return { k: 'round-note', v: 1, roundId: o.roundId, itemId: o.itemId, text: t };
  }
  if (o.k === 'read-position' && hasExactly(o, ['k', 'v', 'roundId', 'step'])) {
    if (typeof o.roundId !== 'string' || !isUuid(o.roundId)) return null;
    if (!Number.isInteger(o.step) || (o.step as number) < 0 || (o.step as number) > MAX_READ_STEP) return null;
    return { k: 'read-position', v: 1, roundId: o.roundId, step: o.step as number };
  }
  if (o.k === 'reflection' && hasExactly(o, ['k', 'v', 'exerciseId', 'answers'])) {
    const answers = parseAnswersShape(o.answers);
    if (!isContentId(o.exerciseId) || !answers) return null;
    return { k: 'reflection', v: 1, exerciseId: o.exerciseId, answers };
  }
  if (o.k === 'checkin' && hasExactly(o, ['k', 'v', 'checkin'])) {
    const checkin = parseCheckin(o.checkin);
    return checkin ? { k: 'checkin', v: 1, checkin } : null;
  }
  if (o.k === 'checkin-settings' && hasExactly(o, ['k', 'v', 'health', 'shareWith'])) {
    const { health, shareWith } = o;
    if (typeof health !== 'boolean' || !Array.isArray(shareWith) || shareWith.length > MAX_CHECKIN_SHARES) return null;
    if (!shareWith.every((id): id is string => typeof id === 'string' && isUuid(id))) return null;
    return { k: 'checkin-settings', v: 1, health, shareWith: [...new Set(shareWith)] };
  }
  return null;
}

export function encodeBody(body: RecordBody): Uint8Array {
  const parsed = parseBody(body);
  if (!parsed) throw new TypeError('invalid record body');
  return new TextEncoder().encode(JSON.stringify(parsed));
}

export function decodeBody(bytes: Uint8Array): RecordBody | null {
  try {
    return parseBody(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    return null;
  }
}

export interface RoundNoteDoc {
  id: string;
  roundId: string;
  itemId: string;
  authorId: string;
  text: string;
  seq: number;
  createdAt: number;
}

export interface ReflectionDoc {
  id: string;
  exerciseId: string;
  answers: Answers;
  seq: number;
  createdAt: number;
}

/** The latest read-together position each author wrote for a round. */
export interface ReadPositionDoc {
  step: number;
  seq: number;
}

/** Documents of rounds and reflections in one space (kept beside SpaceState, per state object). */
export interface RoundDocs {
  /** By record id (idempotent when the cache is replayed). */
  notes: Map<string, RoundNoteDoc>;
  /** roundId -> authorId -> latest position by seq. */
  positions: Map<string, Map<string, ReadPositionDoc>>;
  /** By record id; personal space only. */
  reflections: Map<string, ReflectionDoc>;
}

const roundDocsByState = new WeakMap<SpaceState, RoundDocs>();

export interface CheckinDoc {
  id: string;
  authorId: string;
  checkin: Checkin;
  seq: number;
}

export interface CheckinSettingsDoc {
  health: boolean;
  shareWith: string[];
  seq: number;
}

/** Check-ins in one space (kept beside SpaceState, per state object). */
export interface CheckinDocs {
  /** By record id (idempotent when the cache is replayed). */
  checkins: Map<string, CheckinDoc>;
  /** My latest choices by seq; personal space only. */
  settings: CheckinSettingsDoc | null;
}

const checkinDocsByState = new WeakMap<SpaceState, CheckinDocs>();

export function checkinDocs(state: SpaceState): CheckinDocs {
  let docs = checkinDocsByState.get(state);
  if (!docs) {
    docs = { checkins: new Map(), settings: null };
    checkinDocsByState.set(state, docs);
  }
  return docs;
}

export function roundDocs(state: SpaceState): RoundDocs {
  let docs = roundDocsByState.get(state);
  if (!docs) {
    docs = { notes: new Map(), positions: new Map(), reflections: new Map() };
    roundDocsByState.set(state, docs);
  }
  return docs;
}

export interface ApplyMeta {
  authorId: string;
  seq: number;
  epoch: number;
  /** The record id and the server's time; optional for callers that only apply profiles. */
  id?: string;
  createdAt?: number;
}

/**
 * Applies one decrypted record. Mutable documents are last-writer-wins by the server's order
 * (seq); a profile can only be written by the member it describes (the author is bound into
 * the ciphertext's associated data, so it cannot be forged by another member or the server).
 */
export function applyBody(state: SpaceState, body: RecordBody, meta: ApplyMeta): void {
  switch (body.k) {
    case 'profile': {
      const current = state.profiles.get(meta.authorId);
      if (!current || current.seq < meta.seq) {
        state.profiles.set(meta.authorId, { displayName: body.displayName, pronouns: body.pronouns, seq: meta.seq, epoch: meta.epoch });
      }
      return;
    }
    case 'space-name': {
      if (!state.name || state.name.seq < meta.seq) state.name = { value: body.name, seq: meta.seq, epoch: meta.epoch };
      return;
    }
    case 'round-note': {
      if (state.summary.kind !== 'shared') return;
      const id = meta.id ?? `${meta.authorId}:${meta.seq}`;
      const { roundId, itemId, text } = body;
      roundDocs(state).notes.set(id, { id, roundId, itemId, text, authorId: meta.authorId, seq: meta.seq, createdAt: meta.createdAt ?? 0 });
      return;
    }
    case 'read-position': {
      if (state.summary.kind !== 'shared') return;
      const positions = roundDocs(state).positions;
      let byAuthor = positions.get(body.roundId);
      if (!byAuthor) positions.set(body.roundId, (byAuthor = new Map()));
      const current = byAuthor.get(meta.authorId);
      if (!current || current.seq < meta.seq) byAuthor.set(meta.authorId, { step: body.step, seq: meta.seq });
      return;
    }
    case 'reflection': {
      // Only in my personal space, where I am the only member and so the only possible author.
      if (state.summary.kind !== 'personal') return;
      const id = meta.id ?? `${meta.authorId}:${meta.seq}`;
      roundDocs(state).reflections.set(id, { id, exerciseId: body.exerciseId, answers: body.answers, seq: meta.seq, createdAt: meta.createdAt ?? 0 });
      return;
    }
    case 'checkin': {
      // The author is bound into the ciphertext, so a check-in is always the author's own.
      const id = meta.id ?? `${meta.authorId}:${meta.seq}`;
      checkinDocs(state).checkins.set(id, { id, authorId: meta.authorId, checkin: body.checkin, seq: meta.seq });
      return;
    }
    case 'checkin-settings': {
      if (state.summary.kind !== 'personal') return;
      const docs = checkinDocs(state);
      if (!docs.settings || docs.settings.seq < meta.seq) docs.settings = { health: body.health, shareWith: body.shareWith, seq: meta.seq };
      return;
    }
  }
}
