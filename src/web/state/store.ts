/**
 * The app's one store: signals the screens read, and the actions they call. Screens never talk
 * to the API or to crypto directly. Implementation lives in ../vault and ../sync.
 */
import { signal } from '@preact/signals';
import type {
  AuthStatus,
  InvitePreview,
  InviteView,
  Me,
  SessionView,
  SpaceView,
  SyncState,
} from './types.ts';

export const authStatus = signal<AuthStatus>('loading');
export const me = signal<Me | null>(null);
/** Personal space first, then shared spaces by creation time. */
export const spaces = signal<SpaceView[]>([]);
export const syncState = signal<SyncState>({ online: true, live: false, pendingWrites: 0, lastSyncedAt: null });
/** Spaces this device was removed from while running (declined joins, leaving, deletion). */
export const removedSpaceIds = signal<ReadonlySet<string>>(new Set());
/** An invite link opened before signing in: kept (in memory only) until the person is signed in. */
export const pendingInviteFragment = signal<string | null>(null);

export interface Actions {
  /** Reads what this device remembers and sets authStatus. Call once at start. */
  start(): Promise<void>;
  /** Creates the account and signs in. Returns the recovery code, to show once. */
  signUp(input: { email: string; password: string; rememberDevice: boolean }): Promise<{ recoveryCode: string }>;
  signIn(input: { email: string; password: string; rememberDevice: boolean }): Promise<void>;
  unlock(password: string): Promise<void>;
  /** Wipes keys from memory and from this device; the session stays, the password unlocks. */
  lock(): Promise<void>;
  /** Ends the session and wipes every key and cached record from this device. */
  signOut(): Promise<void>;
  /** Sets a new password with the recovery code; returns the NEW recovery code (the old one stops working). */
  recover(input: { email: string; recoveryCode: string; newPassword: string; rememberDevice: boolean }): Promise<{ recoveryCode: string }>;
  changePassword(input: { currentPassword: string; newPassword: string }): Promise<void>;
  deleteAccount(password: string): Promise<void>;
  listSessions(): Promise<SessionView[]>;
  revokeSession(sessionId: string): Promise<void>;
  revokeOtherSessions(): Promise<void>;
  createSpace(input: { name: string; displayName: string; pronouns: string }): Promise<{ spaceId: string }>;
  setSpaceName(spaceId: string, name: string): Promise<void>;
  /** Works offline: queued and sent when back online. */
  setProfile(spaceId: string, profile: { displayName: string; pronouns: string }): Promise<void>;
  createInvite(spaceId: string): Promise<InviteView>;
  listInvites(spaceId: string): Promise<InviteView[]>;
  revokeInvite(spaceId: string, inviteId: string): Promise<void>;
  previewInvite(fragment: string): Promise<InvitePreview>;
  /** Joins as a pending member; a member's device confirms it automatically when online. */
  acceptInvite(fragment: string): Promise<{ spaceId: string }>;
  safetyCode(spaceId: string): Promise<string>;
  /** `erase`: also take back what I shared there (from the server now, from their devices when they sync). */
  leaveSpace(spaceId: string, options?: { erase: boolean }): Promise<void>;
  /** Removes another member on purpose (their access ends at once; a new key for the others). */
  removeMember(spaceId: string, userId: string): Promise<void>;
}
