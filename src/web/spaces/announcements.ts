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
import { spaceTitle } from './names.ts';

/** A dropped live connection is announced only if it stays dropped this long (no flapping chatter). */
const RECONNECT_ANNOUNCE_AFTER_MS = 5_000;

export type MemberStatuses = Map<string, Map<string, { status: string; isMe: boolean }>>;

export function snapshot(list: SpaceView[]): MemberStatuses {
  return new Map(list.map((s) => [s.id, new Map(s.members.map((m) => [m.userId, { status: m.status, isMe: m.isMe }]))]));
}

/** What changed between two snapshots of the spaces, as sentences. Pure, for tests. */
export function membershipNews(before: MemberStatuses, list: SpaceView[]): string[] {
  const news: string[] = [];
  for (const space of list) {
    const prev = before.get(space.id);
    // A space that just appeared (first sync, unlock) is not news.
    if (!prev) continue;
    for (const m of space.members) {
      if (m.status !== 'active' || prev.get(m.userId)?.status === 'active') continue;
      if (m.isMe) news.push(t('live.joined', { space: spaceTitle(space) }));
      else if (m.displayName?.trim()) news.push(t('live.memberJoined', { name: m.displayName.trim(), space: spaceTitle(space) }));
      else news.push(t('live.someoneJoined', { space: spaceTitle(space) }));
    }
  }
  return news;
}

export function startAnnouncements(): () => void {
  let previous: MemberStatuses = new Map();
  const stopMembers = effect(() => {
    const list = spaces.value;
    const news = membershipNews(previous, list);
    previous = snapshot(list);
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
    stopMembers();
    stopSync();
    clearTimeout(reconnectTimer);
  };
}
