/**
 * The sync engine: keeps one person's device in step with the server. Built from its
 * dependencies (`createSyncEngine({ client, db, clock, live, network, ... })`), so the same code runs
 * in the browser and in Node tests against a real server; each job lives in its own module:
 *   pull.ts               pull by cursor, decrypt, apply through the record-kind registry
 *   outbox.ts             writes, the outbox, re-encryption after a rotation
 *   membership-chores.ts  verify membership, confirm joiners, rotate, sign departures
 *   live-plan.ts          what a live notice asks for (one space, its membership, or everything)
 * Sync knows no record kind and no feature: features register their kinds (kinds.ts) and follow
 * the engine through its change and live-event listeners.
 */
import type { DepartureInfo, LiveEvent, MembershipLogEntry, SpaceSummary } from '../../shared/api.ts';
import { ActionError } from '../platform/errors/action-error.ts';
import type { KeyRing } from '../vault/keyring.ts';
import { call } from '../platform/api.ts';
import type { QueuedWrite, Session, SyncDeps, SyncStatus } from './context.ts';
import { planFor } from './live-plan.ts';
import { checkJoiners, departureFrom, refreshMembership, rotate } from './membership-chores.ts';
import { createOutbox } from './outbox.ts';
import { applyRecords, pullSpace } from './pull.ts';
import { emptySpaceState, isDeleted, openKeys, verifyMembership, withoutDocuments, type SpaceState } from './space-state.ts';
import { tombstoneKind } from './tombstones.ts';
import { registerKinds, type RecordKind } from './kinds.ts';
import { MAX_TOMBSTONE_TARGETS, signTombstone } from '../../crypto/tombstone.ts';
import { toB64 } from '../../shared/base64.ts';

const RETRY_DELAY_MS = 5_000;
const FIRST_SYNC_WAIT_MS = 3_000;
const SNAPSHOT_KEY = 'spaces';

interface Snapshot {
  userId: string;
  /** `cursor`: the last seq pulled in order. The cache may also hold later records this device
   * wrote itself, so the cursor is kept here rather than derived from the cache. */
  spaces: { summary: SpaceSummary; log: MembershipLogEntry[]; departures?: DepartureInfo[]; cursor?: number }[];
}

/** 'synced': a full sync finished; 'changed': documents, the outbox or the status changed; 'stopped': signed out or locked. */
export type EngineChange = 'synced' | 'changed' | 'stopped';

/**
 * A chore a module outside sync runs for each shared space I am an active member of, after
 * the membership chores (spaces republishes my profile after a key change, for example).
 */
export type SpaceChore = (state: SpaceState, engine: SyncEngine) => Promise<void>;

/** What a sync pass has to do: everything (the list of spaces), or some spaces. */
interface Work {
  all: boolean;
  /** spaceId -> whether its membership must be read again. */
  spaces: Map<string, boolean>;
}

