/**
 * Keeps this device in step with the server: pulls records by cursor, decrypts them into
 * documents, sends queued writes (the outbox), listens to the live event stream, and does the
 * membership chores that need a member's keys (confirming joiners, rotating after a leave).
 *
 * Offline first: every write goes to the encrypted outbox before the network, and the screens
 * read the documents plus what is still queued.
 */
import type { InviteInfo, LiveEvent, RecordsResponse, SpaceResponse, SpaceSummary, StoredRecord } from '../../shared/api.ts';
import { fromB64, toB64 } from '../../shared/base64.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { signDeparture } from '../../crypto/departure.ts';
import { entryHash, signMembershipEntry, type MemberKeys } from '../../crypto/membership.ts';
import { decryptRecord, encryptRecord } from '../../crypto/records.ts';
import { generateSpaceKey, sealSpaceKey } from '../../crypto/space-keys.ts';
import { openInviteSecret, verifyInviteMac } from '../../crypto/invite.ts';
import { api, isTransient } from '../lib/api.ts';
import { removedSpaceIds, spaces, syncState } from '../state/store.ts';
import { ActionError, type SpaceView } from '../state/types.ts';
import type { KeyRing } from '../vault/keyring.ts';
import { applyBody, decodeBody, encodeBody, type RecordBody } from './documents.ts';
import {
  allOutbox,
  deleteDevice,
  deleteOutbox,
  deleteRecordsOf,
  getDevice,
  putDevice,
  putOutbox,
  putRecords,
  recordsOf,
  type CachedRecord,
  type OutboxEntry,
} from './local-db.ts';
import { emptySpaceState, membersToKeep, MembershipMismatch, openKeys, verifyMembership, type SpaceState } from './space-state.ts';

const RETRY_DELAY_MS = 5_000;
const FIRST_SYNC_WAIT_MS = 3_000;
const SNAPSHOT_KEY = 'spaces';
/** How many times a space's membership is read before a disagreement counts as a mismatch. */
const MEMBERSHIP_READS = 3;
const DEFERRED_PROFILE_KEY = (spaceId: string) => `deferred-profile:${spaceId}`;

interface Snapshot {
  userId: string;
  /** `cursor`: the last seq pulled in order. The cache may also hold later records this device
   * wrote itself, so the cursor is kept here rather than derived from the cache. */
  spaces: { summary: SpaceSummary; log: SpaceResponse['membershipLog']; departures?: SpaceResponse['departures']; cursor?: number }[];
}

let ring: KeyRing | null = null;
const states = new Map<string, SpaceState>();
/** Writes in the outbox, decrypted, shown on top of the synced documents until acknowledged. */
let queued: { entry: OutboxEntry; body: RecordBody }[] = [];
let live: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
/** The sync and the flush under way, each tied to the sign-in (generation) that started it, so
 * work left over from a previous session can never swallow the new session's requests. */
let running: { gen: number; promise: Promise<void> } | null = null;
let rerun = false;
let flushing: { gen: number; promise: Promise<void> } | null = null;
let generation = 0;

/** Other modules (rounds) follow the engine through these hooks instead of living in it. */
type LiveListener = (event: LiveEvent) => void;
/** 'synced': a full sync finished; 'changed': documents or the outbox changed; 'stopped': signed out or locked. */
export type EngineChange = 'synced' | 'changed' | 'stopped';
type ChangeListener = (change: EngineChange) => void;
const liveListeners = new Set<LiveListener>();
const changeListeners = new Set<ChangeListener>();

/** Calls `listener` with every event of the live stream. Returns a function that unsubscribes. */
export function onLiveEvent(listener: LiveListener): () => void {
  liveListeners.add(listener);
  return () => liveListeners.delete(listener);
}

/** Calls `listener` after every full sync, every change of the documents, and on stop. */
export function onEngineChange(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function emit<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      console.warn('engine listener failed', (error as Error).message);
    }
  }
}

// ---------------------------------------------------------------- lifecycle

