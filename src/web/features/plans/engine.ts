/**
 * Plans and moments on top of the sync engine. Rhythms, plans, answers and moments are records in
 * the place (shared, or my personal space for "Just me"); "How was it?" and favourites are records
 * in my personal space. My writes still in the outbox show at once (offline too): they are applied
 * to a copy of the place's documents with the kinds' own apply.
 */
import { effect } from '@preact/signals';
import { ActionError } from '../../platform/errors/action-error.ts';
import { calendarDay, deviceTimeZone } from '../../platform/calendar.ts';
import { sameJson } from '../../platform/same-json.ts';
import { personalSpaceId, shareableSpaces } from '../../spaces/my-spaces.ts';
import { memberName } from '../../spaces/names.ts';
import { spaces } from '../../spaces/store.ts';
import type { SpaceView } from '../../spaces/types.ts';
import { followSync } from '../../sync/follow.ts';
import { engine } from '../../sync/index.ts';
import type { RecordKind } from '../../sync/kinds.ts';
import type { SpaceState } from '../../sync/space-state.ts';
import { keyring } from '../../vault/keyring.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import {
  afterKind,
  energyKind,
  favouriteKind,
  momentKind,
  ownIdeaKind,
  planKind,
  plansDocs,
  plansKinds,
  responseKind,
  rhythmKind,
  type PlanDoc,
  type PlansDocs,
} from './kinds.ts';
import { favouriteIdeas, plansBySpace, plansReady, type PlansActions } from './store.ts';
import { scheduleReminder } from './reminders.ts';
import { planView, spacePlans, type MemberLite, type SpacePlans } from './views.ts';

let stopWatchingSpaces: (() => void) | null = null;

export const activate = followSync({
  publish: () => {
    publish();
    // Members and names come from spaces' views: follow them too.
    stopWatchingSpaces ??= effect(() => {
      void spaces.value;
      publish();
    });
  },
  reset,
});

function reset(): void {
  plansBySpace.value = {};
  favouriteIdeas.value = [];
  plansReady.value = false;
}

/** A place's documents with my queued writes applied on top (a copy: the engine's state is left alone). */
function docsOf(spaceId: string, myId: string): PlansDocs {
  const state = engine.spaceState(spaceId);
  const base = state ? plansDocs(state) : null;
  const scratch = {} as SpaceState;
  const docs = plansDocs(scratch);
  if (base) {
    for (const [k, v] of base.rhythms) docs.rhythms.set(k, v);
    for (const [k, v] of base.plans) docs.plans.set(k, v);
    for (const [k, v] of base.responses) docs.responses.set(k, v);
    for (const [k, v] of base.after) docs.after.set(k, v);
    for (const [k, v] of base.moments) docs.moments.set(k, v);
    for (const [k, v] of base.energy) docs.energy.set(k, v);
    for (const v of base.favourites) docs.favourites.add(v);
    for (const [k, v] of base.ownIdeas) docs.ownIdeas.set(k, v);
  }
  for (const def of plansKinds as RecordKind<unknown>[]) {
    for (const q of engine.queuedOf(spaceId, def)) {
      const meta = { id: q.id, authorId: myId, seq: Number.MAX_SAFE_INTEGER, epoch: 0, createdAt: q.queuedAt, n: q.n ?? 0 };
      (def.apply as (s: SpaceState, b: unknown, m: typeof meta) => void)(scratch, q.body, meta);
    }
  }
  return docs;
}

function membersOf(space: SpaceView): MemberLite[] {
  return space.members.filter((m) => m.status === 'active').map((m) => ({ userId: m.userId, name: memberName(m), isMe: m.isMe }));
}

function myPlaces(): SpaceView[] {
  const personalId = personalSpaceId();
  const personal = spaces.value.filter((s) => s.id === personalId);
  return [...personal, ...shareableSpaces()];
}

