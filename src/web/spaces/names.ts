/** How spaces and members are named on screen when someone has not chosen a name yet. */
import type { MemberView, SpaceView } from './types.ts';
import { spaces } from './store.ts';
import { t } from './messages.ts';
import { listNames } from '../platform/i18n/format.ts';

export function spaceTitle(space: Pick<SpaceView, 'kind' | 'name'>): string {
  if (space.kind === 'personal') return t('home.personalTitle');
  return space.name?.trim() || t('space.unnamed');
}

export function memberName(member: Pick<MemberView, 'displayName'>): string {
  return member.displayName?.trim() || t('space.memberNoName');
}

/** My own membership in the space; 'pending' until a member's device confirms me. */
export function myStatus(space: SpaceView): MemberView['status'] | null {
  return space.members.find((m) => m.isMe)?.status ?? null;
}

/** "With Sam and Kit" (active members other than me), or null when I am alone. */
export function othersLine(space: SpaceView): string | null {
  const others = space.members.filter((m) => !m.isMe && m.status === 'active').map(memberName);
  return others.length ? t('home.sharedWith', { names: listNames(others) }) : null;
}

/** The name and pronouns I set once (kept in my personal space), or null before I have. */
export function myDefaultProfile(list: readonly SpaceView[] = spaces.value): SpaceView['myProfile'] {
  return list.find((s) => s.kind === 'personal')?.myProfile ?? null;
}

/** True while nobody but me has joined or asked to join (the space leads with the invitation). */
export function aloneIn(space: SpaceView): boolean {
  return space.members.every((m) => m.isMe);
}
