/**
 * The comfort map's engine (issue 13, ADR 026): keeps my map and my match results (records in my
 * personal place, through the sync engine) and runs matches: the private set intersection of
 * src/crypto/psi.ts, carried by the server's gated exchange (its own routes). Loaded on demand.
 *
 * A run's secret scalar and the order of my points are kept in my personal place (a record only
 * my devices can open) until the run ends, so a match can finish after the app was closed, on
 * any of my devices. The partner's keys come from the place's verified membership history only.
 */
import { comfortItems, MAX_COMFORT_ITEMS } from '../../../../content/comfort.ts';
import type { ComfortMessage, ComfortRunSummary } from '../../../shared/api.ts';
import { fromB64, toB64 } from '../../../shared/base64.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import {
  openPsiMessage,
  psiCheckShape,
  psiPairKey,
  psiPlan,
  psiResult,
  psiScalarFromBytes,
  psiScalarToBytes,
  randomPsiScalar,
  sealPsiMessage,
  type PsiPhase,
  type PsiSecret,
} from '../../../crypto/psi.ts';
import { call, client } from '../../platform/api.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { sameJson } from '../../platform/same-json.ts';
import { personalSpaceId, shareableSpaces } from '../../spaces/my-spaces.ts';
import { followSync } from '../../sync/follow.ts';
import { engine } from '../../sync/index.ts';
import { keyring } from '../../vault/keyring.ts';
import { comfortAnswersKind, comfortDocs, comfortMatchKind, comfortRunSecretKind, type ComfortAnswers, type ComfortMatch } from './kinds.ts';
import { comfortAnswers, comfortMatches, comfortReady, comfortRuns, NO_ANSWERS, type ComfortActions, type RunView } from './store.ts';
import { blindInWorkers, closePool, raiseInWorkers } from './psi/pool.ts';
import { matchableAnswers, sortMatches, toRunView } from './views.ts';

/** Every message of a run has this many points: two tiers per catalog item. */
export const SLOTS = 2 * MAX_COMFORT_ITEMS;

const summaries = new Map<string, ComfortRunSummary[]>();
/** Runs being carried forward now (one at a time per run). */
const advancing = new Set<string>();
/** Runs asked to advance while they were: carried again once the current pass ends (no lost wake-up). */
const again = new Set<string>();

export const activate = followSync({
  publish(change) {
    if (change === 'start' || change === 'synced') void refreshAll();
    publishDocs();
  },
  reset,
  onLiveEvent(event) {
    if (event.type === 'comfort' || event.type === 'members') void refreshSpace(event.spaceId);
    if (event.type === 'removed') {
      summaries.delete(event.spaceId);
      publishRuns();
    }
  },
});

function reset(): void {
  closePool();
  summaries.clear();
  advancing.clear();
  again.clear();
  comfortAnswers.value = NO_ANSWERS;
  comfortMatches.value = [];
  comfortRuns.value = new Map();
  comfortReady.value = false;
}

function me(): { myId: string; personalId: string } {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) throw new ActionError('unauthenticated');
  return { myId, personalId };
}

// ---------------------------------------------------------------- my map and results

/** My map and results from my personal place, my queued writes included (offline first). */
function readDocs(personalId: string): { answers: ComfortAnswers; matches: ComfortMatch[] } {
  const state = engine.spaceState(personalId);
  const docs = state ? comfortDocs(state) : null;
  let answers = docs?.answers ?? NO_ANSWERS;
  const queued = engine.queuedOf(personalId, comfortAnswersKind);
  if (queued.length) answers = queued[queued.length - 1]!.body;
  const matches = new Map(docs?.matches ?? []);
  for (const q of engine.queuedOf(personalId, comfortMatchKind)) matches.set(q.body.runId, { id: q.id, ...q.body });
  return { answers, matches: sortMatches(matches.values()) };
}

function publishDocs(): void {
  const personalId = personalSpaceId();
  if (!keyring() || !personalId) return;
  const next = readDocs(personalId);
  if (!sameJson(comfortAnswers.value, next.answers)) comfortAnswers.value = next.answers;
  if (!sameJson(comfortMatches.value, next.matches)) comfortMatches.value = next.matches;
  comfortReady.value = true;
}

// ---------------------------------------------------------------- runs

function publishRuns(): void {
  const myId = keyring()?.userId;
  if (!myId) return;
  const next = new Map<string, RunView[]>();
  for (const [spaceId, list] of summaries) next.set(spaceId, list.map((r) => toRunView(r, myId)));
  if (!sameJson(comfortRuns.value, next)) comfortRuns.value = next;
}

async function refreshAll(): Promise<void> {
  if (!keyring()) return;
  await Promise.all(shareableSpaces().map((s) => refreshSpace(s.id)));
}