function publish(): void {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) return;
  const mine = docsOf(personalId, myId);
  const afterDone = new Set(mine.after.keys());
  const now = Date.now();
  const next: Record<string, SpacePlans> = {};
  for (const space of myPlaces()) {
    const docs = space.id === personalId ? mine : docsOf(space.id, myId);
    next[space.id] = spacePlans(
      {
        members: membersOf(space),
        rhythms: docs.rhythms.values(),
        plans: docs.plans.values(),
        responses: docs.responses,
        moments: docs.moments.values(),
        energy: docs.energy.values(),
        ownIdeas: docs.ownIdeas.values(),
        afterDone,
      },
      now,
    );
  }
  const favourites = [...mine.favourites].sort();
  if (!sameJson(plansBySpace.value, next)) plansBySpace.value = next;
  if (!sameJson(favouriteIdeas.value, favourites)) favouriteIdeas.value = favourites;
  plansReady.value = true;
}

/**
 * The day a rhythm starts: today, or for a rhythm on one weekday the next such day (so "every
 * other week" counts its weeks from the first date itself). Plain calendar days, no zone.
 */
function firstDay(today: string, every: string, weekday: number): string {
  if (every === 'day' || every === 'weekday') return today;
  const d = new Date(`${today}T00:00:00Z`);
  const iso = ((d.getUTCDay() + 6) % 7) + 1;
  d.setUTCDate(d.getUTCDate() + ((weekday - iso + 7) % 7));
  return d.toISOString().slice(0, 10);
}

function signedIn(): { myId: string; personalId: string } {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) throw new ActionError('unauthenticated');
  return { myId, personalId };
}

/** A place I may write plans to: my personal space or a shared one I am active in. */
function placeOf(spaceId: string): SpaceView {
  const space = myPlaces().find((s) => s.id === spaceId);
  if (!space) throw new ActionError('not-found');
  return space;
}

function planOf(spaceId: string, planId: string, myId: string): PlanDoc {
  const plan = docsOf(spaceId, myId).plans.get(planId);
  if (!plan) throw new ActionError('not-found');
  return plan;
}

/** Sets, moves or removes the plan's reminder from this device's view of it (after the write). */
function remind(spaceId: string, planId: string): void {
  const myId = keyring()?.userId;
  const space = myPlaces().find((s) => s.id === spaceId);
  if (!myId || !space) return;
  const docs = docsOf(spaceId, myId);
  const plan = docs.plans.get(planId);
  if (plan) void scheduleReminder(spaceId, planView(plan, membersOf(space), docs.responses));
}

/** A plan's body as written (a new version keeps every field it had). */
function planBody(plan: PlanDoc) {
  const { id, changedBy: _c, n: _n, ...rest } = plan;
  return { plan: id, ...rest };
}