export async function startSync(next: KeyRing): Promise<void> {
  stopSync();
  ring = next;
  const gen = ++generation;
  await loadFromDevice(next);
  if (gen !== generation) return;
  publish();
  addEventListener('online', onOnline);
  addEventListener('offline', onOffline);
  connectLive();
  const first = syncNow();
  // With nothing cached (a new device), wait a little for the first sync so the first screen
  // shows the person's spaces rather than an empty list that fills in a moment later.
  if (states.size === 0) await Promise.race([first, new Promise((r) => setTimeout(r, FIRST_SYNC_WAIT_MS))]);
}

export function stopSync(): void {
  generation++;
  ring = null;
  states.clear();
  queued = [];
  live?.close();
  live = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  removeEventListener('online', onOnline);
  removeEventListener('offline', onOffline);
  spaces.value = [];
  syncState.value = { online: navigator.onLine, live: false, pendingWrites: 0, lastSyncedAt: null };
  emit(changeListeners, 'stopped');
}

function onOnline(): void {
  publishSync({ online: true });
  connectLive();
  void syncNow();
}

function onOffline(): void {
  publishSync({ online: false, live: false });
}

/** Loads the encrypted cache so the app works offline and shows something at once. */
async function loadFromDevice(r: KeyRing): Promise<void> {
  const snapshot = await getDevice<Snapshot>(SNAPSHOT_KEY);
  if (snapshot?.userId === r.userId) {
    for (const { summary, log, departures, cursor } of snapshot.spaces) {
      const state = emptySpaceState(summary);
      state.cursor = cursor ?? 0;
      try {
        verifyMembership(state, log, departures ?? []);
      } catch {
        state.integrityWarning = 'membership';
      }
      openKeys(state, r);
      states.set(summary.id, state);
      replayCache(state, await recordsOf(summary.id));
    }
  }
  for (const entry of await allOutbox()) {
    const body = decryptQueued(entry);
    if (body) queued.push({ entry, body });
  }
}

function connectLive(): void {
  if (live || !ring) return;
  const source = new EventSource('/api/events');
  live = source;
  source.onopen = () => {
    publishSync({ live: true, online: true });
    void syncNow();
  };
  source.onerror = () => {
    publishSync({ live: false });
    // EventSource retries by itself while the server answers; after a hard failure it stops.
    if (source.readyState === EventSource.CLOSED && live === source) {
      live = null;
      scheduleRetry();
    }
  };
  source.onmessage = (message: MessageEvent<string>) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(message.data) as LiveEvent;
    } catch {
      return;
    }
    if (event.type === 'removed') {
      removedSpaceIds.value = new Set([...removedSpaceIds.value, event.spaceId]);
      dropSpace(event.spaceId);
    }
    emit(liveListeners, event);
    // A round's status lives outside the record log; its listener (rounds) pulls just that.
    if (event.type !== 'rounds') void syncNow();
  };
}

function scheduleRetry(): void {
  if (retryTimer || !ring) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    connectLive();
    void syncNow();
  }, RETRY_DELAY_MS);
}

// ---------------------------------------------------------------- sync

/** Runs a full sync; calls made while one runs coalesce into one more run. */
export function syncNow(): Promise<void> {
  if (running?.gen === generation) {
    rerun = true;
    return running.promise;
  }
  const gen = generation;
  rerun = false;
  const promise = (async () => {
    do {
      rerun = false;
      try {
        await syncOnce();
      } catch (error) {
        if (isTransient(error)) {
          publishSync({ online: navigator.onLine });
          scheduleRetry();
        } else {
          console.warn('sync failed', (error as Error).message);
        }
      }
    } while (rerun && gen === generation);
  })().finally(() => {
    if (running?.gen === gen) running = null;
  });
  running = { gen, promise };
  return promise;
}

