/**
 * Check-ins on top of the sync engine. A check-in is a record in my personal space (in full, only
 * I can read it); for every shared space I chose to share with, a copy with the two closeness
 * scores (and the note only if I shared that note) goes to that space's log, where the partners'
 * apps read it. Turning sharing off for a space stops new copies; nothing else is sent anywhere.
 * Everything works offline: writes go through the outbox and show at once.
 */
import type { Checkin } from './checkin.ts';
import { parseCheckin } from './checkin.ts';
import { deviceTimeZone } from '../../platform/calendar.ts';
import {
  DEFAULT_CHECKIN_SETTINGS,
  checkinSettings,
  checkinsReady,
  myCheckins,
  partnerCheckins,
  type CheckinActions,
  type CheckinSettingsView,
  type MyCheckin,
  type PartnerCheckins,
} from './store.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { personalSpaceId, shareableSpaces } from '../../spaces/my-spaces.ts';
import { memberName } from '../../spaces/names.ts';
import { followSync } from '../../sync/follow.ts';
import { engine } from '../../sync/index.ts';
import { checkinDocs, checkinKind, checkinSettingsKind } from './kinds.ts';
import { sameJson } from '../../platform/same-json.ts';
import { keyring } from '../../vault/keyring.ts';

/** Subscribes to the sync engine once; from then on the signals follow it. Idempotent. */
export const activate = followSync({ publish: () => publish(), reset });

function reset(): void {
  myCheckins.value = [];
  partnerCheckins.value = [];
  checkinSettings.value = DEFAULT_CHECKIN_SETTINGS;
  checkinsReady.value = false;
}

/** My settings: the latest saved, a queued change on top (so an offline change shows at once). */
function currentSettings(personalId: string): CheckinSettingsView {
  let view: CheckinSettingsView = DEFAULT_CHECKIN_SETTINGS;
  const state = engine.spaceState(personalId);
  const saved = state ? checkinDocs(state).settings : null;
  if (saved) view = { health: saved.health, shareWith: saved.shareWith, chosen: true };
  for (const q of engine.queuedOf(personalId, checkinSettingsKind)) view = { health: q.body.health, shareWith: q.body.shareWith, chosen: true };
  return view;
}

function mine(personalId: string, myId: string): MyCheckin[] {
  const out: MyCheckin[] = [];
  const state = engine.spaceState(personalId);
  if (state) {
    for (const doc of checkinDocs(state).checkins.values()) {
      if (doc.authorId === myId) out.push({ id: doc.id, checkin: doc.checkin, pending: false });
    }
  }
  for (const q of engine.queuedOf(personalId, checkinKind)) out.push({ id: q.id, checkin: q.body.checkin, pending: true });
  return out.sort((a, b) => a.checkin.at - b.checkin.at);
}

/**
 * Partners who share with me, across every shared space we both are active in. A check-in
 * shared in two spaces is the same moment (`at`) and appears once.
 */
function partners(): PartnerCheckins[] {
  const byUser = new Map<string, { name: string; checkins: Map<number, Checkin> }>();
  for (const space of shareableSpaces()) {
    const state = engine.spaceState(space.id);
    if (!state) continue;
    const active = new Map(space.members.filter((m) => !m.isMe && m.status === 'active').map((m) => [m.userId, m]));
    for (const doc of checkinDocs(state).checkins.values()) {
      const member = active.get(doc.authorId);
      if (!member) continue; // my own copies, or someone who has left
      let entry = byUser.get(doc.authorId);
      if (!entry) byUser.set(doc.authorId, (entry = { name: memberName(member), checkins: new Map() }));
      const previous = entry.checkins.get(doc.checkin.at);
      // The same moment shared twice: keep the copy that carries the shared note, if either does.
      if (!previous || (previous.note === undefined && doc.checkin.note !== undefined)) entry.checkins.set(doc.checkin.at, doc.checkin);
    }
  }
  return [...byUser.entries()]
    .map(([userId, { name, checkins }]) => ({ userId, name, checkins: [...checkins.values()].sort((a, b) => a.at - b.at) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

function publish(): void {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) return;
  const nextMine = mine(personalId, myId);
  const nextPartners = partners();
  const nextSettings = currentSettings(personalId);
  if (!sameJson(myCheckins.value, nextMine)) myCheckins.value = nextMine;
  if (!sameJson(partnerCheckins.value, nextPartners)) partnerCheckins.value = nextPartners;
  if (!sameJson(checkinSettings.value, nextSettings)) checkinSettings.value = nextSettings;
  checkinsReady.value = true;
}

export const actions: CheckinActions = {
  async checkIn(input) {
    const myId = keyring()?.userId;
    const personalId = personalSpaceId();
    if (!myId || !personalId) throw new ActionError('unauthenticated');
    const note = input.note?.trim();
    const checkin = parseCheckin({
      v: 1,
      at: Date.now(),
      tz: deviceTimeZone(),
      emotional: input.emotional,
      physical: input.physical,
      ...(input.energy !== undefined && { energy: input.energy }),
      ...(input.pain !== undefined && { pain: input.pain }),
      ...(input.stress !== undefined && { stress: input.stress }),
      ...(note && { note }),
    });
    if (!checkin) throw new ActionError('bad-request');
    const id = await engine.write(personalId, checkinKind, { checkin });

    // Partners see the two closeness scores only; the note goes along only when chosen for it.
    const shared: Checkin = { v: 1, at: checkin.at, tz: checkin.tz, emotional: checkin.emotional, physical: checkin.physical };
    if (input.shareNote && checkin.note !== undefined) shared.note = checkin.note;
    const settings = currentSettings(personalId);
    const targets = shareableSpaces().filter((s) => settings.shareWith.includes(s.id));
    for (const space of targets) await engine.write(space.id, checkinKind, { checkin: shared });
    publish();
    return { id };
  },

  async saveCheckinSettings({ health, shareWith, removeSharedFrom = [] }) {
    const myId = keyring()?.userId;
    const personalId = personalSpaceId();
    if (!myId || !personalId) throw new ActionError('unauthenticated');
    const known = new Set(shareableSpaces().map((s) => s.id));
    await engine.write(personalId, checkinSettingsKind, { health, shareWith: [...new Set(shareWith)].filter((id) => known.has(id)) });
    // Copies already shared in spaces I stop sharing with, when I choose to take them back.
    for (const spaceId of removeSharedFrom.filter((id) => known.has(id) && !shareWith.includes(id))) {
      await engine.deleteRecords(spaceId, engine.myRecordIds(spaceId, checkinKind));
    }
    publish();
  },
};
