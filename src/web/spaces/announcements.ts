/**
 * Spoken (polite) news from sync: someone joined a space, I was confirmed in one, the connection
 * dropped or came back. Visible status lives on the screens; this is for people who do not see it.
 */
import { effect } from '@preact/signals';
import { announce } from '../ui/live-region.tsx';
import { authStatus } from '../vault/status.ts';
import { spaces } from './store.ts';
import { syncState } from '../sync/status.ts';
import type { SpaceView } from './types.ts';
import { t } from './messages.ts';
import { memberName, spaceTitle } from './names.ts';
import { listNames } from '../platform/i18n/format.ts';

/** A dropped live connection is announced only if it stays dropped this long (no flapping chatter). */
const RECONNECT_ANNOUNCE_AFTER_MS = 5_000;
/**
 * Once I am let in, the place's name and the others' names become readable a moment later (they
 * are written again for the new members). The welcome waits for them this long, then goes without.
 */
const WELCOME_WAITS_FOR_NAMES_MS = 8_000;

export type MemberStatuses = Map<string, Map<string, { status: string; isMe: boolean }>>;

export function snapshot(list: SpaceView[]): MemberStatuses {
  return new Map(list.map((s) => [s.id, new Map(s.members.map((m) => [m.userId, { status: m.status, isMe: m.isMe }]))]));
}

/**
 * What changed between two snapshots of the spaces: sentences about others, and the places I was
 * just let into (welcomed with welcomeLine once their names can be read). Pure, for tests.
 */
export function membershipNews(before: MemberStatuses, list: SpaceView[]): { news: string[]; joined: string[] } {
  const news: string[] = [];
  const joined: string[] = [];
  for (const space of list) {
    const prev = before.get(space.id);
    // A space that just appeared (first sync, unlock) is not news.
    if (!prev) continue;
    for (const m of space.members) {
      if (m.status !== 'active' || prev.get(m.userId)?.status === 'active') continue;
      if (m.isMe) joined.push(space.id);
      else if (m.displayName?.trim()) news.push(t('live.memberJoined', { name: m.displayName.trim(), space: spaceTitle(space) }));
      else news.push(t('live.someoneJoined', { space: spaceTitle(space) }));
    }
  }
  return { news, joined };
}

/** My welcome to a place, naming it (or who is there); null while neither can be read yet. */
export function welcomeLine(space: SpaceView): string | null {
  if (space.name?.trim()) return t('live.joined', { space: spaceTitle(space) });
  const others = space.members.filter((m) => !m.isMe && m.status === 'active');
  return others.some((m) => m.displayName?.trim()) ? t('live.joinedWith', { names: listNames(others.map(memberName)) }) : null;
}

export function startAnnouncements(): () => void {
  let previous: MemberStatuses = new Map();
  // Places I was just let into, each with the time its welcome stops waiting for names.
  const welcomes = new Map<string, ReturnType<typeof setTimeout>>();
  const settle = (spaceId: string) => {
    clearTimeout(welcomes.get(spaceId));
    welcomes.delete(spaceId);
  };
  const stopMembers = effect(() => {
    const list = spaces.value;
    const { news, joined } = membershipNews(previous, list);
    previous = snapshot(list);
    for (const spaceId of joined) {
      welcomes.set(
        spaceId,
        setTimeout(() => {
          settle(spaceId);
          announce(t('live.joinedPlain'));
        }, WELCOME_WAITS_FOR_NAMES_MS),
      );
    }
    for (const spaceId of [...welcomes.keys()]) {
      const space = list.find((s) => s.id === spaceId);
      const line = space ? welcomeLine(space) : null;
      if (!line) continue;
      settle(spaceId);
      news.push(line);
    }
    if (news.length) announce(news.join('. '));
  });

  let wasOnline = syncState.peek().online;
  let wasLive = syncState.peek().live;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  const stopSync = effect(() => {
    const { online, live } = syncState.value;
    const unlocked = authStatus.value === 'unlocked';
    if (online !== wasOnline && unlocked) announce(online ? t('live.online') : t('live.offline'));
    clearTimeout(reconnectTimer);
    if (online && wasLive && !live && unlocked) {
      reconnectTimer = setTimeout(() => {
        const now = syncState.peek();
        if (now.online && !now.live && authStatus.peek() === 'unlocked') announce(t('live.reconnecting'));
      }, RECONNECT_ANNOUNCE_AFTER_MS);
    }
    wasOnline = online;
    wasLive = live;
  });

  return () => {
    for (const timer of welcomes.values()) clearTimeout(timer);
    stopMembers();
    stopSync();
    clearTimeout(reconnectTimer);
  };
}
