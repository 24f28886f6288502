/**
 * The pair a plan or program screen is about, from its route: a shared place I am active in and
 * a partner who is an active member of it. Screens show "not found" for anything else, so a
 * stale or hand-made link reveals nothing.
 */
import { memberName, spaceTitle } from '../../spaces/names.ts';
import type { SpaceView } from '../../spaces/types.ts';

export interface Pair {
  spaceId: string;
  placeName: string;
  partner: { userId: string; name: string };
}

export function pairIn(space: SpaceView, partnerId: string): Pair | null {
  if (space.kind !== 'shared' || !space.members.some((m) => m.isMe && m.status === 'active')) return null;
  const partner = space.members.find((m) => !m.isMe && m.userId === partnerId && m.status === 'active');
  if (!partner) return null;
  return {
    spaceId: space.id,
    placeName: spaceTitle(space),
    partner: { userId: partner.userId, name: memberName(partner) },
  };
}

export const planHref = (spaceId: string, partnerId: string): string => `/spaces/${spaceId}/comfort/${partnerId}/plan`;
export const programHref = (spaceId: string, partnerId: string): string => `/spaces/${spaceId}/comfort/${partnerId}/touch`;
