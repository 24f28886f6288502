/**
 * Listening turns and the bad-day share on top of the sync engine. A turn is one mutable record per
 * turn in a shared place; each tap writes its next version (machine.ts decides whether the tap is
 * allowed, from the signed version in force). Typed pieces are records beside it. Each device
 * tidies its own records: typed lines and old versions of a turn that ended, shares replaced or
 * older than a day, replies to shares that are gone (only an author can delete a record).
 */
import { uuidv7 } from '../../../shared/ids.ts';
import type { ListeningTopic } from '../../../shared/listening.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { sameJson } from '../../platform/same-json.ts';
import { shareableSpaces } from '../../spaces/my-spaces.ts';
import { memberName, spaceTitle } from '../../spaces/names.ts';
import { followSync } from '../../sync/follow.ts';
import { engine } from '../../sync/index.ts';
import { announce } from '../../ui/live-region.tsx';
import { keyring } from '../../vault/keyring.ts';
import { badDayKind, badDayReplyKind, lineKind, listeningDocs, summaryKind, turnKind, type BadDayDoc, type BadDayReplyDoc, type LineDoc, type SummaryDoc } from './kinds.ts';
import { ask as newTurn, isIn, listenerOf, next, settle, type Turn } from './machine.ts';
import { t } from './messages.ts';
import { dropReminder, ping, scheduleReminder } from './push.ts';
import { listeningReady, listeningState, type ListeningActions } from './store.ts';
import { NO_LISTENING, listeningView, ownLeftovers, type ListeningView, type SpaceInput } from './views.ts';

export const activate = followSync({ publish: () => publish(), reset });

let announced: Set<string> | null = null;
/** Record ids being deleted now (a publish during the deletion asks for none of them again). */
const deleting = new Set<string>();
/** Turns whose "left" version is being written. */
const leaving = new Set<string>();

function reset(): void {
  listeningState.value = NO_LISTENING;
  listeningReady.value = false;
  announced = null;
  deleting.clear();
  leaving.clear();
}

interface SpaceRecords {
  turns: Turn[];
  lines: LineDoc[];
  summaries: SummaryDoc[];
  badDays: BadDayDoc[];
  replies: BadDayReplyDoc[];
}

/** A space's records, my queued ones included (they show at once, offline too). */
function spaceRecords(spaceId: string, myId: string): SpaceRecords {
  const state = engine.spaceState(spaceId);
  const docs = state ? listeningDocs(state) : null;
  const turns = new Map<string, Turn>();
  for (const [id, { author: _author, ...turn }] of docs?.turns ?? []) turns.set(id, turn);
  // My queued versions are newer than what I saw when I wrote them.
  for (const q of engine.queuedOf(spaceId, turnKind)) turns.set(q.body.id, q.body);
  const lines = docs ? [...docs.lines.values()] : [];
  for (const q of engine.queuedOf(spaceId, lineKind)) lines.push({ id: q.id, from: myId, ...q.body });
  const summaries = docs ? [...docs.summaries.values()] : [];
  for (const q of engine.queuedOf(spaceId, summaryKind)) summaries.push({ id: q.id, from: myId, ...q.body });
  const badDays = docs ? [...docs.badDays.values()] : [];
  for (const q of engine.queuedOf(spaceId, badDayKind)) badDays.push({ id: q.id, from: myId, help: q.body.help, ...(q.body.line ? { line: q.body.line } : {}), at: q.body.at });
  const replies = docs ? [...docs.replies.values()] : [];
  for (const q of engine.queuedOf(spaceId, badDayReplyKind)) replies.push({ id: q.id, from: myId, ...q.body });
  return { turns: [...turns.values()], lines, summaries, badDays, replies };
}

function activeIds(spaceId: string): Set<string> {
  const space = shareableSpaces().find((s) => s.id === spaceId);
  return new Set(space?.members.filter((m) => m.status === 'active').map((m) => m.userId) ?? []);
}