export const actions: PlansActions = {
  async keepRhythm(spaceId, input) {
    const { myId } = signedIn();
    placeOf(spaceId);
    const id = input.rhythm ?? uuidv7();
    if (input.rhythm && !docsOf(spaceId, myId).rhythms.has(input.rhythm)) throw new ActionError('not-found');
    const tz = deviceTimeZone();
    await engine.write(spaceId, rhythmKind, {
      rhythm: id,
      kind: input.kind,
      every: input.every,
      weekday: input.weekday,
      time: input.time,
      tz,
      minutes: input.minutes,
      // The rule counts from today, in the zone of whoever set it.
      start: firstDay(calendarDay(Date.now(), tz), input.every, input.weekday),
      ended: false,
    });
    publish();
    return id;
  },

  async endRhythm(spaceId, rhythmId) {
    const { myId } = signedIn();
    const rhythm = docsOf(spaceId, myId).rhythms.get(rhythmId);
    if (!rhythm) throw new ActionError('not-found');
    const { id, by: _by, ...rest } = rhythm;
    await engine.write(spaceId, rhythmKind, { rhythm: id, ...rest, ended: true });
    publish();
  },

  async propose(spaceId, input) {
    const { myId } = signedIn();
    const space = placeOf(spaceId);
    if ((input.idea === undefined) === (input.title === undefined || input.title.trim() === '')) throw new ActionError('bad-request');
    const id = uuidv7();
    const tz = deviceTimeZone();
    await engine.write(spaceId, planKind, {
      plan: id,
      ...(input.idea !== undefined ? { idea: input.idea } : { title: input.title!.trim() }),
      ...(input.bring?.trim() ? { bring: input.bring.trim() } : {}),
      at: input.at,
      minutes: input.minutes,
      tz,
      ...(input.rhythm ? { rhythm: input.rhythm } : {}),
      by: myId,
      cancelled: false,
      remind: uuidv7(),
    });
    if (space.kind === 'shared') await engine.write(spaceId, responseKind, { plan: id, at: input.at, answer: 'yes', tz });
    publish();
    remind(spaceId, id);
    return id;
  },

  async answer(spaceId, planId, answer, other) {
    const { myId } = signedIn();
    if (placeOf(spaceId).kind !== 'shared') throw new ActionError('bad-request');
    const plan = planOf(spaceId, planId, myId);
    if (answer === 'other-time' && (other === undefined || other === plan.at)) throw new ActionError('bad-request');
    await engine.write(spaceId, responseKind, { plan: planId, at: plan.at, answer, ...(answer === 'other-time' ? { other: other! } : {}), tz: deviceTimeZone() });
    publish();
    // A pass takes me out of the reminder.
    if (answer === 'pass') remind(spaceId, planId);
  },

  async changePlan(spaceId, planId, change) {
    const { myId } = signedIn();
    const plan = planOf(spaceId, planId, myId);
    const body = planBody(plan);
    if (change.at !== undefined) body.at = change.at;
    if (change.bring === null || change.bring?.trim() === '') delete body.bring;
    else if (change.bring !== undefined) body.bring = change.bring.trim();
    await engine.write(spaceId, planKind, body);
    publish();
    if (change.at !== undefined) remind(spaceId, planId);
  },

  async cancelPlan(spaceId, planId) {
    const { myId } = signedIn();
    const plan = planOf(spaceId, planId, myId);
    await engine.write(spaceId, planKind, { ...planBody(plan), cancelled: true });
    publish();
    remind(spaceId, planId);
  },

  async setEnergy(spaceId, level) {
    signedIn();
    if (placeOf(spaceId).kind !== 'shared') throw new ActionError('bad-request');
    await engine.write(spaceId, energyKind, { level, at: Date.now(), tz: deviceTimeZone() });
    publish();
  },

  async setFavourite(ideaId, on) {
    const { personalId } = signedIn();
    await engine.write(personalId, favouriteKind, { idea: ideaId, on });
    publish();
  },

  async addOwnIdea(spaceId, input) {
    signedIn();
    placeOf(spaceId);
    const id = uuidv7();
    await engine.write(spaceId, ownIdeaKind, {
      idea: id,
      title: input.title,
      ...(input.bring?.trim() ? { bring: input.bring.trim() } : {}),
      rhythm: input.rhythm,
      energy: input.energy,
      place: input.place,
      removed: false,
    });
    publish();
    return id;
  },

  async removeOwnIdea(spaceId, ideaId) {
    const { myId } = signedIn();
    const own = docsOf(spaceId, myId).ownIdeas.get(ideaId);
    if (!own) throw new ActionError('not-found');
    const { id, by: _by, ...rest } = own;
    await engine.write(spaceId, ownIdeaKind, { idea: id, ...rest, removed: true });
    publish();
  },

  async howWasIt(spaceId, planId, { feeling, words, skipped, keep }) {
    const { myId, personalId } = signedIn();
    const plan = planOf(spaceId, planId, myId);
    const text = words?.trim();
    await engine.write(personalId, afterKind, { space: spaceId, plan: planId, ...(feeling ? { feeling } : {}), ...(text ? { words: text } : {}), skipped });
    if (keep && !skipped && text) {
      await engine.write(spaceId, momentKind, { text, at: plan.at, step: false, ...(feeling ? { feeling } : {}), plan: planId });
    }
    publish();
  },

  async addMoment(spaceId, input) {
    signedIn();
    placeOf(spaceId);
    await engine.write(spaceId, momentKind, {
      text: input.text,
      at: input.at,
      step: input.step,
      ...(input.feeling ? { feeling: input.feeling } : {}),
      ...(input.plan ? { plan: input.plan } : {}),
    });
    publish();
  },

  async removeMoment(spaceId, momentId) {
    const { myId } = signedIn();
    const moment = docsOf(spaceId, myId).moments.get(momentId);
    if (!moment || moment.from !== myId) throw new ActionError('not-found');
    await engine.deleteRecords(spaceId, [momentId]);
    publish();
  },
};
