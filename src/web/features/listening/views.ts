/**
 * What the listening feature shows, from the records of my shared places. Pure, for tests.
 *
 * No history, no counts: for each person only their latest bad-day share shows, and only for a
 * day; for my own share, only the replies to it. Ended turns vanish, except for a few hours a turn
 * that ended with "not now" (for the one who asked, kindly) or with a summary to write; the
 * summaries both kept stay.
 */
import type { BadDayDoc, BadDayReplyDoc, Help, LineDoc, SummaryDoc } from './kinds.ts';
import { listenerOf, otherOf, type Turn } from './machine.ts';

/** A bad-day share (and a reply to it) is shown for a day; then it is simply gone. */
export const BAD_DAY_FRESH_MS = 24 * 60 * 60_000;
/** "Not now" stays in view for the one who asked for a few hours. */
export const NOT_NOW_SHOWN_MS = 6 * 60 * 60_000;

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
  turns: readonly Turn[];
  lines: readonly LineDoc[];
  summaries: readonly SummaryDoc[];
  badDays: readonly BadDayDoc[];
  replies: readonly BadDayReplyDoc[];
}

export interface TurnView {
  spaceId: string;
  spaceName: string;
  turn: Turn;
  otherId: string;
  otherName: string;
  speakerName: string;
  listenerName: string;
  /** I have the floor (on one phone: never "me", the phone is passed). */
  iSpeak: boolean;
  /** The typed pieces of the round in progress, oldest first. */
  lines: LineDoc[];
}

export interface KeptSummary {
  spaceId: string;
  turnId: string;
  id: string;
  from: string;
  text: string;
  at: number;
}

export interface IncomingBadDay {
  spaceId: string;
  spaceName: string;
  from: string;
  name: string;
  id: string;
  help: Help[];
  line?: string;
  at: number;
  /** What I already answered (the card then says so, calmly). */
  answered: boolean;
}

export interface MyBadDay {
  id: string;
  help: Help[];
  line?: string;
  at: number;
}

export interface ReplyToMyBadDay {
  spaceId: string;
  from: string;
  name: string;
  id: string;
  reply?: BadDayReplyDoc['reply'];
  words?: string;
  at: number;
}

export interface ListeningView {
  /** Turns in progress (asked, later, talking, paused, closing) and recent "not now"s to me as asker. */
  turns: TurnView[];
  summaries: KeptSummary[];
  incoming: IncomingBadDay[];
  /** My latest share, by space id (while fresh). */
  mine: Record<string, MyBadDay>;
  replies: ReplyToMyBadDay[];
}

export const NO_LISTENING: ListeningView = { turns: [], summaries: [], incoming: [], mine: {}, replies: [] };

const newer = (a: { at: number; id: string }, b: { at: number; id: string } | undefined) => !b || a.at > b.at || (a.at === b.at && a.id > b.id);

function turnShown(turn: Turn, myId: string, now: number): boolean {
  if (turn.phase !== 'ended') return true;
  // Kept: a while to write the summary; "not now": a kind word for the one who asked.
  if (turn.kept) return now - turn.at < NOT_NOW_SHOWN_MS;
  return turn.ending === 'not-now' && turn.by === myId && now - turn.at < NOT_NOW_SHOWN_MS;
}