async function syncOnce(): Promise<void> {
  const r = ring;
  if (!r) return;
  const gen = generation;
  const { spaces: summaries } = await api<{ spaces: SpaceSummary[] }>('GET', '/api/spaces');
  if (gen !== generation) return;

  const listed = new Set(summaries.map((s) => s.id));
  for (const id of [...states.keys()]) if (!listed.has(id)) dropSpace(id);

  for (const summary of summaries) {
    const previous = states.get(summary.id);
    const state = previous ?? emptySpaceState(summary);
    const epochChanged = !previous || previous.summary.epoch !== summary.epoch;
    const membersChanged = !previous || memberSignature(previous.summary) !== memberSignature(summary);
    state.summary = summary;
    states.set(summary.id, state);
    if (epochChanged || membersChanged || state.log.length === 0) await refreshMembership(state);
    const before = state.keys.size;
    openKeys(state, r);
    if (state.keys.size !== before) replayCache(state, await recordsOf(summary.id));
    await pull(state);
    if (gen !== generation) return;
  }
  await saveSnapshot(r);
  publish();

  for (const state of states.values()) await chores(state, r);
  await flushOutbox();
  publishSync({ lastSyncedAt: Date.now(), online: true });
  publish();
  if (gen === generation) emit(changeListeners, 'synced');
}

/** Reads and verifies a space's membership. */
async function refreshMembership(state: SpaceState): Promise<void> {
  // The summary, the log and the departures are separate reads on the server, so a rotation or
  // a leave committed between them can make an honest answer disagree with itself for a moment:
  // read again before calling it a mismatch. A server that lies disagrees every time.
  for (let attempt = 1; ; attempt++) {
    const detail = await api<SpaceResponse>('GET', `/api/spaces/${state.summary.id}`);
    state.summary = detail.space;
    try {
      verifyMembership(state, detail.membershipLog, detail.departures);
      state.departures = detail.departures;
      if (state.integrityWarning === 'membership') state.integrityWarning = null;
      return;
    } catch (error) {
      if (error instanceof MembershipMismatch && attempt < MEMBERSHIP_READS) continue;
      state.integrityWarning = 'membership';
      return;
    }
  }
}

function memberSignature(summary: SpaceSummary): string {
  return summary.members.map((m) => `${m.userId}:${m.status}`).sort().join(',');
}

async function pull(state: SpaceState): Promise<void> {
  const me = state.summary.members.find((m) => m.userId === ring?.userId);
  if (me?.status !== 'active') return;
  for (;;) {
    const page = await api<RecordsResponse>('GET', `/api/spaces/${state.summary.id}/records?since=${state.cursor}`);
    const cached = page.records.map(toCached(state.summary.id));
    await putRecords(cached);
    for (const record of cached) applyRecord(state, record);
    state.cursor = page.cursor;
    if (!page.hasMore) break;
  }
}

function toCached(spaceId: string) {
  return (r: StoredRecord): CachedRecord => ({
    spaceId,
    seq: r.seq,
    id: r.id,
    authorId: r.authorId,
    epoch: r.epoch,
    ciphertext: fromB64(r.ciphertext),
    createdAt: r.createdAt,
  });
}

function replayCache(state: SpaceState, cached: CachedRecord[]): void {
  for (const record of cached.sort((a, b) => a.seq - b.seq)) applyRecord(state, record);
}

/** Decrypts and applies one record. Records of epochs this device has no key for are skipped:
 * a member who joined later was never given the keys to what came before. */
function applyRecord(state: SpaceState, record: CachedRecord): void {
  const key = state.keys.get(record.epoch);
  if (!key) return;
  try {
    const plain = decryptRecord({
      spaceKey: key,
      spaceId: state.summary.id,
      recordId: record.id,
      authorId: record.authorId,
      epoch: record.epoch,
      ciphertext: record.ciphertext,
    });
    const body = decodeBody(plain);
    if (body) applyBody(state, body, { authorId: record.authorId, seq: record.seq, epoch: record.epoch, id: record.id, createdAt: record.createdAt });
  } catch {
    state.integrityWarning = 'record';
  }
}