function currentView(myId: string, now: number): ListeningView {
  const inputs: SpaceInput[] = shareableSpaces().map((space) => ({
    spaceId: space.id,
    spaceName: spaceTitle(space),
    members: space.members.map((m) => ({ userId: m.userId, name: memberName(m), isMe: m.isMe, active: m.status === 'active' })),
    ...spaceRecords(space.id, myId),
  }));
  return listeningView(inputs, myId, now);
}

function announceNews(next: ListeningView, myId: string): void {
  const asks = next.turns.filter((v) => v.turn.phase === 'asked' && v.turn.with === myId);
  const keys = [...asks.map((v) => `ask ${v.turn.id}`), ...next.incoming.map((i) => `bad ${i.id}`), ...next.replies.map((r) => `reply ${r.id}`)];
  if (announced) {
    const news = [
      ...asks.filter((v) => !announced!.has(`ask ${v.turn.id}`)).map((v) => t('turn.askedLive', { name: v.otherName })),
      ...next.incoming.filter((i) => !announced!.has(`bad ${i.id}`)).map((i) => t('badDay.live', { name: i.name })),
      ...next.replies.filter((r) => !announced!.has(`reply ${r.id}`)).map((r) => t('badDay.replyLive', { name: r.name })),
    ];
    if (news.length) announce(news.join(' '));
    for (const key of keys) announced.add(key);
  } else announced = new Set(keys);
}

/** Deletes my leftovers and ends turns whose other person left; in the background, once each. */
function tidy(myId: string, now: number): void {
  for (const space of shareableSpaces()) {
    const state = engine.spaceState(space.id);
    if (!state) continue;
    const docs = listeningDocs(state);
    const records = spaceRecords(space.id, myId);
    const inForce = new Map([...docs.turns.keys()].map((id) => [id, state.versions.get(`${turnKind.kind}|${id}`)?.id ?? '']));
    const ids = ownLeftovers({ ...records, versions: docs.versions, inForce }, myId, now).filter((id) => !deleting.has(id));
    if (ids.length > 0) {
      for (const id of ids) deleting.add(id);
      void engine
        .deleteRecords(space.id, ids)
        .catch((error: unknown) => console.warn('listening tidy failed', (error as Error).message))
        .finally(() => ids.forEach((id) => deleting.delete(id)));
    }
    const active = activeIds(space.id);
    for (const turn of records.turns) {
      if (!isIn(turn, myId) || !active.has(myId) || leaving.has(turn.id)) continue;
      const settled = settle(turn, active, now);
      if (settled === turn) continue;
      leaving.add(turn.id);
      void engine.write(space.id, turnKind, settled).catch((error: unknown) => console.warn('listening end failed', (error as Error).message));
      if (turn.remind) void dropReminder(space.id, turn.remind);
    }
  }
}

function publish(): void {
  const myId = keyring()?.userId;
  if (!myId) return;
  const now = Date.now();
  const view = currentView(myId, now);
  announceNews(view, myId);
  if (!sameJson(listeningState.value, view)) listeningState.value = view;
  listeningReady.value = true;
  tidy(myId, now);
}

function me(): string {
  const myId = keyring()?.userId;
  if (!myId) throw new ActionError('unauthenticated');
  return myId;
}

function sharedSpace(spaceId: string) {
  const space = shareableSpaces().find((s) => s.id === spaceId);
  if (!space) throw new ActionError('not-found');
  return space;
}

function turnOf(spaceId: string, turnId: string, myId: string): Turn {
  const turn = spaceRecords(spaceId, myId).turns.find((x) => x.id === turnId);
  if (!turn) throw new ActionError('not-found');
  return turn;
}

