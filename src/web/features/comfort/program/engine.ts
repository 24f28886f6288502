/**
 * The touch program on top of the sync engine. Each person's progress with a partner is their own
 * mutable record in the shared place they share; check-ins are append-only records beside it.
 * Both carry notes sealed to the pair (notes.ts): a third member of the place reads neither. The
 * pair's place is computed from both (progress.ts), on each device, from signed records: nobody
 * can move the pair on, resume, or say "ready" for someone else. Works offline: writes go through
 * the outbox and show at once.
 */
import { TOUCH_PROGRAM } from '../../../../../content/comfort.ts';
import { ActionError } from '../../../platform/errors/action-error.ts';
import { sameJson } from '../../../platform/same-json.ts';
import { shareableSpaces } from '../../../spaces/my-spaces.ts';
import { followSync } from '../../../sync/follow.ts';
import { engine } from '../../../sync/index.ts';
import { keyring } from '../../../vault/keyring.ts';
import type { KeyRing } from '../../../vault/keyring.ts';
import { checkInNote, progressNote, touchCheckInKind, touchProgramDocs, touchProgressKind, type CheckInDoc, type ProgressDoc, type SealedNote } from './kinds.ts';
import { openNote, pairKeyFor, sealNote } from './notes.ts';
import { pairPlace, steppedBack, withReady, type PersonProgress } from './progress.ts';
import { pairKey, pairPrograms, touchProgramReady, type PairProgram, type TouchProgramActions } from './store.ts';

/** Subscribes to the sync engine once; from then on the signals follow it. Idempotent. */
export const activate = followSync({ publish: () => publish(), reset });

function reset(): void {
  keys.clear();
  opened.clear();
  pairPrograms.value = new Map();
  touchProgramReady.value = false;
}

/** Pair keys by `${spaceId} ${partnerId} ${partner's X25519 key}` (one X25519 per pair, not per note). */
const keys = new Map<string, Uint8Array | null>();
/** Opened notes by `${record id} ${sealed}` (a note never changes under its id and bytes). */
const opened = new Map<string, unknown>();

function keyOf(ring: KeyRing, spaceId: string, partnerId: string): Uint8Array | null {
  const state = engine.spaceState(spaceId);
  if (!state) return null;
  const cacheKey = `${spaceId} ${partnerId} ${state.knownKeys.get(partnerId)?.x25519.join(',') ?? ''} ${state.integrityWarning ?? ''}`;
  if (!keys.has(cacheKey)) keys.set(cacheKey, pairKeyFor(ring, state, partnerId));
  return keys.get(cacheKey) ?? null;
}

const parseProgress = (v: unknown): ProgressDoc | null => {
  const r = progressNote.safeParse(v);
  return r.success ? { ready: r.data.ready, paused: r.data.paused } : null;
};
const parseCheckIn = (v: unknown) => {
  const r = checkInNote.safeParse(v);
  return r.success ? r.data : null;
};

/** Opens one of this pair's notes (mine to them, or theirs to me); null for anyone else's. */
function openOf<T>(ring: KeyRing, spaceId: string, kind: string, note: SealedNote, parse: (v: unknown) => T | null): T | null {
  const partnerId = note.from === ring.userId ? note.with : note.with === ring.userId ? note.from : null;
  if (!partnerId) return null; // between two others: not mine to open (and I could not)
  const cacheKey = `${note.id} ${note.sealed}`;
  if (opened.has(cacheKey)) return opened.get(cacheKey) as T | null;
  const key = keyOf(ring, spaceId, partnerId);
  const body = key ? openNote(key, { spaceId, kind, authorId: note.from, partnerId: note.with }, note.sealed, parse) : null;
  if (key) opened.set(cacheKey, body);
  return body;
}

/** A space's progress and check-ins that concern me, opened, with my queued writes on top. */
function spaceDocs(spaceId: string, ring: KeyRing): { progress: Map<string, ProgressDoc>; checkIns: CheckInDoc[] } {
  const myId = ring.userId;
  const state = engine.spaceState(spaceId);
  const docs = state ? touchProgramDocs(state) : null;
  const sealedProgress = new Map(docs?.progress ?? []);
  const sealedCheckIns = new Map(docs?.checkIns ?? []);
  for (const { id, body } of engine.queuedOf(spaceId, touchProgressKind)) sealedProgress.set(`${myId} ${body.with}`, { id, from: myId, with: body.with, sealed: body.sealed, createdAt: 0 });
  for (const { id, body } of engine.queuedOf(spaceId, touchCheckInKind)) sealedCheckIns.set(id, { id, from: myId, with: body.with, sealed: body.sealed, createdAt: 0 });
  const progress = new Map<string, ProgressDoc>();
  for (const [docKey, note] of sealedProgress) {
    const body = openOf(ring, spaceId, touchProgressKind.kind, note, parseProgress);
    if (body) progress.set(docKey, body);
  }
  const checkIns: CheckInDoc[] = [];
  for (const note of sealedCheckIns.values()) {
    const body = openOf(ring, spaceId, touchCheckInKind.kind, note, parseCheckIn);
    if (!body) continue;
    // The author's clock, no later than the server's time of storage (a clock far ahead cannot
    // push a check-in to the top).
    const at = note.createdAt > 0 ? Math.min(body.at, note.createdAt) : body.at;
    checkIns.push({ id: note.id, from: note.from, with: note.with, session: body.session, safe: body.safe, close: body.close, change: body.change ?? null, at });
  }
  return { progress, checkIns };
}

