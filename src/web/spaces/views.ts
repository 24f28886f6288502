/**
 * What the screens see of spaces: the engine's verified state turned into SpaceView signals
 * (names from the members' profiles, my queued changes on top), and the sync status. Also the
 * spaces' own chores: a profile set while waiting to be admitted is written once admitted, and
 * after a key change my profile (and, for the member who rotated, the space's name) is written
 * again so that members who joined later can read it.
 */
import { followSync } from '../sync/follow.ts';
import { engine } from '../sync/index.ts';
import type { SpaceState } from '../sync/space-state.ts';
import { removedSpaceIds, spaces } from './store.ts';
import { syncState } from '../sync/status.ts';
import type { SpaceView } from './types.ts';
import { profileKind, spaceDocs, spaceNameKind } from './kinds.ts';

const DEFERRED_PROFILE_KEY = (spaceId: string) => `deferred-profile:${spaceId}`;

const follow = followSync({
  publish: () => publish(),
  reset() {
    spaces.value = [];
    syncState.value = { ...engine.status() };
  },
  onLiveEvent(event) {
    if (event.type === 'removed') {
      removedSpaceIds.value = new Set([...removedSpaceIds.value, event.spaceId]);
      void engine.db.deleteDevice(DEFERRED_PROFILE_KEY(event.spaceId));
    }
  },
});

/** Follows the engine from now on (idempotent). */
export function activateSpaces(): void {
  if (follow()) engine.addChore(republishProfile);
}

function publish(): void {
  const myId = engine.userId();
  if (!myId) return;
  spaces.value = engine
    .states()
    .sort((a, b) => (a.summary.kind === b.summary.kind ? a.summary.createdAt - b.summary.createdAt : a.summary.kind === 'personal' ? -1 : 1))
    .map((state) => toView(state, myId));
  syncState.value = { ...engine.status() };
}

function toView(state: SpaceState, myId: string): SpaceView {
  const spaceId = state.summary.id;
  const docs = spaceDocs(state);
  const profiles = new Map(docs.profiles);
  let name = docs.name?.value ?? null;
  for (const q of engine.queuedOf(spaceId, profileKind)) profiles.set(myId, { ...q.body, epoch: state.epoch });
  for (const q of engine.queuedOf(spaceId, spaceNameKind)) name = q.body.name;
  const mine = profiles.get(myId);
  return {
    id: spaceId,
    kind: state.summary.kind,
    name,
    members: state.summary.members.map((m) => {
      const profile = profiles.get(m.userId);
      return {
        userId: m.userId,
        isMe: m.userId === myId,
        status: m.status,
        displayName: profile?.displayName ?? null,
        pronouns: profile?.pronouns || null,
      };
    }),
    myProfile: mine ? { displayName: mine.displayName, pronouns: mine.pronouns } : null,
    integrityWarning: state.integrityWarning,
  };
}

/** A profile set while still waiting to be admitted is written as soon as we hold the key. */
export async function deferProfile(spaceId: string, profile: { displayName: string; pronouns: string }): Promise<void> {
  await engine.db.putDevice(DEFERRED_PROFILE_KEY(spaceId), profile);
  void engine.syncNow();
}

/** After a key change, members who joined later cannot read my older profile: write it again. */
async function republishProfile(state: SpaceState): Promise<void> {
  const myId = engine.userId();
  if (!myId) return;
  const spaceId = state.summary.id;
  const alreadyQueued = engine.queuedOf(spaceId, profileKind).length > 0;
  const deferred = await engine.db.getDevice<{ displayName: string; pronouns: string }>(DEFERRED_PROFILE_KEY(spaceId));
  if (deferred && !alreadyQueued) {
    await engine.write(spaceId, profileKind, deferred);
    await engine.db.deleteDevice(DEFERRED_PROFILE_KEY(spaceId));
    return;
  }
  const docs = spaceDocs(state);
  const profile = docs.profiles.get(myId);
  if (profile && profile.epoch < state.epoch && !alreadyQueued) {
    await engine.write(spaceId, profileKind, { displayName: profile.displayName, pronouns: profile.pronouns });
  }
  // The member who rotated also carries the space's name forward.
  const rotatedByMe = state.history.at(-1)?.by === myId;
  const nameQueued = engine.queuedOf(spaceId, spaceNameKind).length > 0;
  if (rotatedByMe && docs.name && docs.name.epoch < state.epoch && !nameQueued) {
    await engine.write(spaceId, spaceNameKind, { name: docs.name.value });
  }
}