async function saveSnapshot(r: KeyRing): Promise<void> {
  const snapshot: Snapshot = {
    userId: r.userId,
    spaces: [...states.values()].map((s) => ({ summary: s.summary, log: s.log, departures: s.departures, cursor: s.cursor })),
  };
  await putDevice(SNAPSHOT_KEY, snapshot);
}

function dropSpace(spaceId: string): void {
  states.delete(spaceId);
  queued = queued.filter((q) => q.entry.spaceId !== spaceId);
  void deleteRecordsOf(spaceId);
  void allOutbox().then((entries) => Promise.all(entries.filter((e) => e.spaceId === spaceId).map((e) => deleteOutbox(e.id))));
  void deleteDevice(DEFERRED_PROFILE_KEY(spaceId));
  publish();
}

// ---------------------------------------------------------------- writes and the outbox

/** Encrypts a record under the space's current epoch and queues it; sends it when online.
 * Returns the record's id. */
export async function writeRecord(spaceId: string, body: RecordBody): Promise<string> {
  const r = ring;
  const state = states.get(spaceId);
  if (!r || !state) throw new ActionError('not-found');
  const { epoch, key } = newestKey(state);
  const id = uuidv7();
  const ciphertext = encryptRecord({ spaceKey: key, spaceId, recordId: id, authorId: r.userId, epoch, body: encodeBody(body) });
  const entry: OutboxEntry = { id, spaceId, epoch, ciphertext, queuedAt: Date.now() };
  await putOutbox(entry);
  queued.push({ entry, body });
  publish();
  void flushOutbox();
  return id;
}

/**
 * The key to write under: the current epoch's, or, in the moment between learning of a new epoch
 * and opening its key (mid-rotation), the newest key this device holds. The server refuses a
 * write under an old epoch (stale-epoch), so nothing is ever stored under it: the outbox
 * re-encrypts the write under the new key as soon as it opens. A write never fails for that.
 */
function newestKey(state: SpaceState): { epoch: number; key: Uint8Array } {
  // The epoch of the verified log, never the server's word for it.
  const current = state.keys.get(state.epoch);
  if (current) return { epoch: state.epoch, key: current };
  const held = [...state.keys.keys()].filter((e) => e <= state.epoch).sort((a, b) => b - a)[0];
  if (held === undefined) throw new ActionError('rotation-required'); // not admitted yet: no key at all
  return { epoch: held, key: state.keys.get(held)! };
}

function decryptQueued(entry: OutboxEntry): RecordBody | null {
  const state = states.get(entry.spaceId);
  const key = state?.keys.get(entry.epoch);
  if (!ring || !key) return null;
  try {
    return decodeBody(
      decryptRecord({ spaceKey: key, spaceId: entry.spaceId, recordId: entry.id, authorId: ring.userId, epoch: entry.epoch, ciphertext: entry.ciphertext }),
    );
  } catch {
    return null;
  }
}

export function flushOutbox(): Promise<void> {
  if (flushing?.gen === generation) return flushing.promise;
  const gen = generation;
  const promise = (async () => {
    try {
      await flushOnce(gen);
    } finally {
      if (flushing?.gen === gen) flushing = null;
      publish();
    }
  })();
  flushing = { gen, promise };
  return promise;
}