export function listeningView(spaces: readonly SpaceInput[], myId: string, now: number): ListeningView {
  const view: ListeningView = { turns: [], summaries: [], incoming: [], mine: {}, replies: [] };
  for (const space of spaces) {
    const names = new Map(space.members.filter((m) => m.active).map((m) => [m.userId, m.name]));
    const others = new Map(space.members.filter((m) => m.active && !m.isMe).map((m) => [m.userId, m.name]));

    for (const turn of space.turns) {
      if ((turn.by !== myId && turn.with !== myId) || !turnShown(turn, myId, now)) continue;
      const otherId = otherOf(turn, myId);
      const otherName = names.get(otherId);
      if (otherName === undefined && turn.phase !== 'ended') continue;
      const nameOf = (id: string) => names.get(id) ?? '';
      view.turns.push({
        spaceId: space.spaceId,
        spaceName: space.spaceName,
        turn,
        otherId,
        otherName: otherName ?? '',
        speakerName: nameOf(turn.speaker),
        listenerName: nameOf(listenerOf(turn)),
        iSpeak: turn.device === 'each' && turn.speaker === myId,
        lines: space.lines.filter((l) => l.turn === turn.id && l.round === turn.round && (l.from === turn.by || l.from === turn.with)).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
      });
    }

    const endedKept = new Set(space.turns.filter((t) => t.phase === 'ended' && t.kept && (t.by === myId || t.with === myId)).map((t) => t.id));
    for (const s of space.summaries) {
      if (endedKept.has(s.turn) && names.has(s.from)) view.summaries.push({ spaceId: space.spaceId, turnId: s.turn, id: s.id, from: s.from, text: s.text, at: s.at });
    }

    // The latest share of each person; mine separately.
    const latest = new Map<string, BadDayDoc>();
    for (const share of space.badDays) if (newer(share, latest.get(share.from))) latest.set(share.from, share);
    const myShare = latest.get(myId);
    if (myShare && now - myShare.at < BAD_DAY_FRESH_MS) {
      view.mine[space.spaceId] = { id: myShare.id, help: myShare.help, ...(myShare.line ? { line: myShare.line } : {}), at: myShare.at };
      const byPerson = new Map<string, BadDayReplyDoc>();
      for (const reply of space.replies) {
        if (reply.share !== myShare.id || reply.to !== myId || !others.has(reply.from)) continue;
        if (newer(reply, byPerson.get(reply.from))) byPerson.set(reply.from, reply);
      }
      for (const reply of byPerson.values()) {
        view.replies.push({ spaceId: space.spaceId, from: reply.from, name: others.get(reply.from)!, id: reply.id, ...(reply.reply ? { reply: reply.reply } : {}), ...(reply.words ? { words: reply.words } : {}), at: reply.at });
      }
    }
    for (const [from, share] of latest) {
      const name = others.get(from);
      if (name === undefined || now - share.at >= BAD_DAY_FRESH_MS) continue;
      const answered = space.replies.some((r) => r.from === myId && r.share === share.id);
      view.incoming.push({ spaceId: space.spaceId, spaceName: space.spaceName, from, name, id: share.id, help: share.help, ...(share.line ? { line: share.line } : {}), at: share.at, answered });
    }
  }
  view.turns.sort((a, b) => b.turn.at - a.turn.at);
  view.incoming.sort((a, b) => b.at - a.at);
  view.replies.sort((a, b) => b.at - a.at);
  view.summaries.sort((a, b) => b.at - a.at);
  return view;
}

/**
 * My own records that should no longer exist, by space: typed lines and old versions of turns that
 * ended (the version in force stays, so the other device sees the end), bad-day shares replaced or
 * older than a day, and my replies to shares that are gone or old.
 */
export interface CleanupInput {
  turns: readonly Turn[];
  /** Turn id -> record id -> author. */
  versions: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The record id of each turn's version in force. */
  inForce: ReadonlyMap<string, string>;
  lines: readonly LineDoc[];
  badDays: readonly BadDayDoc[];
  replies: readonly BadDayReplyDoc[];
}

export function ownLeftovers(input: CleanupInput, myId: string, now: number): string[] {
  const out: string[] = [];
  const ended = new Set(input.turns.filter((t) => t.phase === 'ended').map((t) => t.id));
  const known = new Set(input.turns.map((t) => t.id));
  for (const line of input.lines) if (line.from === myId && (ended.has(line.turn) || !known.has(line.turn))) out.push(line.id);
  for (const id of ended) {
    for (const [recordId, author] of input.versions.get(id) ?? []) if (author === myId && recordId !== input.inForce.get(id)) out.push(recordId);
  }
  const mine = input.badDays.filter((b) => b.from === myId);
  let latest: BadDayDoc | undefined;
  for (const share of mine) if (newer(share, latest)) latest = share;
  for (const share of mine) if (share !== latest || now - share.at >= BAD_DAY_FRESH_MS) out.push(share.id);
  const live = new Set(input.badDays.filter((b) => now - b.at < BAD_DAY_FRESH_MS).map((b) => b.id));
  for (const reply of input.replies) if (reply.from === myId && !live.has(reply.share)) out.push(reply.id);
  return out;
}