function currentPrograms(ring: KeyRing): Map<string, PairProgram> {
  const myId = ring.userId;
  const out = new Map<string, PairProgram>();
  for (const space of shareableSpaces()) {
    const { progress, checkIns } = spaceDocs(space.id, ring);
    for (const member of space.members) {
      if (member.isMe || member.status !== 'active') continue;
      const partnerId = member.userId;
      const mine = progress.get(`${myId} ${partnerId}`) ?? null;
      const theirs = progress.get(`${partnerId} ${myId}`) ?? null;
      const ours = checkIns
        .filter((c) => (c.from === myId && c.with === partnerId) || (c.from === partnerId && c.with === myId))
        .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
      if (mine || theirs || ours.length) out.set(pairKey(space.id, partnerId), { mine, theirs, checkIns: ours });
    }
  }
  return out;
}

function publish(): void {
  const ring = keyring();
  if (!ring) return;
  const next = currentPrograms(ring);
  if (!sameJson([...pairPrograms.value], [...next])) pairPrograms.value = next;
  touchProgramReady.value = true;
}

/** The pair's program and key, after checking the partner is an active member of a space I am in. */
function pairOf(spaceId: string, partnerId: string): { ring: KeyRing; key: Uint8Array; pair: PairProgram } {
  const ring = keyring();
  if (!ring) throw new ActionError('unauthenticated');
  const space = shareableSpaces().find((s) => s.id === spaceId);
  if (!space || !space.members.some((m) => !m.isMe && m.userId === partnerId && m.status === 'active')) throw new ActionError('not-found');
  const key = keyOf(ring, spaceId, partnerId);
  if (!key) throw new ActionError('membership-invalid');
  return { ring, key, pair: currentPrograms(ring).get(pairKey(spaceId, partnerId)) ?? { mine: null, theirs: null, checkIns: [] } };
}

async function writeMine(spaceId: string, partnerId: string, next: PersonProgress, before: PersonProgress | null): Promise<void> {
  if (before && sameJson(before, next)) return;
  const { ring, key } = pairOf(spaceId, partnerId);
  const note = { ready: [...next.ready], paused: next.paused };
  const sealed = sealNote(key, { spaceId, kind: touchProgressKind.kind, authorId: ring.userId, partnerId }, note);
  await engine.write(spaceId, touchProgressKind, { with: partnerId, sealed });
  publish();
}

export const actions: TouchProgramActions = {
  async setReady(spaceId, partnerId, ready) {
    const { pair } = pairOf(spaceId, partnerId);
    const place = pairPlace(TOUCH_PROGRAM, pair.mine, pair.theirs);
    await writeMine(spaceId, partnerId, withReady(TOUCH_PROGRAM, place, pair.mine, ready), pair.mine);
  },

  async stepBack(spaceId, partnerId) {
    const { pair } = pairOf(spaceId, partnerId);
    const place = pairPlace(TOUCH_PROGRAM, pair.mine, pair.theirs);
    await writeMine(spaceId, partnerId, steppedBack(TOUCH_PROGRAM, place, pair.mine), pair.mine);
  },

  async setPaused(spaceId, partnerId, paused) {
    const { pair } = pairOf(spaceId, partnerId);
    await writeMine(spaceId, partnerId, { ready: pair.mine?.ready ?? [], paused }, pair.mine);
  },

  async checkIn(spaceId, partnerId, input) {
    const { ring, key } = pairOf(spaceId, partnerId);
    if (!TOUCH_PROGRAM.sessions.some((s) => s.id === input.session)) throw new ActionError('bad-request');
    const change = input.change?.trim();
    const parsed = checkInNote.safeParse({ session: input.session, safe: input.safe, close: input.close, ...(change ? { change } : {}), at: Date.now() });
    if (!parsed.success) throw new ActionError('bad-request');
    const sealed = sealNote(key, { spaceId, kind: touchCheckInKind.kind, authorId: ring.userId, partnerId }, parsed.data);
    await engine.write(spaceId, touchCheckInKind, { with: partnerId, sealed });
    publish();
  },
};