async function refreshSpace(spaceId: string): Promise<void> {
  const myId = keyring()?.userId;
  if (!myId || !shareableSpaces().some((s) => s.id === spaceId)) return;
  try {
    const { runs } = await call(client.api.spaces[':spaceId']['comfort-runs'].$get({ param: { spaceId } }));
    summaries.set(spaceId, runs);
  } catch (error) {
    if (error instanceof ActionError && (error.code === 'not-found' || error.code === 'forbidden')) summaries.delete(spaceId);
    publishRuns();
    return;
  }
  publishRuns();
  const done = new Set(comfortMatches.value.map((m) => m.runId));
  for (const run of summaries.get(spaceId) ?? []) {
    const mine = run.participants.find((p) => p.userId === myId)?.posted ?? [];
    const open = run.status === 'open' && mine.includes(1) && run.released.includes(1);
    const unfinished = run.status === 'done' && !done.has(run.id);
    if (open || unfinished) void advance(spaceId, run.id).catch(() => undefined);
  }
}

function storeSummary(run: ComfortRunSummary): void {
  const list = (summaries.get(run.spaceId) ?? []).filter((r) => r.id !== run.id);
  summaries.set(run.spaceId, [run, ...list].sort((a, b) => b.createdAt - a.createdAt));
  publishRuns();
}

// ---------------------------------------------------------------- the protocol, step by step

interface Pair {
  spaceId: string;
  runId: string;
  myId: string;
  partnerId: string;
  pairKey: Uint8Array;
  mySigningKey: Uint8Array;
  myVerifyKey: Uint8Array;
  partnerVerifyKey: Uint8Array;
}

/** Keys of this run's pair: mine from the keyring, theirs from the verified membership history. */
function pairOf(run: ComfortRunSummary): Pair {
  const ring = keyring();
  if (!ring) throw new ActionError('unauthenticated');
  const partnerId = run.participants.find((p) => p.userId !== ring.userId)?.userId;
  const state = engine.spaceState(run.spaceId);
  if (!partnerId || !state) throw new ActionError('not-found');
  // A history that did not verify vouches for no key.
  const partner = state.integrityWarning === 'membership' ? undefined : state.knownKeys.get(partnerId);
  if (!partner) throw new ActionError('membership-invalid');
  return {
    spaceId: run.spaceId,
    runId: run.id,
    myId: ring.userId,
    partnerId,
    pairKey: psiPairKey({
      spaceId: run.spaceId,
      runId: run.id,
      userIds: [ring.userId, partnerId],
      myId: ring.userId,
      myX25519Secret: ring.identity.x25519.secretKey,
      partnerX25519Public: partner.x25519,
    }),
    mySigningKey: ring.identity.ed25519.secretKey,
    myVerifyKey: ring.identity.ed25519.publicKey,
    partnerVerifyKey: partner.ed25519,
  };
}

async function saveSecret(runId: string, secret: PsiSecret): Promise<void> {
  const { personalId } = me();
  await engine.write(personalId, comfortRunSecretKind, { runId, scalar: toB64(psiScalarToBytes(secret.scalar)), labels: secret.labels });
}

/** My secret of this run, from my personal place (queued writes included), or null. */
function loadSecret(runId: string): PsiSecret | null {
  const { personalId } = me();
  const state = engine.spaceState(personalId);
  let stored = state ? comfortDocs(state).secrets.get(runId) : undefined;
  for (const q of engine.queuedOf(personalId, comfortRunSecretKind)) if (q.body.runId === runId) stored = { ...q.body, ids: [] };
  if (!stored) return null;
  try {
    return { scalar: psiScalarFromBytes(fromB64(stored.scalar)), labels: stored.labels };
  } catch {
    return null;
  }
}

/** Forgets a run's secret on all my devices (the run ended: nothing more to compute). */
async function dropSecret(runId: string): Promise<void> {
  const { personalId } = me();
  const state = engine.spaceState(personalId);
  const ids = [...(state ? (comfortDocs(state).secrets.get(runId)?.ids ?? []) : []), ...engine.queuedOf(personalId, comfortRunSecretKind).filter((q) => q.body.runId === runId).map((q) => q.id)];
  if (ids.length) await engine.deleteRecords(personalId, ids);
}

async function post(pair: Pair, phase: PsiPhase, points: Uint8Array, slots: number): Promise<ComfortRunSummary> {
  const sealed = sealPsiMessage({
    spaceId: pair.spaceId,
    runId: pair.runId,
    senderId: pair.myId,
    recipientId: pair.partnerId,
    phase,
    slots,
    pairKey: pair.pairKey,
    signingKey: pair.mySigningKey,
    points,
  });
  const { run } = await call(
    client.api.spaces[':spaceId']['comfort-runs'][':runId'].messages.$post({
      param: { spaceId: pair.spaceId, runId: pair.runId },
      json: { phase, ciphertext: toB64(sealed.ciphertext), signature: toB64(sealed.signature) },
    }),
  );
  storeSummary(run);
  return run;
}

/** Opens one message of the run (signature first, then the envelope, then the points' shape). */
function open(pair: Pair, message: ComfortMessage | undefined, slots: number): Uint8Array | null {
  if (!message) return null;
  const fromMe = message.userId === pair.myId;
  return openPsiMessage({
    spaceId: pair.spaceId,
    runId: pair.runId,
    senderId: message.userId,
    recipientId: fromMe ? pair.partnerId : pair.myId,
    phase: message.phase as PsiPhase,
    slots,
    pairKey: pair.pairKey,
    verifyKey: fromMe ? pair.myVerifyKey : pair.partnerVerifyKey,
    ciphertext: fromB64(message.ciphertext),
    signature: fromB64(message.signature),
  });
}

