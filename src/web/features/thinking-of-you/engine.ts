/**
 * "Thinking of you" on top of the sync engine. A notice is a record in a shared space (who it is
 * for stays inside the ciphertext); a reply is a record beside it; closing one without answering
 * is a record in my personal space. Sending again replaces my earlier notice to the same person
 * (the earlier record is deleted), and anything of mine older than two days goes with it, so the
 * logs keep no history of who sent more. Works offline: writes go through the outbox.
 */
import { ActionError } from '../../platform/errors/action-error.ts';
import { sameJson } from '../../platform/same-json.ts';
import { personalSpaceId, shareableSpaces } from '../../spaces/my-spaces.ts';
import { memberName, spaceTitle } from '../../spaces/names.ts';
import { followSync } from '../../sync/follow.ts';
import { engine } from '../../sync/index.ts';
import { announce } from '../../ui/live-region.tsx';
import { keyring } from '../../vault/keyring.ts';
import { EVERYONE, thinkingDocs, thinkingKind, thinkingReplyKind, thinkingSeenKind, type NoticeDoc, type ReplyDoc } from './kinds.ts';
import { replyText, t } from './messages.ts';
import { pingRecipients } from './push-ping.ts';
import { thoughts, thoughtsReady, type ThinkingActions } from './store.ts';
import { NOTICE_FRESH_MS, NO_THOUGHTS, restLeft, thoughtsView, type SpaceInput, type ThoughtsView } from './views.ts';

/** Subscribes to the sync engine once; from then on the signals follow it. Idempotent. */
export const activate = followSync({ publish: () => publish(), reset });

/** Notices and replies already shown (or there when the app opened): only new ones are announced. */
let announced: Set<string> | null = null;

function reset(): void {
  thoughts.value = NO_THOUGHTS;
  thoughtsReady.value = false;
  announced = null;
}

/** A space's notices and replies, my queued ones included (they show at once, offline too). */
function spaceRecords(spaceId: string, myId: string): { notices: NoticeDoc[]; replies: ReplyDoc[] } {
  const state = engine.spaceState(spaceId);
  const docs = state ? thinkingDocs(state) : null;
  const notices = docs ? [...docs.notices.values()] : [];
  const replies = docs ? [...docs.replies.values()] : [];
  for (const q of engine.queuedOf(spaceId, thinkingKind)) notices.push({ id: q.id, from: myId, to: q.body.to, at: q.body.at });
  for (const q of engine.queuedOf(spaceId, thinkingReplyKind)) replies.push({ id: q.id, from: myId, ...q.body });
  return { notices, replies };
}

/** Record ids I closed without answering (my personal space, queued closes included). */
function seenIds(personalId: string): Set<string> {
  const state = engine.spaceState(personalId);
  const ids = new Set(state ? thinkingDocs(state).seen.values() : []);
  for (const q of engine.queuedOf(personalId, thinkingSeenKind)) ids.add(q.body.record);
  return ids;
}

function currentView(myId: string, personalId: string): ThoughtsView {
  const inputs: SpaceInput[] = shareableSpaces().map((space) => ({
    spaceId: space.id,
    spaceName: spaceTitle(space),
    members: space.members.map((m) => ({ userId: m.userId, name: memberName(m), isMe: m.isMe, active: m.status === 'active' })),
    ...spaceRecords(space.id, myId),
  }));
  return thoughtsView(inputs, myId, seenIds(personalId), Date.now());
}

/** Says what is new since the last publish, politely (the cards show the same on screen). */
function announceNews(next: ThoughtsView): void {
  const ids = [...next.incoming.map((i) => i.noticeId), ...next.replies.map((r) => r.replyId)];
  if (announced) {
    const news = [
      ...next.incoming.filter((i) => !announced!.has(i.noticeId)).map((i) => t('thinking.live', { name: i.name })),
      ...next.replies.filter((r) => !announced!.has(r.replyId)).map((r) => t('thinking.replyLine', { name: r.name, reply: replyText(r.reply) })),
    ];
    if (news.length) announce(news.join(' '));
    for (const id of ids) announced.add(id);
  } else {
    announced = new Set(ids);
  }
}

function publish(): void {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) return;
  const next = currentView(myId, personalId);
  // What was there when the app opened is on screen already; only later arrivals are spoken.
  announceNews(next);
  if (!sameJson(thoughts.value, next)) thoughts.value = next;
  thoughtsReady.value = true;
}

function signedIn(): { myId: string; personalId: string } {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) throw new ActionError('unauthenticated');
  return { myId, personalId };
}

const stale = (at: number, now: number) => now - at >= NOTICE_FRESH_MS;

export const actions: ThinkingActions = {
  async send(spaceId, to) {
    const { myId } = signedIn();
    const space = shareableSpaces().find((s) => s.id === spaceId);
    if (!space) throw new ActionError('not-found');
    const others = space.members.filter((m) => !m.isMe && m.status === 'active');
    if (to === EVERYONE ? others.length < 2 : !others.some((m) => m.userId === to)) throw new ActionError('bad-request');
    const now = Date.now();
    const { notices } = spaceRecords(spaceId, myId);
    const mine = notices.filter((n) => n.from === myId);
    // The resting minute: a second tap (or a second device) right after sends nothing more.
    const last = mine.reduce<NoticeDoc | undefined>((a, n) => (!a || n.at > a.at ? n : a), undefined);
    if (restLeft(last, now) > 0) return;
    // The new notice replaces my earlier one to the same person; old ones of mine go too.
    const replaced = mine.filter((n) => n.to === to || stale(n.at, now)).map((n) => n.id);
    if (replaced.length) await engine.deleteRecords(spaceId, replaced);
    await engine.write(spaceId, thinkingKind, { to, at: now });
    // A push for the closed apps (Today shows it in the open ones): who, never what.
    pingRecipients(spaceId, 'thinking', to === EVERYONE ? others.map((m) => m.userId) : [to]);
    publish();
  },

  async reply(spaceId, noticeId, reply) {
    const { myId } = signedIn();
    if (!shareableSpaces().some((s) => s.id === spaceId)) throw new ActionError('not-found');
    const { notices, replies } = spaceRecords(spaceId, myId);
    const notice = notices.find((n) => n.id === noticeId && n.from !== myId);
    if (!notice) throw new ActionError('not-found');
    const now = Date.now();
    // One reply of mine per person: the new one replaces the earlier (and old ones go too).
    const replaced = replies.filter((r) => r.from === myId && (r.to === notice.from || stale(r.at, now))).map((r) => r.id);
    if (replaced.length) await engine.deleteRecords(spaceId, replaced);
    await engine.write(spaceId, thinkingReplyKind, { notice: noticeId, to: notice.from, reply, at: now });
    pingRecipients(spaceId, 'reply', [notice.from]);
    publish();
  },

  async close(spaceId, userId, what, recordId) {
    const { personalId } = signedIn();
    await engine.write(personalId, thinkingSeenKind, { spaceId, userId, what, record: recordId });
    publish();
  },
};