export function createSyncEngine(deps: SyncDeps) {
  registerKinds(tombstoneKind);
  let session: Session | null = null;
  let generation = 0;
  let status: SyncStatus = { online: deps.network.online(), live: false, pendingWrites: 0, lastSyncedAt: null };
  let live: { close(): void } | null = null;
  let retryTimer: unknown = null;
  let unsubscribeNetwork: (() => void) | null = null;
  let work: Work = { all: false, spaces: new Map() };
  let running: { generation: number; promise: Promise<void> } | null = null;
  const liveListeners = new Set<(event: LiveEvent) => void>();
  const changeListeners = new Set<(change: EngineChange) => void>();
  const chores = new Set<SpaceChore>();

  const outbox = createOutbox(deps, () => session, {
    requestSync: () => request({ all: true }),
    scheduleRetry,
    changed: () => publish(),
    held: (reason) => {
      if ((status.heldBy ?? null) === reason) return;
      setStatus({ heldBy: reason });
      publish();
    },
  });

  function emit<T>(listeners: Set<(value: T) => void>, value: T): void {
    for (const listener of listeners) {
      try {
        listener(value);
      } catch (error) {
        deps.warn?.(`engine listener failed: ${(error as Error).message}`);
      }
    }
  }

  function setStatus(patch: Partial<SyncStatus>): void {
    status = { ...status, ...patch, pendingWrites: session?.queued.length ?? 0 };
  }

  function publish(): void {
    if (!session) return;
    setStatus({});
    emit(changeListeners, 'changed');
  }

  // ---------------------------------------------------------------- lifecycle

  async function start(ring: KeyRing): Promise<void> {
    stop();
    const s: Session = { ring, generation: ++generation, states: new Map(), queued: [] };
    session = s;
    await loadFromDevice(s);
    if (session !== s) return;
    publish();
    unsubscribeNetwork = deps.network.subscribe((online) => {
      if (online) {
        setStatus({ online: true });
        connectLive();
        request({ all: true });
      } else {
        setStatus({ online: false, live: false });
        publish();
      }
    });
    connectLive();
    const first = syncNow();
    // With nothing cached (a new device), wait a little for the first sync so the first screen
    // shows the person's spaces rather than an empty list that fills in a moment later.
    if (s.states.size === 0) await Promise.race([first, new Promise((r) => deps.clock.setTimeout(() => r(undefined), FIRST_SYNC_WAIT_MS))]);
  }

  function stop(): void {
    generation++;
    const wasRunning = session !== null;
    session = null;
    work = { all: false, spaces: new Map() };
    live?.close();
    live = null;
    if (retryTimer !== null) deps.clock.clearTimeout(retryTimer);
    retryTimer = null;
    unsubscribeNetwork?.();
    unsubscribeNetwork = null;
    status = { online: deps.network.online(), live: false, pendingWrites: 0, lastSyncedAt: null };
    if (wasRunning) emit(changeListeners, 'stopped');
  }

  /** Lets the browser draw and take input before the next piece of work. */
  function breathe(): Promise<void> {
    return new Promise((resolve) => deps.clock.setTimeout(() => resolve(), 0));
  }

  /** Loads the encrypted cache so the app works offline and shows something at once. */
  async function loadFromDevice(s: Session): Promise<void> {
    const snapshot = await deps.db.getDevice<Snapshot>(SNAPSHOT_KEY);
    if (snapshot?.userId === s.ring.userId) {
      for (const { summary, log, departures, cursor } of snapshot.spaces) {
        const state = emptySpaceState(summary);
        state.cursor = cursor ?? 0;
        try {
          verifyMembership(state, log, departures ?? []);
          state.departures = departures ?? [];
        } catch {
          state.integrityWarning = 'membership';
        }
        // Checking the signatures, opening the keys and reading the records are each a few
        // milliseconds of a phone's main thread: give it back between them, so a tap or a frame
        // is never kept waiting for all of them (Lighthouse counts such waits as blocking time).
        await breathe();
        if (session !== s) return;
        openKeys(state, s.ring);
        s.states.set(summary.id, state);
        applyRecords(state, await deps.db.recordsOf(summary.id));
        await breathe();
        if (session !== s) return;
        if (state.needsRebuild) await rebuild(s, state);
      }
    }
    await outbox.load(s);
  }

  function connectLive(): void {
    if (live || !session) return;
    const s = session;
    live = deps.live.open({
      onOpen() {
        setStatus({ live: true, online: true });
        request({ all: true });
      },
      onError() {
        setStatus({ live: false });
        publish();
      },
      onClosed() {
        // The stream stopped for good (EventSource retries by itself while the server answers).
        live = null;
        setStatus({ live: false });
        if (session === s) scheduleRetry();
      },
      onEvent(event) {
        if (session !== s) return;
        handleLive(event);
      },
    });
  }

  function handleLive(event: LiveEvent): void {
    const plan = planFor(event, session?.states.has(event.spaceId) ?? false);
    if (plan.drop) dropSpace(event.spaceId);
    emit(liveListeners, event);
    if (plan.sync === 'all') request({ all: true });
    else if (plan.sync === 'space') request({ spaceId: event.spaceId, membership: plan.membership });
  }

  function scheduleRetry(): void {
    if (retryTimer !== null || !session) return;
    retryTimer = deps.clock.setTimeout(() => {
      retryTimer = null;
      connectLive();
      request({ all: true });
    }, RETRY_DELAY_MS);
  }

  // ---------------------------------------------------------------- scheduling

  /** Adds work for the sync loop (calls made while it runs coalesce into its next pass). */
  function request(what: { all: true } | { spaceId: string; membership: boolean }): Promise<void> {
    if (!session) return Promise.resolve();
    if ('all' in what) work.all = true;
    else work.spaces.set(what.spaceId, (work.spaces.get(what.spaceId) ?? false) || what.membership);
    return drain();
  }

  /** Runs a full sync; resolves when the sync loop has nothing left to do. */
  function syncNow(): Promise<void> {
    return request({ all: true });
  }

  function drain(): Promise<void> {
    const s = session;
    if (!s) return Promise.resolve();
    if (running?.generation === s.generation) return running.promise;
    const promise = (async () => {
      while (session === s && (work.all || work.spaces.size > 0)) {
        const pass = work;
        work = { all: false, spaces: new Map() };
        try {
          if (pass.all) await syncAll(s);
          else for (const [spaceId, membership] of pass.spaces) await syncSpace(s, spaceId, membership);
          if (session !== s) return;
          await outbox.flush();
          setStatus({ lastSyncedAt: deps.clock.now(), online: true });
          publish();
          if (pass.all) emit(changeListeners, 'synced');
        } catch (error) {
          if (deps.isTransient(error)) {
            setStatus({ online: deps.network.online() });
            publish();
            scheduleRetry();
            return;
          }
          deps.warn?.(`sync failed: ${(error as Error).message}`);
        }
      }
    })().finally(() => {
      if (running?.generation === s.generation) running = null;
      // Work requested from a promise callback that ran after the loop's last check but before
      // this line found `running` still set and was left queued: run it now, or it would wait for
      // the next notice (a joiner left unconfirmed). Not while a retry is pending (offline).
      if (session === s && retryTimer === null && (work.all || work.spaces.size > 0)) void drain();
    });
    running = { generation: s.generation, promise };
    return promise;
  }

  // ---------------------------------------------------------------- sync passes

  /** The list of spaces, then each space: membership when it changed, keys, records, chores. */
  async function syncAll(s: Session): Promise<void> {
    const { spaces: summaries } = await call(deps.client.api.spaces.$get());
    if (session !== s) return;
    const listed = new Set(summaries.map((x) => x.id));
    for (const id of [...s.states.keys()]) if (!listed.has(id)) dropSpace(id);
    for (const summary of summaries) {
      const previous = s.states.get(summary.id);
      const state = previous ?? emptySpaceState(summary);
      const changed = !previous || previous.summary.epoch !== summary.epoch || memberSignature(previous.summary) !== memberSignature(summary);
      state.summary = summary;
      s.states.set(summary.id, state);
      await refreshSpace(s, state, changed || state.log.length === 0);
      if (session !== s) return;
    }
    await saveSnapshot(s);
    for (const state of s.states.values()) await runChores(s, state);
  }

  /** One space, after a live notice about it. */
  async function syncSpace(s: Session, spaceId: string, membership: boolean): Promise<void> {
    const state = s.states.get(spaceId);
    if (!state) return syncAll(s);
    const current = await refreshSpace(s, state, membership);
    if (session !== s) return;
    await saveSnapshot(s);
    await runChores(s, current);
  }

  /** Membership (when asked), keys, records; returns the space's state (rebuilt after a deletion). */
  async function refreshSpace(s: Session, state: SpaceState, membership: boolean): Promise<SpaceState> {
    if (membership) await refreshMembership(deps, state);
    const before = state.keys.size;
    openKeys(state, s.ring);
    if (state.keys.size !== before) applyRecords(state, await deps.db.recordsOf(state.summary.id));
    await pullSpace(deps, state, s.ring.userId);
    return state.needsRebuild ? rebuild(s, state) : state;
  }

  /**
   * After a deletion reached something already applied: the space's documents again from the
   * device cache, without what was deleted (which also leaves the cache, tombstones stay).
   */
  async function rebuild(s: Session, state: SpaceState): Promise<SpaceState> {
    const fresh = withoutDocuments(state);
    const cached = await deps.db.recordsOf(state.summary.id);
    await deps.db.deleteRecords(
      state.summary.id,
      cached.filter((r) => isDeleted(fresh, r)).map((r) => r.id),
    );
    applyRecords(fresh, cached);
    fresh.needsRebuild = false;
    if (s.states.get(state.summary.id) === state) s.states.set(state.summary.id, fresh);
    return fresh;
  }

  function memberSignature(summary: SpaceSummary): string {
    return summary.members.map((m) => `${m.userId}:${m.status}`).sort().join(',');
  }

  async function saveSnapshot(s: Session): Promise<void> {
    const snapshot: Snapshot = {
      userId: s.ring.userId,
      spaces: [...s.states.values()].map((x) => ({ summary: x.summary, log: x.log, departures: x.departures, cursor: x.cursor })),
    };
    await deps.db.putDevice(SNAPSHOT_KEY, snapshot);
  }

  function dropSpace(spaceId: string): void {
    const s = session;
    if (!s) return;
    s.states.delete(spaceId);
    void outbox.dropSpace(s, spaceId);
    void deps.db.deleteRecordsOf(spaceId);
    publish();
  }

  // ---------------------------------------------------------------- membership chores

  async function runChores(s: Session, state: SpaceState): Promise<void> {
    const summary = state.summary;
    const mine = summary.members.find((m) => m.userId === s.ring.userId);
    if (summary.kind !== 'shared' || mine?.status !== 'active' || state.integrityWarning === 'membership') return;
    try {
      if (summary.needsRotation) {
        if (await rotate(deps, s.ring, state, [])) request({ spaceId: summary.id, membership: true });
        return;
      }
      if (summary.members.some((m) => m.status === 'pending')) {
        const admit = await checkJoiners(deps, state);
        if (admit.length > 0) {
          await rotate(deps, s.ring, state, admit);
          request({ spaceId: summary.id, membership: true });
          return;
        }
      }
      for (const chore of chores) await chore(state, engine);
    } catch (error) {
      // Another member's device did it first (epoch-conflict): read the space again.
      if (error instanceof ActionError && (error.code === 'epoch-conflict' || error.code === 'members-mismatch')) {
        request({ spaceId: summary.id, membership: true });
      } else throw error;
    }
  }

  // ---------------------------------------------------------------- the engine's interface

  const engine = {
    start,
    stop,
    syncNow,
    /** Encrypts a record of `def` and queues it (works offline). Returns the record id. */
    write<B>(spaceId: string, def: RecordKind<B>, body: B): Promise<string> {
      return outbox.write(spaceId, def, body);
    },
    flush: () => outbox.flush(),
    /**
     * Deletes records I wrote in a space: a signed tombstone goes through the outbox (the server
     * deletes them as it stores it; other devices when they sync) and they leave this device's
     * documents at once. Writes still in the outbox are simply cancelled. Others' records are
     * left alone (only the author can delete). Returns how many were deleted.
     */
    async deleteRecords(spaceId: string, ids: readonly string[]): Promise<number> {
      const s = session;
      const state = s?.states.get(spaceId);
      if (!s || !state) throw new ActionError('not-found');
      const me = s.ring.userId;
      let count = await outbox.cancel(s, ids);
      const mine = [...new Set(ids)].filter((id) => state.applied.get(id)?.authorId === me);
      for (let i = 0; i < mine.length; i += MAX_TOMBSTONE_TARGETS) {
        const targets = mine.slice(i, i + MAX_TOMBSTONE_TARGETS);
        const sig = toB64(signTombstone({ spaceId, authorId: me, recordIds: targets, signingKey: s.ring.identity.ed25519.secretKey }));
        await outbox.write(spaceId, tombstoneKind, { targets, sig }, targets);
        for (const id of targets) state.tombstoned.set(id, me);
        count += targets.length;
      }
      if (mine.length > 0) await rebuild(s, state);
      publish();
      return count;
    },
    /**
     * Removes another member from a shared space, on purpose (a confirmed choice in the app):
     * a new key sealed to everyone else, with a signed entry that leaves them out. They lose
     * access at once; what they already saw stays with them.
     */
    async removeMember(spaceId: string, userId: string): Promise<void> {
      const s = session;
      if (!s || !s.states.has(spaceId)) throw new ActionError('not-found');
      for (let attempt = 1; ; attempt++) {
        await request({ spaceId, membership: true });
        const state = s.states.get(spaceId);
        if (!state || session !== s) throw new ActionError('not-found');
        if (state.integrityWarning === 'membership') throw new ActionError('membership-invalid');
        if (userId === s.ring.userId || !state.logMembers.some((m) => m.userId === userId)) throw new ActionError('not-found');
        try {
          if (!(await rotate(deps, s.ring, state, [], [userId]))) throw new ActionError('membership-invalid');
          break;
        } catch (error) {
          // Someone else changed the space at that moment: read it again and try once more.
          if (attempt < 2 && error instanceof ActionError && ['epoch-conflict', 'members-mismatch'].includes(error.code)) continue;
          throw error;
        }
      }
      await request({ spaceId, membership: true });
    },
    /** The ids of my records of `def` in a space, as applied on this device (to delete them). */
    myRecordIds(spaceId: string, def: RecordKind<any>): string[] {
      const s = session;
      const state = s?.states.get(spaceId);
      if (!s || !state) return [];
      return [...state.applied].filter(([, r]) => r.kind === def.kind && r.authorId === s.ring.userId).map(([id]) => id);
    },
    spaceState(spaceId: string): SpaceState | undefined {
      return session?.states.get(spaceId);
    },
    states(): SpaceState[] {
      return session ? [...session.states.values()] : [];
    },
    /** My writes of `def` to a space still in the outbox, oldest first: shown until acknowledged. */
    queuedOf<B>(spaceId: string, def: RecordKind<B>): { id: string; body: B; n: number | null; queuedAt: number }[] {
      return (session?.queued ?? [])
        .filter((q: QueuedWrite) => q.entry.spaceId === spaceId && q.decoded.def === def)
        .map((q) => ({ id: q.entry.id, body: q.decoded.body as B, n: q.decoded.n, queuedAt: q.entry.queuedAt }));
    },
    forgetSpace: dropSpace,
    status: (): SyncStatus => status,
    userId: (): string | null => session?.ring.userId ?? null,
    /** My signed departure from a space (see membership-chores.ts). */
    async departureFrom(spaceId: string, options: { erase: boolean }): Promise<string | undefined> {
      const s = session;
      const state = s?.states.get(spaceId);
      if (!s || !state) throw new ActionError('not-found');
      return departureFrom(deps, s.ring, state, options.erase);
    },
    /** My erasing departures from every shared space I am active in (account deletion), after a fresh sync. */
    async departuresFromAll(): Promise<{ spaceId: string; departure: string }[]> {
      await syncNow();
      const s = session;
      if (!s) throw new ActionError('not-found');
      const out: { spaceId: string; departure: string }[] = [];
      for (const state of s.states.values()) {
        const departure = await departureFrom(deps, s.ring, state, true);
        if (departure) out.push({ spaceId: state.summary.id, departure });
      }
      return out;
    },
    /** Calls `listener` with every event of the live stream. Returns a function that unsubscribes. */
    onLiveEvent(listener: (event: LiveEvent) => void): () => void {
      liveListeners.add(listener);
      return () => liveListeners.delete(listener);
    },
    /** Calls `listener` after every full sync, every change, and on stop. */
    onChange(listener: (change: EngineChange) => void): () => void {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    addChore(chore: SpaceChore): void {
      chores.add(chore);
    },
    /** The device database this engine caches into (modules outside sync keep small items there). */
    db: deps.db,
  };
  return engine;
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
