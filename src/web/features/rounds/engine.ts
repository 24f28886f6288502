/**
 * The rounds engine (answer alone, reveal together; docs/decisions/008-reveal-gate.md): starts
 * rounds, seals and signs answers, opens and verifies revealed rounds, keeps drafts on this
 * device, and keeps the signals of store.ts up to date. Loaded on demand by actions.ts.
 *
 * Rounds and their submissions live behind the server's reveal gate (their own routes); the
 * follow-up notes, read-together positions and reflections are records in the space's log,
 * written through the sync engine (offline first) and read from its documents.
 */
import { getExercise } from '../../../../content/catalog.ts';
import type { RoundSummary } from '../../../shared/api.ts';
import { fromB64, toB64 } from '../../../shared/base64.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import {
  decryptDraft,
  decryptRoundHeader,
  encryptDraft,
  encryptRoundHeader,
  encryptSubmission,
  signSubmission,
} from '../../../crypto/rounds.ts';
import { call, client } from '../../platform/api.ts';
import type { RoundActions } from './store.ts';
import { readPositions, reflections, roundDraftKey, roundNotes, roundsBySpace, roundThanks } from './store.ts';
import type { ReadPosition, Reflection, RevealedAnswers, RevealedRound, RoundThanks, RoundView } from './types.ts';
import { me } from '../../vault/status.ts';
import { spaces } from '../../spaces/store.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { followSync } from '../../sync/follow.ts';
import { engine } from '../../sync/index.ts';
import { spaceDocs } from '../../spaces/kinds.ts';
import {
  MAX_READ_STEP,
  MAX_ROUND_NOTE_CHARS,
  readPositionKind,
  reflectionKind,
  roundDocs,
  roundNoteKind,
  roundThanksKind,
  type ReadPositionDoc,
  type RoundNoteDoc,
  type RoundThanksDoc,
} from './kinds.ts';
import { deleteDevice, getDevice, putDevice } from '../../platform/local-db.ts';
import { clearAnswerAt } from './on-device.ts';
import type { SpaceState } from '../../sync/space-state.ts';
import { sameJson } from '../../platform/same-json.ts';
import { keyring } from '../../vault/keyring.ts';
import { completeAnswers, decodeDraft, decodeHeader, encodeDraft, encodeHeader, encodeSubmission, isContentId, type RoundHeader } from './answers.ts';
import { dailyRoundId } from './daily/draw.ts';
import { dailyRounds } from './daily/store.ts';
import type { DailyRound } from './daily/types.ts';
import { openSubmission } from './reveal.ts';
import { latestPosition, notesOf, sortRounds, thanksOf, toRoundView, type NameOf } from './views.ts';

const DRAFT_KEY = (key: string) => `draft:${key}`;

/** Round summaries per space, as the server last listed them. */
const summaries = new Map<string, RoundSummary[]>();
/** Decrypted headers: `${roundId}:${header}` -> the header (null when it did not open). */
const headers = new Map<string, RoundHeader | null>();
/** Verified answers of revealed rounds (they never change once revealed). */
const revealed = new Map<string, RevealedAnswers[]>();
/** Refreshes under way per space; a request made meanwhile runs once more after it. */
const refreshing = new Map<string, { promise: Promise<void>; again: boolean }>();
let userId: string | null = null;

// ---------------------------------------------------------------- lifecycle

/** Subscribes to the sync engine once; from then on the signals follow it. Idempotent. */
export const activate = followSync({
  publish(change) {
    if (change === 'start' || change === 'synced') void refreshAll();
    publishDocs();
    if (change !== 'start') publishRounds();
  },
  reset,
  onLiveEvent(event) {
    // A new key or new members (I may just have been admitted): the rounds I can see may change.
    if (event.type === 'rounds' || event.type === 'epoch' || event.type === 'members') void refreshSpace(event.spaceId);
    if (event.type === 'removed') forget(event.spaceId);
  },
});

function reset(): void {
  summaries.clear();
  headers.clear();
  revealed.clear();
  refreshing.clear();
  userId = null;
  roundsBySpace.value = new Map();
  dailyRounds.value = new Map();
  readPositions.value = new Map();
  reflections.value = [];
  roundNotes.value = new Map();
  roundThanks.value = new Map();
}

