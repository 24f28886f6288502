/**
 * The space actions the screens call (creating, naming, inviting, joining, leaving): the code
 * and crypto behind them load on first use.
 */
import { lazyActions, loadOnce } from '../platform/lazy.ts';
import type { InvitePreview, InviteView } from './types.ts';

export interface SpaceActions {
  createSpace(input: { name: string; displayName: string; pronouns: string }): Promise<{ spaceId: string }>;
  setSpaceName(spaceId: string, name: string): Promise<void>;
  /** Works offline: queued and sent when back online. */
  setProfile(spaceId: string, profile: { displayName: string; pronouns: string }): Promise<void>;
  /** The name I set once: kept in my personal space, and used by every space where I did not choose another. */
  setMyName(profile: { displayName: string; pronouns: string }): Promise<void>;
  createInvite(spaceId: string): Promise<InviteView>;
  listInvites(spaceId: string): Promise<InviteView[]>;
  revokeInvite(spaceId: string, inviteId: string): Promise<void>;
  previewInvite(fragment: string): Promise<InvitePreview>;
  /** What an invitation link proves to the server at sign-up (its id and token; never its secret). */
  invitePermit(fragment: string): Promise<{ inviteId: string; token: string }>;
  /** Joins as a pending member; a member's device confirms it automatically when online. */
  acceptInvite(fragment: string, profile?: { displayName: string; pronouns: string }): Promise<{ spaceId: string }>;
  safetyCode(spaceId: string): Promise<string>;
  /** `erase`: also take back what I shared there (from the server now, from their devices when they sync). */
  leaveSpace(spaceId: string, options?: { erase: boolean }): Promise<void>;
  /** Removes another member on purpose (their access ends at once; a new key for the others). */
  removeMember(spaceId: string, userId: string): Promise<void>;
}

export const spaceActions = lazyActions<SpaceActions>(
  loadOnce(() => import('./engine.ts').then((m) => m.actions)),
  {
    createSpace: true,
    setSpaceName: true,
    setProfile: true,
    setMyName: true,
    createInvite: true,
    listInvites: true,
    revokeInvite: true,
    previewInvite: true,
    invitePermit: true,
    acceptInvite: true,
    safetyCode: true,
    leaveSpace: true,
    removeMember: true,
  },
);
