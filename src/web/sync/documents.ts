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
  | { k: 'checkin-settings'; v: 1; health: boolean; shareWith: string[] }
  /** A program step marked done (or undone) by me; personal space, or a copy where I share progress. */
  | { k: 'program-step'; v: 1; programId: string; stepId: string; done: boolean }
  /** A program started, paused or resumed by me; personal space, or a copy where I share progress. */
  | { k: 'program-state'; v: 1; programId: string; status: ProgramStatus }
  /** Something I keep (personal space only): a step's "try this" as an intention, or a favourite question. */
  | { k: 'keep'; v: 1; what: 'intention' | 'favourite'; ref: string; kept: boolean }
  /** What brought me here (personal space only). */
  | { k: 'onboarding'; v: 1; reasonId: string }
  /** A self-assessment (personal space only): per dimension, how close now and how much it matters. */
  | { k: 'assessment'; v: 1; scores: AssessmentScores }
  /** My program-progress sharing (personal space only): the spaces that receive copies. */
  | { k: 'progress-sharing'; v: 1; shareWith: string[] };

export type ProgramStatus = 'active' | 'paused';
/** dimensionId -> {now, matters} on 0-10; a passed question is absent. */
export type AssessmentScores = Record<string, { now?: number; matters?: number }>;

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
    const shareWith = spaceIds(o.shareWith);
    if (typeof o.health !== 'boolean' || !shareWith) return null;
    return { k: 'checkin-settings', v: 1, health: o.health, shareWith };
  }
  if (o.k === 'program-step' && hasExactly(o, ['k', 'v', 'programId', 'stepId', 'done'])) {
    if (!isContentId(o.programId) || !isContentId(o.stepId) || typeof o.done !== 'boolean') return null;
    return { k: 'program-step', v: 1, programId: o.programId, stepId: o.stepId, done: o.done };
  }
  if (o.k === 'program-state' && hasExactly(o, ['k', 'v', 'programId', 'status'])) {
    if (!isContentId(o.programId) || (o.status !== 'active' && o.status !== 'paused')) return null;
    return { k: 'program-state', v: 1, programId: o.programId, status: o.status };
  }
  if (o.k === 'keep' && hasExactly(o, ['k', 'v', 'what', 'ref', 'kept'])) {
    if ((o.what !== 'intention' && o.what !== 'favourite') || !isRef(o.ref) || typeof o.kept !== 'boolean') return null;
    return { k: 'keep', v: 1, what: o.what, ref: o.ref, kept: o.kept };
  }
  if (o.k === 'onboarding' && hasExactly(o, ['k', 'v', 'reasonId'])) {
    return isContentId(o.reasonId) ? { k: 'onboarding', v: 1, reasonId: o.reasonId } : null;
  }
  if (o.k === 'assessment' && hasExactly(o, ['k', 'v', 'scores'])) {
    const scores = parseScores(o.scores);
    return scores ? { k: 'assessment', v: 1, scores } : null;
  }
  if (o.k === 'progress-sharing' && hasExactly(o, ['k', 'v', 'shareWith'])) {
    const shareWith = spaceIds(o.shareWith);
    return shareWith ? { k: 'progress-sharing', v: 1, shareWith } : null;
  }
  return null;
}

function spaceIds(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > MAX_CHECKIN_SHARES) return null;
  if (!value.every((id): id is string => typeof id === 'string' && isUuid(id))) return null;
  return [...new Set(value)];
}

/** "programId/stepId" or "deckId/questionId". */
function isRef(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = value.split('/');
  return parts.length === 2 && parts.every(isContentId);
}

const MAX_DIMENSIONS = 20;

function parseScores(value: unknown): AssessmentScores | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 || entries.length > MAX_DIMENSIONS) return null;
  const out: AssessmentScores = {};
  const isScore = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 10;
  for (const [id, pair] of entries) {
    if (!isContentId(id) || typeof pair !== 'object' || pair === null || Array.isArray(pair)) return null;
    const keys = Object.keys(pair);
    if (!keys.every((key) => key === 'now' || key === 'matters')) return null;
    const { now, matters } = pair as { now?: unknown; matters?: unknown };
    if (now !== undefined && !isScore(now)) return null;
    if (matters !== undefined && !isScore(matters)) return null;
    out[id] = { ...(now !== undefined && { now }), ...(matters !== undefined && { matters }) };
  }
  return out;
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

interface Versioned<T> {
  value: T;
  seq: number;
}

/** Programs, keeps, onboarding and self-assessments in one space (last writer by seq per key). */
export interface LibraryDocs {
  /** `${authorId} ${programId}/${stepId}` -> done. */
  steps: Map<string, Versioned<boolean>>;
  /** `${authorId} ${programId}` -> status, with the time it was first started. */
  programs: Map<string, Versioned<ProgramStatus> & { startedAt: number }>;
  /** Personal space only: `${what} ${ref}` -> kept. */
  keeps: Map<string, Versioned<boolean>>;
  onboarding: Versioned<string> | null;
  assessments: Map<string, { scores: AssessmentScores; seq: number; createdAt: number }>;
  progressSharing: Versioned<string[]> | null;
}

const libraryDocsByState = new WeakMap<SpaceState, LibraryDocs>();

export function libraryDocs(state: SpaceState): LibraryDocs {
  let docs = libraryDocsByState.get(state);
  if (!docs) {
    docs = { steps: new Map(), programs: new Map(), keeps: new Map(), onboarding: null, assessments: new Map(), progressSharing: null };
    libraryDocsByState.set(state, docs);
  }
  return docs;
}

function putLatest<T>(map: Map<string, Versioned<T>>, key: string, value: T, seq: number): void {
  const current = map.get(key);
  if (!current || current.seq < seq) map.set(key, { value, seq });
}

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
    case 'program-step': {
      putLatest(libraryDocs(state).steps, `${meta.authorId} ${body.programId}/${body.stepId}`, body.done, meta.seq);
      return;
    }
    case 'program-state': {
      const programs = libraryDocs(state).programs;
      const key = `${meta.authorId} ${body.programId}`;
      const current = programs.get(key);
      const startedAt = Math.min(current?.startedAt ?? Infinity, meta.createdAt ?? 0);
      if (!current || current.seq < meta.seq) programs.set(key, { value: body.status, seq: meta.seq, startedAt });
      else current.startedAt = startedAt;
      return;
    }
    case 'keep':
    case 'onboarding':
    case 'assessment':
    case 'progress-sharing': {
      // Only in my personal space, where I am the only possible author.
      if (state.summary.kind !== 'personal') return;
      const docs = libraryDocs(state);
      if (body.k === 'keep') putLatest(docs.keeps, `${body.what} ${body.ref}`, body.kept, meta.seq);
      else if (body.k === 'onboarding') {
        if (!docs.onboarding || docs.onboarding.seq < meta.seq) docs.onboarding = { value: body.reasonId, seq: meta.seq };
      } else if (body.k === 'progress-sharing') {
        if (!docs.progressSharing || docs.progressSharing.seq < meta.seq) docs.progressSharing = { value: body.shareWith, seq: meta.seq };
      } else {
        const id = meta.id ?? `${meta.authorId}:${meta.seq}`;
        docs.assessments.set(id, { scores: body.scores, seq: meta.seq, createdAt: meta.createdAt ?? 0 });
      }
      return;
    }
  }
}
