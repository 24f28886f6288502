/**
 * Writes and the outbox: every write is encrypted and queued on the device before the network,
 * sent in order when online, and re-encrypted under the new key when the space moved to a new
 * epoch while it waited. Nothing is lost and the person never sees an error for a rotation.
 */
import { toB64 } from '../../shared/base64.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { decryptRecord, encryptRecord } from '../../crypto/records.ts';
import { call } from '../platform/api.ts';
import { ActionError } from '../platform/errors/action-error.ts';
import type { KeyRing } from '../vault/keyring.ts';
import { HOLD_CODES, type HeldReason, type QueuedWrite, type Session, type SyncDeps } from './context.ts';
import { applyDecoded, decodeRecord, encodeRecord, placementAllows, versionScope, type Decoded, type RecordKind } from './kinds.ts';
import type { OutboxEntry } from '../platform/local-db.ts';
import type { SpaceState } from './space-state.ts';

/**
 * The key to write under: the verified epoch's, or, in the moment between learning of a new
 * epoch and opening its key (mid-rotation), the newest key this device holds. The server refuses
 * a write under an old epoch (stale-epoch), so nothing is ever stored under it: the outbox
 * re-encrypts the write under the new key as soon as it opens.
 */
function newestKey(state: SpaceState): { epoch: number; key: Uint8Array } {
  const current = state.keys.get(state.epoch);
  if (current) return { epoch: state.epoch, key: current };
  const held = [...state.keys.keys()].filter((e) => e <= state.epoch).sort((a, b) => b - a)[0];
  if (held === undefined) throw new ActionError('rotation-required'); // not admitted yet: no key at all
  return { epoch: held, key: state.keys.get(held)! };
}

/** The next version of a mutable document: one past every version I know, synced or queued. */
function nextVersion(state: SpaceState, queued: readonly QueuedWrite[], def: RecordKind<any>, body: unknown, me: string): number | null {
  if (!def.mutable) return null;
  const scope = versionScope(def, body, me);
  let n = 0;
  for (const applied of state.versions.values()) if (applied.scope === scope) n = Math.max(n, applied.n);
  for (const q of queued) {
    if (q.entry.spaceId === state.summary.id && q.decoded.def === def && versionScope(def, q.decoded.body, me) === scope) n = Math.max(n, q.decoded.n ?? 0);
  }
  return n + 1;
}

function encrypt(ring: KeyRing, spaceId: string, recordId: string, epoch: number, key: Uint8Array, decoded: Decoded): Uint8Array {
  return encryptRecord({ spaceKey: key, spaceId, recordId, authorId: ring.userId, epoch, body: encodeRecord(decoded.def, decoded.body, decoded.n) });
}

export interface OutboxHooks {
  /** A sync is needed (a new key to fetch, or our view is stale). */
  requestSync(): void;
  scheduleRetry(): void;
  changed(): void;
  /** A server limit holds the outbox (null: it no longer does). */
  held(reason: HeldReason | null): void;
}