async function flushOnce(gen: number): Promise<void> {
  for (const entry of await allOutbox()) {
    if (!ring || gen !== generation) return;
    try {
      const { seq } = await api<{ seq: number }>('POST', `/api/spaces/${entry.spaceId}/records`, {
        id: entry.id,
        epoch: entry.epoch,
        ciphertext: toB64(entry.ciphertext),
      });
      // Cache it now, not at the next pull, so a reload (even offline) still shows it.
      const createdAt = Date.now();
      await putRecords([{ spaceId: entry.spaceId, seq, id: entry.id, authorId: ring.userId, epoch: entry.epoch, ciphertext: entry.ciphertext, createdAt }]);
      await deleteOutbox(entry.id);
      const state = states.get(entry.spaceId);
      const item = queued.find((q) => q.entry.id === entry.id);
      if (state && item) applyBody(state, item.body, { authorId: ring.userId, seq, epoch: entry.epoch, id: entry.id, createdAt });
      queued = queued.filter((q) => q.entry.id !== entry.id);
    } catch (error) {
      const code = error instanceof ActionError ? error.code : 'internal';
      if (isTransient(error)) {
        scheduleRetry();
        return;
      }
      if (code === 'stale-epoch' || code === 'rotation-required') {
        // The space moved to a new key (someone joined or left): re-encrypt under it after
        // the next sync has rotated or fetched the new key. Nothing is lost.
        const outcome = await reencrypt(entry);
        if (outcome === 'resend') {
          rerun = true;
          void syncNow();
        } else if (outcome === 'wait') {
          // The new key is not here yet: the epoch event (or this retry) brings the next sync.
          scheduleRetry();
        }
        return;
      }
      // Refused for good (the space is gone, or we were removed): drop it.
      await deleteOutbox(entry.id);
      queued = queued.filter((q) => q.entry.id !== entry.id);
    }
  }
}

/**
 * Re-encrypts a refused write under the space's current key. 'wait': the new key (or our own
 * rotation) is not there yet; 'resend': re-encrypted, send it again; 'dropped': it can never be
 * re-encrypted (its plaintext did not survive on this device), so it is removed.
 */
async function reencrypt(entry: OutboxEntry): Promise<'resend' | 'wait' | 'dropped'> {
  const r = ring;
  const state = states.get(entry.spaceId);
  if (!r || !state) return 'wait';
  const item = queued.find((q) => q.entry.id === entry.id);
  if (!item) {
    await deleteOutbox(entry.id);
    return 'dropped';
  }
  const epoch = state.epoch;
  const key = state.keys.get(epoch);
  if (!key || state.summary.needsRotation || epoch === entry.epoch) {
    // Refused, yet by our summary this epoch is current and needs no rotation: our view is stale
    // (someone rotated since), and a sync settles it. Otherwise the epoch event, our own rotation
    // in the running sync, or the bounded retry brings the key; no tight loop either way.
    if (epoch === entry.epoch && !state.summary.needsRotation) void syncNow();
    return 'wait';
  }
  const next: OutboxEntry = {
    ...entry,
    epoch,
    ciphertext: encryptRecord({ spaceKey: key, spaceId: entry.spaceId, recordId: entry.id, authorId: r.userId, epoch, body: encodeBody(item.body) }),
  };
  await putOutbox(next);
  item.entry = next;
  return 'resend';
}

// ---------------------------------------------------------------- membership chores

async function chores(state: SpaceState, r: KeyRing): Promise<void> {
  const summary = state.summary;
  const mine = summary.members.find((m) => m.userId === r.userId);
  if (summary.kind !== 'shared' || mine?.status !== 'active' || state.integrityWarning === 'membership') return;
  try {
    if (summary.needsRotation) {
      await rotate(state, r, []);
      return;
    }
    if (summary.members.some((m) => m.status === 'pending')) {
      await confirmJoins(state, r);
      if (rerun) return;
    }
    await republishProfile(state, r);
  } catch (error) {
    // Another member's device did it first (epoch-conflict): the next sync picks it up.
    if (error instanceof ActionError && error.code === 'epoch-conflict') rerun = true;
    else throw error;
  }
}