/** My phase 1: my map, blinded, padded and shuffled. The secret is kept before anything is sent. */
async function postPhase1(run: ComfortRunSummary): Promise<void> {
  if (run.slots !== SLOTS) throw new ActionError('bad-request', 'the two apps have different catalogs');
  const { personalId } = me();
  const pair = pairOf(run);
  const answers = matchableAnswers(readDocs(personalId).answers, comfortItems());
  const secret: PsiSecret = { scalar: randomPsiScalar(), labels: psiPlan(answers, run.slots) };
  await saveSecret(run.id, secret);
  // The curve work runs in workers (psi/pool.ts): the screen stays free while it does.
  const message = await blindInWorkers({ spaceId: run.spaceId, runId: run.id, userIds: [pair.myId, pair.partnerId] }, secret.labels, secret.scalar);
  await post(pair, 1, message, run.slots);
}

/** Carries a run as far as it can go now: phase 2 once phase 1 is released, the result once phase 2 is. */
async function advance(spaceId: string, runId: string): Promise<void> {
  if (advancing.has(runId)) {
    again.add(runId);
    return;
  }
  advancing.add(runId);
  try {
    for (let step = 0; step < 3; step++) {
      const { run, messages } = await call(client.api.spaces[':spaceId']['comfort-runs'][':runId'].$get({ param: { spaceId, runId } }));
      storeSummary(run);
      const pair = pairOf(run);
      const of = (userId: string, phase: number) => messages.find((m) => m.userId === userId && m.phase === phase);
      const secret = loadSecret(runId);
      if (!secret) return; // not mine to carry (declined), or finished already
      if (run.released.includes(2)) {
        const theirs = open(pair, of(pair.partnerId, 2), run.slots);
        const mine = open(pair, of(pair.myId, 2), run.slots);
        if (!theirs || !mine) return;
        await saveResult(run, pair.partnerId, psiResult(secret, theirs, mine));
        await dropSecret(runId).catch(() => undefined);
        return;
      }
      if (run.status !== 'open' || !run.released.includes(1)) return;
      if (of(pair.myId, 2)) return; // waiting for the other's phase 2
      const theirs1 = open(pair, of(pair.partnerId, 1), run.slots);
      if (!theirs1) return;
      psiCheckShape(theirs1, secret.labels.length);
      const after = await post(pair, 2, await raiseInWorkers(theirs1, secret.scalar), run.slots);
      if (!after.released.includes(2)) return;
    }
  } finally {
    advancing.delete(runId);
    // Something changed during this pass (the other posted, a live event came): look again.
    if (again.delete(runId)) void advance(spaceId, runId).catch(() => undefined);
  }
}

async function saveResult(run: ComfortRunSummary, partnerId: string, items: Record<string, 'both-yes' | 'open'>): Promise<void> {
  const { personalId } = me();
  if (readDocs(personalId).matches.some((m) => m.runId === run.id)) return;
  await engine.write(personalId, comfortMatchKind, { spaceId: run.spaceId, partnerId, runId: run.id, at: run.closedAt ?? Date.now(), items });
  publishDocs();
}

// ---------------------------------------------------------------- actions

export const actions: ComfortActions = {
  async saveAnswers(next) {
    const { personalId } = me();
    const valid = new Set(comfortItems().map((i) => i.id));
    const answers = Object.fromEntries(Object.entries(next.answers).filter(([id, a]) => valid.has(id) && (a === 'yes' || a === 'maybe')));
    await engine.write(personalId, comfortAnswersKind, { answers, hiddenGroups: [...new Set(next.hiddenGroups)] });
    publishDocs();
  },

  async startMatch(spaceId, partnerId) {
    me();
    const space = shareableSpaces().find((s) => s.id === spaceId);
    if (!space?.members.some((m) => m.userId === partnerId && !m.isMe && m.status === 'active')) throw new ActionError('not-found');
    const runId = uuidv7();
    const { run } = await call(client.api.spaces[':spaceId']['comfort-runs'].$post({ param: { spaceId }, json: { id: runId, partnerId, slots: SLOTS } }));
    storeSummary(run);
    await postPhase1(run);
    return { runId };
  },

  async joinMatch(spaceId, runId) {
    me();
    const { run } = await call(client.api.spaces[':spaceId']['comfort-runs'][':runId'].$get({ param: { spaceId, runId } }));
    if (run.status !== 'open') throw new ActionError('run-closed');
    await postPhase1(run);
    await advance(spaceId, runId);
  },

  async declineMatch(spaceId, runId) {
    me();
    const { run } = await call(client.api.spaces[':spaceId']['comfort-runs'][':runId'].decline.$post({ param: { spaceId, runId } }));
    storeSummary(run);
    await dropSecret(runId).catch(() => undefined);
  },

  async refresh(spaceId) {
    await refreshSpace(spaceId);
  },
};