function forget(spaceId: string): void {
  summaries.delete(spaceId);
  publishRounds();
}

function requireUser(): string {
  const ring = keyring();
  if (!ring) throw new ActionError('unauthenticated');
  if (userId !== ring.userId) {
    // Another person signed in on this device since the last use: start clean.
    if (userId !== null) reset();
    userId = ring.userId;
  }
  return ring.userId;
}

function sharedSpaceIds(): string[] {
  const mine = keyring()?.userId;
  return spaces.value
    .filter((s) => s.kind === 'shared' && s.members.some((m) => m.userId === mine && m.status === 'active'))
    .map((s) => s.id);
}

// ---------------------------------------------------------------- refresh

async function refreshAll(): Promise<void> {
  if (!keyring()) return;
  // Forget a space's rounds only once the space itself is gone from this device (left, removed).
  // A view that still shows me as waiting to be admitted can be a moment behind the server (a
  // sync that read the list just before my admission): dropping the rounds then made a round I
  // had just opened vanish and come back, and its screen start over (issue 9, finding 4). The
  // server decides participation: a space I no longer belong to answers not-found or forbidden.
  for (const id of [...summaries.keys()]) if (!engine.spaceState(id)) summaries.delete(id);
  await Promise.all(sharedSpaceIds().map((id) => refreshSpace(id)));
  publishRounds();
}

/** Pulls the rounds of one space (status only) and republishes. Coalesces concurrent calls. */
export function refreshSpace(spaceId: string): Promise<void> {
  const current = refreshing.get(spaceId);
  if (current) {
    current.again = true;
    return current.promise;
  }
  const entry = { promise: Promise.resolve(), again: false };
  entry.promise = (async () => {
    try {
      do {
        entry.again = false;
        if (!keyring()) return;
        try {
          const { rounds } = await call(client.api.spaces[':spaceId'].rounds.$get({ param: { spaceId } }));
          summaries.set(spaceId, rounds);
        } catch (error) {
          // Gone, or no longer mine: forget its rounds. Offline or transient: keep what we had;
          // the next sync retries.
          if (error instanceof ActionError && (error.code === 'not-found' || error.code === 'forbidden')) summaries.delete(spaceId);
        }
        publishRounds();
      } while (entry.again);
    } finally {
      refreshing.delete(spaceId);
    }
  })();
  refreshing.set(spaceId, entry);
  return entry.promise;
}

function storeSummary(summary: RoundSummary): void {
  const list = summaries.get(summary.spaceId) ?? [];
  const next = list.filter((r) => r.id !== summary.id);
  next.push(summary);
  summaries.set(summary.spaceId, next);
  publishRounds();
}

// ---------------------------------------------------------------- views

function nameResolver(spaceId: string, state: SpaceState | undefined): NameOf {
  const view = spaces.value.find((s) => s.id === spaceId);
  return (id) => view?.members.find((m) => m.userId === id)?.displayName ?? (state ? spaceDocs(state).profiles.get(id)?.displayName : undefined) ?? null;
}

/** The exercise id inside a round's header, decrypted with the key of the round's epoch. */
function headerExercise(summary: RoundSummary, state: SpaceState | undefined): string | null {
  return headerOf(summary, state)?.exerciseId ?? null;
}

/** A round's header, decrypted with the key of the round's epoch (null when it does not open). */
export function headerOf(summary: RoundSummary, state: SpaceState | undefined = engine.spaceState(summary.spaceId)): RoundHeader | null {
  const cacheKey = `${summary.id}:${summary.header}`;
  if (headers.has(cacheKey)) return headers.get(cacheKey)!;
  const key = state?.keys.get(summary.epoch);
  if (!key) return null; // not cached: the key may arrive with the next sync
  let header: RoundHeader | null = null;
  try {
    const bytes = decryptRoundHeader({
      spaceKey: key,
      spaceId: summary.spaceId,
      roundId: summary.id,
      epoch: summary.epoch,
      creatorId: summary.createdBy,
      ciphertext: fromB64(summary.header),
    });
    header = decodeHeader(bytes);
  } catch {
    header = null;
  }
  headers.set(cacheKey, header);
  return header;
}