/** Moves the space to a new epoch: a fresh key sealed to everyone who stays (plus joiners). */
async function rotate(state: SpaceState, r: KeyRing, admit: MemberKeys[]): Promise<void> {
  const summary = state.summary;
  const previous = state.log.at(-1);
  if (!previous) throw new ActionError('membership-invalid');
  // Keep everyone in the signed history but those who signed their departure. If the server's
  // list is missing anyone else, sign nothing: removing someone is never implied.
  const staying = membersToKeep(state);
  if (!staying) {
    state.integrityWarning = 'membership';
    return;
  }
  const members = [...staying, ...admit];
  const epoch = state.epoch + 1;
  const spaceKey = generateSpaceKey();
  const sealedKeys = members.map((m) => ({
    userId: m.userId,
    sealedKey: toB64(
      sealSpaceKey({
        spaceKey,
        spaceId: summary.id,
        epoch,
        recipientUserId: m.userId,
        recipientPublicKey: m.x25519,
        senderUserId: r.userId,
        senderSigningKey: r.identity.ed25519.secretKey,
      }),
    ),
  }));
  const action = admit.length > 0 ? 'join' : staying.length < state.logMembers.length ? 'leave' : 'rotate';
  const membershipEntry = signMembershipEntry(
    { spaceId: summary.id, epoch, action, by: r.userId, members, prevHash: entryHash(fromB64(previous.entry)), at: Date.now() },
    r.identity.ed25519.secretKey,
  );
  await api('POST', `/api/spaces/${summary.id}/epochs`, {
    epoch,
    sealedKeys,
    admit: admit.map((m) => m.userId),
    membershipEntry: toB64(membershipEntry),
  });
  state.keys.set(epoch, spaceKey);
  rerun = true;
}

/** Admits pending joiners whose keys carry a valid MAC from the invite secret; declines others. */
async function confirmJoins(state: SpaceState, r: KeyRing): Promise<void> {
  const spaceId = state.summary.id;
  const { invites } = await api<{ invites: InviteInfo[] }>('GET', `/api/spaces/${spaceId}/invites`);
  const admit: MemberKeys[] = [];
  for (const member of state.summary.members) {
    if (member.status !== 'pending' || !member.inviteId || !member.joinMac) continue;
    const invite = invites.find((i) => i.id === member.inviteId);
    const key = invite ? state.keys.get(invite.epoch) : undefined;
    if (!invite || !key) continue; // another member holds that epoch's key; they will confirm
    const keys = { x25519: fromB64(member.publicKeys.x25519), ed25519: fromB64(member.publicKeys.ed25519) };
    let valid = false;
    try {
      const secret = openInviteSecret({ spaceKey: key, spaceId, inviteId: invite.id, epoch: invite.epoch, sealed: fromB64(invite.sealedSecret) });
      valid = verifyInviteMac({ secret, inviteId: invite.id, spaceId, userId: member.userId, publicKeys: keys, mac: fromB64(member.joinMac) });
    } catch {
      valid = false;
    }
    if (valid) admit.push({ userId: member.userId, ...keys });
    else await api('DELETE', `/api/spaces/${spaceId}/members/${member.userId}`);
  }
  if (admit.length > 0) await rotate(state, r, admit);
}

/** After a key change, members who joined later cannot read my older profile: write it again. */
async function republishProfile(state: SpaceState, r: KeyRing): Promise<void> {
  const spaceId = state.summary.id;
  const alreadyQueued = queued.some((q) => q.entry.spaceId === spaceId && q.body.k === 'profile');
  const deferred = await getDevice<{ displayName: string; pronouns: string }>(DEFERRED_PROFILE_KEY(spaceId));
  if (deferred && !alreadyQueued) {
    await writeRecord(spaceId, { k: 'profile', v: 1, ...deferred });
    await deleteDevice(DEFERRED_PROFILE_KEY(spaceId));
    return;
  }
  const profile = state.profiles.get(r.userId);
  if (profile && profile.epoch < state.epoch && !alreadyQueued) {
    await writeRecord(spaceId, { k: 'profile', v: 1, displayName: profile.displayName, pronouns: profile.pronouns });
  }
  // The member who rotated also carries the space's name forward.
  const lastEntry = state.log.at(-1);
  const rotatedByMe = lastEntry?.authorId === r.userId;
  const nameQueued = queued.some((q) => q.entry.spaceId === spaceId && q.body.k === 'space-name');
  if (rotatedByMe && state.name && state.name.epoch < state.epoch && !nameQueued) {
    await writeRecord(spaceId, { k: 'space-name', v: 1, name: state.name.value });
  }
}

