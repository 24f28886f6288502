/** How spaces and members are named on screen when someone has not chosen a name yet. */
import type { MemberView, SpaceView } from './types.ts';
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