/**
 * The day a round is the question of, when it is a daily question's round: its header says so
 * and its id is the one derived from the space and that day (anything else is an ordinary round).
 */
function dailyDay(summary: RoundSummary, state: SpaceState | undefined): string | null {
  const day = headerOf(summary, state)?.day;
  return day !== undefined && summary.id === dailyRoundId(summary.spaceId, day) ? day : null;
}

function viewOf(summary: RoundSummary, myId: string): RoundView {
  const state = engine.spaceState(summary.spaceId);
  return toRoundView(summary, myId, headerExercise(summary, state), nameResolver(summary.spaceId, state));
}

function publishRounds(): void {
  const myId = keyring()?.userId;
  if (!myId) return;
  const next = new Map<string, RoundView[]>();
  const daily = new Map<string, DailyRound[]>();
  for (const [spaceId, list] of summaries) {
    const state = engine.spaceState(spaceId);
    if (!state) continue; // left or removed since the last refresh
    const mine = list.filter((r) => r.participants.some((p) => p.userId === myId));
    // A daily question's round is shown by the daily question (daily/), not among the exercises.
    const days = new Map(mine.map((r) => [r.id, dailyDay(r, state)]));
    next.set(spaceId, sortRounds(mine.filter((r) => days.get(r.id) === null).map((r) => viewOf(r, myId))));
    daily.set(
      spaceId,
      mine.flatMap((r) => {
        const day = days.get(r.id);
        return day ? [{ day, round: viewOf(r, myId) }] : [];
      }).sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0)),
    );
  }
  roundsBySpace.value = next;
  dailyRounds.value = daily;
  publishDocs();
}

function participantsOf(roundId: string): ReadonlySet<string> | null {
  for (const list of summaries.values()) {
    const round = list.find((r) => r.id === roundId);
    if (round) return new Set(round.participants.map((p) => p.userId));
  }
  return null;
}

/** Notes and positions of a space, including my writes still in the outbox. */
function docsWithQueued(spaceId: string, state: SpaceState, myId: string) {
  const docs = roundDocs(state);
  const notes = new Map<string, RoundNoteDoc>(docs.notes);
  const positions = new Map<string, Map<string, ReadPositionDoc>>();
  for (const [roundId, byAuthor] of docs.positions) positions.set(roundId, new Map(byAuthor));
  const reflectionList = new Map(docs.reflections);
  for (const { id, body: b, queuedAt } of engine.queuedOf(spaceId, roundNoteKind)) {
    notes.set(id, { id, roundId: b.roundId, itemId: b.itemId, text: b.text, authorId: myId, seq: Infinity, createdAt: queuedAt });
  }
  for (const { body: b, n, queuedAt } of engine.queuedOf(spaceId, readPositionKind)) {
    const byAuthor = positions.get(b.roundId) ?? new Map<string, ReadPositionDoc>();
    byAuthor.set(myId, { step: b.step, n: n ?? Infinity, at: queuedAt });
    positions.set(b.roundId, byAuthor);
  }
  const thanks = new Map<string, Map<string, RoundThanksDoc>>();
  for (const [roundId, byAuthor] of docs.thanks) thanks.set(roundId, new Map(byAuthor));
  for (const { body: b, queuedAt } of engine.queuedOf(spaceId, roundThanksKind)) {
    const byAuthor = thanks.get(b.roundId) ?? new Map<string, RoundThanksDoc>();
    byAuthor.set(myId, { note: b.note ?? null, at: queuedAt });
    thanks.set(b.roundId, byAuthor);
  }
  for (const { id, body: b, queuedAt } of engine.queuedOf(spaceId, reflectionKind)) {
    reflectionList.set(id, { id, exerciseId: b.exerciseId, answers: b.answers, seq: Infinity, createdAt: queuedAt });
  }
  return { notes, positions, reflections: reflectionList, thanks };
}

