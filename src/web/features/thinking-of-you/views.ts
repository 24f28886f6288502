/**
 * What "thinking of you" shows, from the records of my spaces. Pure, for tests.
 *
 * No history, no counts: for each person only their latest notice to me shows (and only while it
 * is fresh, unanswered and not closed); for what I sent, only replies to my latest notice to each
 * person (or to everyone) show. Nothing older than NOTICE_FRESH_MS shows at all.
 */
import { EVERYONE, type NoticeDoc, type ReplyDoc, type ReplyId } from './kinds.ts';

/** A notice (and a reply) is news for two days; after that it is simply not shown. */
export const NOTICE_FRESH_MS = 2 * 24 * 60 * 60 * 1000;
/** After sending in a space, its buttons rest this long (a gentle guard against a flood of taps). */
export const REST_MS = 60 * 1000;

export interface MemberInput {
  userId: string;
  name: string;
  isMe: boolean;
  active: boolean;
}

export interface SpaceInput {
  spaceId: string;
  spaceName: string;
  members: readonly MemberInput[];
  notices: readonly NoticeDoc[];
  replies: readonly ReplyDoc[];
}

/** Someone is thinking of me: one card, with the replies to choose from. */
export interface IncomingThought {
  spaceId: string;
  spaceName: string;
  from: string;
  name: string;
  noticeId: string;
  /** Sent to everyone in the space (not to me alone). */
  toAll: boolean;
  at: number;
}

/** Someone answered my latest notice. */
export interface ReplyToMe {
  spaceId: string;
  spaceName: string;
  from: string;
  name: string;
  replyId: string;
  reply: ReplyId;
  at: number;
}

/** My latest notice in a space (for the calm confirmation, and the resting minute). */
export interface SentThought {
  to: string;
  at: number;
}

export interface ThoughtsView {
  incoming: IncomingThought[];
  replies: ReplyToMe[];
  /** By space id. */
  lastSent: Record<string, SentThought>;
}

export const NO_THOUGHTS: ThoughtsView = { incoming: [], replies: [], lastSent: {} };

const fresh = (at: number, now: number) => now - at < NOTICE_FRESH_MS;
const newer = (a: { at: number; id: string }, b: { at: number; id: string } | undefined) => !b || a.at > b.at || (a.at === b.at && a.id > b.id);

/**
 * `seen`: record ids I closed without answering. Members who left (or are still waiting to be
 * admitted) are not shown, nor is anything they sent.
 */
export function thoughtsView(spaces: readonly SpaceInput[], myId: string, seen: ReadonlySet<string>, now: number): ThoughtsView {
  // The latest notice to me from each person, across the spaces we share (answered or not).
  const latestFrom = new Map<string, { notice: NoticeDoc; space: SpaceInput; name: string }>();
  const repliesFrom = new Map<string, ReplyToMe & { id: string }>();
  const lastSent: Record<string, SentThought> = {};

  for (const space of spaces) {
    const others = new Map(space.members.filter((m) => !m.isMe && m.active).map((m) => [m.userId, m.name]));

    for (const notice of space.notices) {
      const name = others.get(notice.from);
      if (name === undefined || (notice.to !== myId && notice.to !== EVERYONE)) continue;
      if (newer(notice, latestFrom.get(notice.from)?.notice)) latestFrom.set(notice.from, { notice, space, name });
    }

    // My latest notice to each person (and to everyone) in this space.
    const mine = new Map<string, NoticeDoc>();
    for (const notice of space.notices) {
      if (notice.from === myId && newer(notice, mine.get(notice.to))) mine.set(notice.to, notice);
    }
    let last: NoticeDoc | undefined;
    for (const notice of mine.values()) if (newer(notice, last)) last = notice;
    if (last) lastSent[space.spaceId] = { to: last.to, at: last.at };

    const latestById = new Map([...mine.values()].map((n) => [n.id, n]));
    for (const reply of space.replies) {
      const name = others.get(reply.from);
      const notice = latestById.get(reply.notice);
      if (name === undefined || reply.to !== myId || !notice) continue;
      // A notice to one person is answered by that person only.
      if (notice.to !== EVERYONE && notice.to !== reply.from) continue;
      if (!fresh(reply.at, now) || seen.has(reply.id)) continue;
      const item = { spaceId: space.spaceId, spaceName: space.spaceName, from: reply.from, name, replyId: reply.id, reply: reply.reply, at: reply.at, id: reply.id };
      if (newer(item, repliesFrom.get(reply.from))) repliesFrom.set(reply.from, item);
    }
  }

  // Only the latest notice from each person counts: once answered, closed or old, nothing
  // earlier comes back in its place.
  const incoming: IncomingThought[] = [...latestFrom.values()]
    .filter(({ notice, space }) => fresh(notice.at, now) && !seen.has(notice.id) && !space.replies.some((r) => r.from === myId && r.notice === notice.id))
    .map(({ notice, space, name }) => ({
      spaceId: space.spaceId,
      spaceName: space.spaceName,
      from: notice.from,
      name,
      noticeId: notice.id,
      toAll: notice.to === EVERYONE,
      at: notice.at,
    }))
    .sort((a, b) => b.at - a.at);
  const replies = [...repliesFrom.values()].map(({ id: _id, ...r }) => r).sort((a, b) => b.at - a.at);
  return { incoming, replies, lastSent };
}

/** Whom I can send to in a space: the one other member, or each of them and everyone at once. */
export interface Target {
  to: string;
  /** The member's name; null for everyone. */
  name: string | null;
}

export function targetsOf(members: readonly MemberInput[]): Target[] {
  const others = members.filter((m) => !m.isMe && m.active);
  if (others.length === 0) return [];
  const each = others.map((m) => ({ to: m.userId, name: m.name }));
  return others.length === 1 ? each : [...each, { to: EVERYONE, name: null }];
}

/** How long the buttons of a space still rest after my latest notice there (0: not resting). */
export function restLeft(sent: SentThought | undefined, now: number): number {
  if (!sent) return 0;
  const left = sent.at + REST_MS - now;
  return left > 0 && left <= REST_MS ? left : 0;
}