export function createOutbox(deps: SyncDeps, session: () => Session | null, hooks: OutboxHooks) {
  let flushing: { generation: number; promise: Promise<void>; again: boolean } | null = null;
  /**
   * The outbox sends in queuedAt order, and two writes made in the same millisecond must keep the
   * order they were made in (their ids, UUIDv7, are random within a millisecond): so queuedAt
   * only ever grows on this device.
   */
  let lastQueuedAt = 0;
  /**
   * Writes deleted while queued. A pass reads the outbox once, then sends entry by entry: one
   * deleted meanwhile must not go (it would live on the server, undeleted).
   */
  const cancelled = new Set<string>();
  /** The write on its way to the server now: deleting it waits for it, then deletes it there. */
  let sending: { id: string; done: Promise<void> } | null = null;

  /** Decrypts what the outbox holds at start, so queued writes show at once (even offline). */
  async function load(s: Session): Promise<void> {
    for (const entry of await deps.db.allOutbox()) {
      lastQueuedAt = Math.max(lastQueuedAt, entry.queuedAt);
      const key = s.states.get(entry.spaceId)?.keys.get(entry.epoch);
      if (!key) continue;
      try {
        const plain = decryptRecord({ spaceKey: key, spaceId: entry.spaceId, recordId: entry.id, authorId: s.ring.userId, epoch: entry.epoch, ciphertext: entry.ciphertext });
        const decoded = decodeRecord(plain);
        if (decoded) s.queued.push({ entry, decoded });
      } catch {
        // Not ours to read any more (another person's outbox on a shared device is wiped at sign-in).
      }
    }
  }

  /** Encrypts a record under the space's current epoch and queues it; sends it when online. */
  async function write<B>(spaceId: string, def: RecordKind<B>, body: B, deletes?: string[]): Promise<string> {
    const s = session();
    const state = s?.states.get(spaceId);
    if (!s || !state) throw new ActionError('not-found');
    if (!placementAllows(def.placement, state.summary.kind)) throw new ActionError('bad-request', `${def.kind} cannot live in a ${state.summary.kind} space`);
    const { epoch, key } = newestKey(state);
    const id = uuidv7();
    const decoded: Decoded = { def, body, n: nextVersion(state, s.queued, def, body, s.ring.userId) };
    const entry: OutboxEntry = {
      id,
      spaceId,
      epoch,
      ciphertext: encrypt(s.ring, spaceId, id, epoch, key, decoded),
      queuedAt: (lastQueuedAt = Math.max(deps.clock.now(), lastQueuedAt + 1)),
      ...(deletes ? { deletes } : {}),
    };
    await deps.db.putOutbox(entry);
    s.queued.push({ entry, decoded });
    hooks.changed();
    void flush();
    return id;
  }

  /**
   * Sends what the outbox holds. Called while a pass is under way, it asks for one more pass
   * after it (the running pass read the outbox before the new write was queued), and resolves
   * when that one is done too.
   */
  function flush(): Promise<void> {
    const s = session();
    if (!s) return Promise.resolve();
    if (flushing?.generation === s.generation) {
      flushing.again = true;
      return flushing.promise;
    }
    const current = { generation: s.generation, again: false, promise: Promise.resolve() };
    current.promise = (async () => {
      try {
        let finished: boolean;
        do {
          current.again = false;
          finished = await flushOnce(s);
        } while (finished && current.again && session() === s);
      } finally {
        if (flushing === current) flushing = null;
        hooks.changed();
      }
    })();
    flushing = current;
    return current.promise;
  }

  /** One pass over the outbox; false when it stopped early (offline, a key to wait for, signed out). */
  async function flushOnce(s: Session): Promise<boolean> {
    for (const entry of await deps.db.allOutbox()) {
      if (session() !== s) return false;
      if (cancelled.delete(entry.id)) continue;
      const sent = send(s, entry);
      sending = { id: entry.id, done: sent.then(noop, noop) };
      try {
        await sent;
        hooks.held(null);
      } catch (error) {
        if (deps.isTransient(error)) {
          hooks.scheduleRetry();
          return false;
        }
        const code = error instanceof ActionError ? error.code : 'internal';
        if ((HOLD_CODES as readonly string[]).includes(code)) {
          // Full, or too much at once (ADR 030): the write stays here and goes when there is room.
          hooks.held(code as HeldReason);
          hooks.scheduleRetry();
          return false;
        }
        if (code === 'stale-epoch' || code === 'rotation-required') {
          // The space moved to a new key (someone joined or left): re-encrypt under it once the
          // key is here. Nothing is lost.
          const outcome = await reencrypt(s, entry);
          if (outcome === 'resend') hooks.requestSync();
          else if (outcome === 'wait') hooks.scheduleRetry();
          return false;
        }
        // Refused for good (the space is gone, or we were removed): drop it.
        await deps.db.deleteOutbox(entry.id);
        s.queued = s.queued.filter((q) => q.entry.id !== entry.id);
      } finally {
        sending = null;
      }
    }
    return true;
  }

  /** Sends one write; once the server has it, it is cached and applied here as any record. */
  async function send(s: Session, entry: OutboxEntry): Promise<void> {
    const { seq } = await call(
      deps.client.api.spaces[':spaceId'].records.$post({
        param: { spaceId: entry.spaceId },
        json: { id: entry.id, epoch: entry.epoch, ciphertext: toB64(entry.ciphertext), ...(entry.deletes ? { deletes: entry.deletes } : {}) },
      }),
    );
    // Cache it now, not at the next pull, so a reload (even offline) still shows it.
    const createdAt = deps.clock.now();
    await deps.db.putRecords([{ spaceId: entry.spaceId, seq, id: entry.id, authorId: s.ring.userId, epoch: entry.epoch, ciphertext: entry.ciphertext, createdAt }]);
    await deps.db.deleteOutbox(entry.id);
    const state = s.states.get(entry.spaceId);
    const item = s.queued.find((q) => q.entry.id === entry.id);
    if (state && item) {
      state.applied.set(entry.id, { authorId: s.ring.userId, kind: item.decoded.def.kind });
      applyDecoded(state, item.decoded, { id: entry.id, authorId: s.ring.userId, seq, epoch: entry.epoch, createdAt });
    }
    s.queued = s.queued.filter((q) => q.entry.id !== entry.id);
  }

  /**
   * Re-encrypts a refused write under the space's current key. 'wait': the new key (or our own
   * rotation) is not there yet; 'resend': re-encrypted, send it again; 'dropped': it can never be
   * re-encrypted (its plaintext did not survive on this device), so it is removed.
   */
  async function reencrypt(s: Session, entry: OutboxEntry): Promise<'resend' | 'wait' | 'dropped'> {
    const state = s.states.get(entry.spaceId);
    if (!state) return 'wait';
    const item = s.queued.find((q) => q.entry.id === entry.id);
    if (!item) {
      await deps.db.deleteOutbox(entry.id);
      return 'dropped';
    }
    const epoch = state.epoch;
    const key = state.keys.get(epoch);
    if (!key || state.summary.needsRotation || epoch === entry.epoch) {
      // Refused, yet by our view this epoch is current and needs no rotation: our view is stale
      // (someone rotated since), and a sync settles it. Otherwise the epoch event, our own
      // rotation in the running sync, or the bounded retry brings the key; no tight loop.
      if (epoch === entry.epoch && !state.summary.needsRotation) hooks.requestSync();
      return 'wait';
    }
    const next: OutboxEntry = { ...entry, epoch, ciphertext: encrypt(s.ring, entry.spaceId, entry.id, epoch, key, item.decoded) };
    await deps.db.putOutbox(next);
    item.entry = next;
    return 'resend';
  }

  /** Cancels queued writes that were never sent (deleted before they left the device). */
  async function cancel(s: Session, ids: readonly string[]): Promise<number> {
    // One already on its way: let it land, and the caller deletes it from the server like any
    // record of mine (a tombstone), since it now has one there.
    if (sending && ids.includes(sending.id)) await sending.done;
    const dropped = s.queued.filter((q) => ids.includes(q.entry.id));
    for (const q of dropped) cancelled.add(q.entry.id);
    for (const q of dropped) await deps.db.deleteOutbox(q.entry.id);
    s.queued = s.queued.filter((q) => !ids.includes(q.entry.id));
    return dropped.length;
  }

  /** Forgets the queued writes of a space (left, removed or deleted). */
  async function dropSpace(s: Session, spaceId: string): Promise<void> {
    s.queued = s.queued.filter((q) => q.entry.spaceId !== spaceId);
    const entries = await deps.db.allOutbox();
    await Promise.all(entries.filter((e) => e.spaceId === spaceId).map((e) => deps.db.deleteOutbox(e.id)));
  }

  return { load, write, flush, cancel, dropSpace };
}

function noop(): void {}
