/** Which of my spaces a feature may write to: my personal space, and shared spaces I am active in. */
import { me } from '../vault/status.ts';
import { spaces } from './store.ts';
import type { SpaceView } from './types.ts';

/** My personal space's id, or null before the account is loaded. */
export function personalSpaceId(): string | null {
  return me.value?.personalSpaceId ?? spaces.value.find((s) => s.kind === 'personal')?.id ?? null;
}

/** Shared spaces where I am an active member (not still waiting to be admitted). */
export function shareableSpaces(list: readonly SpaceView[] = spaces.value): SpaceView[] {
  return list.filter((s) => s.kind === 'shared' && s.members.some((m) => m.isMe && m.status === 'active'));
}