function publishDocs(): void {
  const myId = keyring()?.userId;
  if (!myId) return;
  const positionMap = new Map<string, ReadPosition>();
  const notesMap = new Map<string, ReturnType<typeof notesOf>>();
  const thanksMap = new Map<string, RoundThanks[]>();
  let mine: Reflection[] = [];
  for (const space of spaces.value) {
    const state = engine.spaceState(space.id);
    if (!state) continue;
    const docs = docsWithQueued(space.id, state, myId);
    if (space.kind === 'personal') {
      mine = [...docs.reflections.values()]
        .sort((a, b) => b.seq - a.seq || b.createdAt - a.createdAt)
        .map((r) => ({ id: r.id, exerciseId: r.exerciseId, answers: r.answers, createdAt: r.createdAt }));
      continue;
    }
    for (const [roundId, byAuthor] of docs.positions) {
      const position = latestPosition(roundId, byAuthor, participantsOf(roundId));
      if (position) positionMap.set(roundId, position);
    }
    const nameOf = nameResolver(space.id, state);
    for (const [roundId, byAuthor] of docs.thanks) thanksMap.set(roundId, thanksOf(roundId, byAuthor, participantsOf(roundId), myId, nameOf));
    // Every round of the space, so a round whose last note was deleted shows none (not a stale list).
    const roundIds = new Set([...docs.notes.values()].map((n) => n.roundId).concat((summaries.get(space.id) ?? []).map((r) => r.id)));
    for (const roundId of roundIds) notesMap.set(roundId, notesOf(roundId, docs.notes.values(), participantsOf(roundId), nameOf));
  }
  if (!sameJson(readPositions.value, positionMap)) readPositions.value = positionMap;
  if (!sameJson(roundNotes.value, notesMap)) roundNotes.value = notesMap;
  if (!sameJson(reflections.value, mine)) reflections.value = mine;
  if (!sameJson(roundThanks.value, thanksMap)) roundThanks.value = thanksMap;
}


// ---------------------------------------------------------------- helpers for actions

/** The space's state, after one sync if a key rotation is pending or its key is missing. */
async function readySpace(spaceId: string, epoch?: number): Promise<SpaceState> {
  let state = engine.spaceState(spaceId);
  const wanted = () => epoch ?? state?.epoch ?? 0;
  if (!state || state.summary.needsRotation || !state.keys.has(wanted())) {
    await engine.syncNow();
    state = engine.spaceState(spaceId);
  }
  if (!state) throw new ActionError('not-found');
  return state;
}

function keyFor(state: SpaceState, epoch: number): Uint8Array {
  const key = state.keys.get(epoch);
  if (!key) throw new ActionError(epoch === state.epoch ? 'rotation-required' : 'decrypt-failed');
  return key;
}

/** A round with the answers I may read (mine while open), stored and published. */
export async function fetchRound(spaceId: string, roundId: string) {
  const detail = await call(client.api.spaces[':spaceId'].rounds[':roundId'].$get({ param: { spaceId, roundId } }));
  storeSummary(detail.round);
  return detail;
}

function exerciseOf(summary: RoundSummary, state: SpaceState) {
  const exerciseId = headerExercise(summary, state);
  if (!exerciseId) throw new ActionError('decrypt-failed');
  const exercise = getExercise(exerciseId);
  if (!exercise) throw new ActionError('not-found');
  return exercise;
}

/**
 * Starts a round with this id and header among `participants` (active members, me included), at
 * the space's current epoch; when the space moved to a new key meanwhile (someone joined or
 * left), syncs and tries once more. Errors as the server gives them ('id-taken' included).
 */
export async function createRound(
  spaceId: string,
  roundId: string,
  header: { exerciseId: string; exerciseVersion: number; day?: string },
  participants: string[],
): Promise<RoundSummary> {
  const myId = requireUser();
  const create = async (s: SpaceState) => {
    const epoch = s.epoch;
    const sealed = encryptRoundHeader({ spaceKey: keyFor(s, epoch), spaceId, roundId, epoch, creatorId: myId, header: encodeHeader(header) });
    const { round } = await call(client.api.spaces[':spaceId'].rounds.$post({ param: { spaceId }, json: { id: roundId, epoch, header: toB64(sealed), participants } }));
    storeSummary(round);
    return round;
  };
  try {
    return await create(await readySpace(spaceId));
  } catch (error) {
    if (!(error instanceof ActionError) || !['stale-epoch', 'rotation-required'].includes(error.code)) throw error;
    await engine.syncNow();
    const again = engine.spaceState(spaceId);
    if (!again) throw new ActionError('not-found');
    return create(again);
  }
}