/** A profile set while still waiting to be admitted is written as soon as we hold the key. */
export async function deferProfile(spaceId: string, profile: { displayName: string; pronouns: string }): Promise<void> {
  await putDevice(DEFERRED_PROFILE_KEY(spaceId), profile);
  void syncNow();
}

// ---------------------------------------------------------------- departures

/**
 * My signed departure from a space, pointing at the newest entry of its history I know (the
 * others' apps remove me only on its strength). Undefined where I am not an active member: a
 * pending member is not in the history yet.
 */
export async function departureFrom(spaceId: string): Promise<string | undefined> {
  const r = ring;
  const state = states.get(spaceId);
  if (!r || !state) throw new ActionError('not-found');
  const mine = state.summary.members.find((m) => m.userId === r.userId);
  if (state.summary.kind !== 'shared' || mine?.status !== 'active') return undefined;
  let head = state.head;
  if (!head) {
    // The history did not verify here: leaving must still work, so point at the server's newest
    // entry (the statement only says that I leave; it vouches for nothing else).
    const detail = await api<SpaceResponse>('GET', `/api/spaces/${spaceId}`);
    const last = detail.membershipLog.at(-1);
    if (!last) throw new ActionError('membership-invalid');
    head = entryHash(fromB64(last.entry));
  }
  return toB64(signDeparture({ spaceId, userId: r.userId, head }, r.identity.ed25519.secretKey));
}

/** My departures from every shared space I am active in (account deletion), after a fresh sync. */
export async function departuresFromAll(): Promise<{ spaceId: string; departure: string }[]> {
  await syncNow();
  const out: { spaceId: string; departure: string }[] = [];
  for (const spaceId of [...states.keys()]) {
    const departure = await departureFrom(spaceId);
    if (departure) out.push({ spaceId, departure });
  }
  return out;
}

// ---------------------------------------------------------------- reads for actions

export function spaceState(spaceId: string): SpaceState | undefined {
  return states.get(spaceId);
}

/** My writes to a space still in the outbox (decrypted), oldest first: shown until acknowledged. */
export function queuedBodies(spaceId: string): { id: string; body: RecordBody; queuedAt: number }[] {
  return queued.filter((q) => q.entry.spaceId === spaceId).map((q) => ({ id: q.entry.id, body: q.body, queuedAt: q.entry.queuedAt }));
}

export function forgetSpace(spaceId: string): void {
  dropSpace(spaceId);
}

// ---------------------------------------------------------------- views

function publishSync(patch: Partial<typeof syncState.value>): void {
  syncState.value = { ...syncState.value, ...patch, pendingWrites: queued.length };
}

function publish(): void {
  const r = ring;
  if (!r) return;
  const views: SpaceView[] = [...states.values()]
    .sort((a, b) => (a.summary.kind === b.summary.kind ? a.summary.createdAt - b.summary.createdAt : a.summary.kind === 'personal' ? -1 : 1))
    .map((state) => toView(state, r));
  spaces.value = views;
  publishSync({});
  emit(changeListeners, 'changed');
}

function toView(state: SpaceState, r: KeyRing): SpaceView {
  const spaceId = state.summary.id;
  const profiles = new Map(state.profiles);
  let name = state.name?.value ?? null;
  for (const q of queued) {
    if (q.entry.spaceId !== spaceId) continue;
    if (q.body.k === 'profile') profiles.set(r.userId, { displayName: q.body.displayName, pronouns: q.body.pronouns, seq: Infinity, epoch: q.entry.epoch });
    if (q.body.k === 'space-name') name = q.body.name;
  }
  const mine = profiles.get(r.userId);
  return {
    id: spaceId,
    kind: state.summary.kind,
    name,
    members: state.summary.members.map((m) => {
      const profile = profiles.get(m.userId);
      return {
        userId: m.userId,
        isMe: m.userId === r.userId,
        status: m.status,
        displayName: profile?.displayName ?? null,
        pronouns: profile?.pronouns || null,
      };
    }),
    myProfile: mine ? { displayName: mine.displayName, pronouns: mine.pronouns } : null,
    integrityWarning: state.integrityWarning,
  };
}
