/**
 * Invite links are `/join#<inviteId>.<secret>`. The secret sits in the fragment so it never
 * reaches a server; as soon as the app starts we take it out of the address bar and the history
 * entry (history.replaceState) and keep it in memory only (pendingInviteFragment).
 */
import { pendingInviteFragment } from './store.ts';

const JOIN_PATH = '/join';

interface LocationLike {
  pathname: string;
  search: string;
  hash: string;
}
interface HistoryLike {
  state: unknown;
  replaceState(data: unknown, unused: string, url?: string | URL | null): void;
}

/** Returns the fragment it captured, or null when the address is not an invite link. */
export function captureInviteFragment(loc: LocationLike = location, hist: HistoryLike = history): string | null {
  const path = loc.pathname.replace(/\/+$/, '') || '/';
  if (path !== JOIN_PATH || loc.hash.length <= 1) return null;
  let fragment = loc.hash.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // Leave it as it came; the invite parser will say whether it is usable.
  }
  hist.replaceState(hist.state, '', loc.pathname + loc.search);
  pendingInviteFragment.value = fragment;
  return fragment;
}