// ---------------------------------------------------------------- actions

export const actions: RoundActions = {
  async startRound({ spaceId, exerciseId, participantIds }) {
    const myId = requireUser();
    const exercise = getExercise(exerciseId);
    if (!exercise) throw new ActionError('not-found');
    const state = await readySpace(spaceId);
    if (state.summary.kind !== 'shared') throw new ActionError('personal-space');
    if (state.integrityWarning === 'membership') throw new ActionError('membership-invalid');
    const active = new Set(state.summary.members.filter((m) => m.status === 'active').map((m) => m.userId));
    if (!active.has(myId)) throw new ActionError('forbidden');
    const participants = [...new Set([myId, ...participantIds])];
    if (participants.length < 2 || participants.some((id) => !active.has(id))) throw new ActionError('members-mismatch');

    const roundId = uuidv7();
    await createRound(spaceId, roundId, { exerciseId: exercise.id, exerciseVersion: exercise.version }, participants);
    void refreshSpace(spaceId);
    return { roundId };
  },

  async loadDraft(key) {
    const myId = requireUser();
    const stored = await getDevice<Uint8Array>(DRAFT_KEY(key)).catch(() => undefined);
    const uk = keyring()?.uk;
    if (!(stored instanceof Uint8Array) || !uk) return {};
    try {
      return decodeDraft(decryptDraft({ userKey: uk, userId: myId, key, ciphertext: stored }));
    } catch {
      return {};
    }
  },

  async saveDraft(key, answers) {
    const myId = requireUser();
    const uk = keyring()?.uk;
    if (!uk) throw new ActionError('unauthenticated');
    let body: Uint8Array;
    try {
      body = encodeDraft(answers);
    } catch {
      throw new ActionError('bad-request');
    }
    await putDevice(DRAFT_KEY(key), encryptDraft({ userKey: uk, userId: myId, key, body }));
  },

  async clearDraft(key) {
    await deleteDevice(DRAFT_KEY(key));
    await clearAnswerAt(key).catch(() => undefined);
  },

  async sealAnswers({ spaceId, roundId, answers }) {
    const myId = requireUser();
    const { round } = await fetchRound(spaceId, roundId);
    const me = round.participants.find((p) => p.userId === myId);
    if (!me) throw new ActionError('not-participant');
    if (round.status !== 'open') throw new ActionError('round-closed');
    if (me.submitted) throw new ActionError('already-submitted');
    const state = await readySpace(spaceId, round.epoch);
    const exercise = exerciseOf(round, state);
    const complete = completeAnswers(exercise, answers);
    if (!complete) throw new ActionError('bad-request');
    const ring = keyring();
    if (!ring) throw new ActionError('unauthenticated');
    const binding = { spaceId, roundId, epoch: round.epoch, authorId: myId };
    const ciphertext = encryptSubmission({ spaceKey: keyFor(state, round.epoch), ...binding, body: encodeSubmission(exercise, complete) });
    const signature = signSubmission({ signingKey: ring.identity.ed25519.secretKey, ...binding, ciphertext });
    const result = await call(
      client.api.spaces[':spaceId'].rounds[':roundId'].submission.$post({ param: { spaceId, roundId }, json: { ciphertext: toB64(ciphertext), signature: toB64(signature) } }),
    );
    storeSummary(result.round);
    await deleteDevice(DRAFT_KEY(roundDraftKey(roundId))).catch(() => undefined);
    await clearAnswerAt(roundDraftKey(roundId)).catch(() => undefined);
    void refreshSpace(spaceId);
  },

  async withdrawRound(spaceId, roundId) {
    requireUser();
    const { round } = await call(client.api.spaces[':spaceId'].rounds[':roundId'].withdraw.$post({ param: { spaceId, roundId } }));
    storeSummary(round);
    void refreshSpace(spaceId);
  },

  async openRevealed(spaceId, roundId) {
    const myId = requireUser();
    const cacheKey = `${spaceId}/${roundId}`;
    let summary = summaries.get(spaceId)?.find((r) => r.id === roundId);
    let answers = revealed.get(cacheKey);
    if (!answers || summary?.status !== 'revealed') {
      const detail = await fetchRound(spaceId, roundId);
      summary = detail.round;
      if (summary.status === 'open') throw new ActionError('forbidden');
      if (summary.status !== 'revealed') throw new ActionError('not-found');
      const state = await readySpace(spaceId, summary.epoch);
      const exerciseId = headerExercise(summary, state);
      const nameOf = nameResolver(spaceId, state);
      const s = summary;
      answers = s.participants.flatMap((p): RevealedAnswers[] => {
        const submission = detail.submissions.find((x) => x.userId === p.userId);
        if (!submission) return []; // an account deleted since: its answers are gone
        const opened = openSubmission({
          spaceKey: state.keys.get(s.epoch),
          // A history that did not verify vouches for no key.
          verifyKey: state.integrityWarning === 'membership' ? undefined : state.knownKeys.get(p.userId)?.ed25519,
          spaceId,
          roundId,
          epoch: s.epoch,
          authorId: p.userId,
          exerciseId,
          exercise: exerciseId ? getExercise(exerciseId) : undefined,
          ciphertext: submission.ciphertext,
          signature: submission.signature,
        });
        return [{ userId: p.userId, displayName: nameOf(p.userId), ...opened }];
      });
      // Cache only what verified completely; a failure is retried next time (a key may arrive).
      if (answers.every((a) => a.verified)) revealed.set(cacheKey, answers);
    }
    const state = engine.spaceState(spaceId);
    if (!state) throw new ActionError('not-found');
    const nameOf = nameResolver(spaceId, state);
    const participants = new Set(summary.participants.map((p) => p.userId));
    const docs = docsWithQueued(spaceId, state, myId);
    const result: RevealedRound = {
      round: viewOf(summary, myId),
      answers: answers.map((a) => ({ ...a, displayName: nameOf(a.userId) })),
      notes: notesOf(roundId, docs.notes.values(), participants, nameOf),
    };
    return result;
  },

  async addFollowUpNote({ spaceId, roundId, itemId, text }) {
    requireUser();
    const trimmed = text.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_ROUND_NOTE_CHARS || !isContentId(itemId)) throw new ActionError('bad-request');
    const state = engine.spaceState(spaceId);
    if (!state) throw new ActionError('not-found');
    if (state.summary.kind !== 'shared') throw new ActionError('personal-space');
    await engine.write(spaceId, roundNoteKind, { roundId, itemId, text: trimmed });
  },

  async deleteFollowUpNote({ spaceId, noteId }) {
    requireUser();
    if ((await engine.deleteRecords(spaceId, [noteId])) === 0) throw new ActionError('not-found');
    publishDocs();
  },

  async setReadPosition(spaceId, roundId, step) {
    requireUser();
    if (!Number.isInteger(step) || step < 0 || step > MAX_READ_STEP) throw new ActionError('bad-request');
    const state = engine.spaceState(spaceId);
    if (!state) throw new ActionError('not-found');
    if (state.summary.kind !== 'shared') throw new ActionError('personal-space');
    await engine.write(spaceId, readPositionKind, { roundId, step });
  },

  async sayThanks({ spaceId, roundId, note }) {
    requireUser();
    const trimmed = note?.trim();
    if (trimmed !== undefined && (trimmed.length === 0 || trimmed.length > MAX_ROUND_NOTE_CHARS)) throw new ActionError('bad-request');
    const state = engine.spaceState(spaceId);
    if (!state) throw new ActionError('not-found');
    if (state.summary.kind !== 'shared') throw new ActionError('personal-space');
    await engine.write(spaceId, roundThanksKind, trimmed ? { roundId, note: trimmed } : { roundId });
  },

  async saveReflection({ exerciseId, answers }) {
    requireUser();
    const exercise = getExercise(exerciseId);
    if (!exercise) throw new ActionError('not-found');
    const complete = completeAnswers(exercise, answers);
    if (!complete) throw new ActionError('bad-request');
    const personalSpaceId = me.value?.personalSpaceId ?? spaces.value.find((s) => s.kind === 'personal')?.id;
    if (!personalSpaceId) throw new ActionError('not-found');
    const id = await engine.write(personalSpaceId, reflectionKind, { exerciseId: exercise.id, answers: complete });
    return { id };
  },
};