export const actions: ListeningActions = {
  async ask(spaceId, withId, topic: ListeningTopic, mode, device) {
    const myId = me();
    const space = sharedSpace(spaceId);
    if (withId === myId || !space.members.some((m) => m.userId === withId && m.status === 'active')) throw new ActionError('bad-request');
    const turn = newTurn({ id: uuidv7(), by: myId, with: withId, topic, mode, device }, Date.now());
    await engine.write(spaceId, turnKind, turn);
    // On two phones, the other person hears of it even with the app closed.
    if (device === 'each') ping(spaceId, 'listening', [withId]);
    publish();
    return turn.id;
  },

  async act(spaceId, turnId, event, text) {
    const myId = me();
    sharedSpace(spaceId);
    const turn = turnOf(spaceId, turnId, myId);
    const now = Date.now();
    const sets = event.type === 'later' || event.type === 'pause';
    const out = next(turn, event, myId, now, sets ? uuidv7() : undefined);
    if (!out.ok) throw new ActionError(out.reason === 'bad-time' ? 'bad-request' : 'record-conflict');
    const words = text?.trim();
    if (words && turn.mode === 'typed' && turn.phase === 'talking') {
      const role = event.type === 'said' ? 'speaker' : event.type === 'reflected' || event.type === 'validated' ? 'listener' : null;
      if (role) await engine.write(spaceId, lineKind, { turn: turn.id, round: turn.round, role, text: words, at: now });
    }
    await engine.write(spaceId, turnKind, out.turn);
    // The reminder goes to both, at the time picked; any move away from it takes it back.
    if (turn.remind && turn.remind !== out.turn.remind) void dropReminder(spaceId, turn.remind);
    const when = out.turn.phase === 'later' ? out.turn.later : out.turn.phase === 'paused' ? out.turn.back : undefined;
    if (out.turn.remind && when !== undefined && out.turn.remind !== turn.remind) void scheduleReminder(spaceId, out.turn.remind, when, [turn.by, turn.with]);
    if (event.type === 'accept' || event.type === 'later' || event.type === 'not-now') {
      // The one who asked hears the answer with the app closed too (a turn's push opens the turn).
      if (turn.device === 'each') ping(spaceId, 'listening', [listenerOf({ ...turn, speaker: myId })]);
    }
    publish();
  },

  async keepSummary(spaceId, turnId, text) {
    const myId = me();
    const turn = turnOf(spaceId, turnId, myId);
    if (turn.phase !== 'ended' || !turn.kept) throw new ActionError('record-conflict');
    await engine.write(spaceId, summaryKind, { turn: turnId, text, at: Date.now() });
    publish();
  },

  async shareBadDay(spaceId, help, line) {
    const myId = me();
    const space = sharedSpace(spaceId);
    const words = line.trim();
    const earlier = spaceRecords(spaceId, myId).badDays.filter((b) => b.from === myId).map((b) => b.id);
    // No history: the new share replaces the earlier one.
    if (earlier.length) await engine.deleteRecords(spaceId, earlier);
    await engine.write(spaceId, badDayKind, { help, ...(words ? { line: words } : {}), at: Date.now() });
    ping(spaceId, 'bad-day', space.members.filter((m) => !m.isMe && m.status === 'active').map((m) => m.userId));
    publish();
  },

  async withdrawBadDay(spaceId) {
    const myId = me();
    const mine = spaceRecords(spaceId, myId).badDays.filter((b) => b.from === myId).map((b) => b.id);
    if (mine.length) await engine.deleteRecords(spaceId, mine);
    publish();
  },

  async replyBadDay(spaceId, shareId, answer) {
    const myId = me();
    sharedSpace(spaceId);
    const { badDays, replies } = spaceRecords(spaceId, myId);
    const share = badDays.find((b) => b.id === shareId && b.from !== myId);
    if (!share) throw new ActionError('not-found');
    // One reply of mine per share: a new one replaces it.
    const earlier = replies.filter((r) => r.from === myId && r.share === shareId).map((r) => r.id);
    if (earlier.length) await engine.deleteRecords(spaceId, earlier);
    await engine.write(spaceId, badDayReplyKind, { share: shareId, to: share.from, ...answer, at: Date.now() });
    ping(spaceId, 'reply', [share.from]);
    publish();
  },
};
