/**
 * What the screens see of the app's state. Everything here is already decrypted and verified
 * on this device; nothing in these types ever leaves it in plaintext.
 */
export type AuthStatus = 'loading' | 'signed-out' | 'locked' | 'unlocked';

export interface Me {
  id: string;
  email: string;
  personalSpaceId: string;
}

export interface MemberView {
  userId: string;
  isMe: boolean;
  /** 'pending': opened an invite and is waiting for a member's device to confirm them. */
  status: 'active' | 'pending';
  displayName: string | null;
  pronouns: string | null;
}

export interface SpaceView {
  id: string;
  kind: 'personal' | 'shared';
  /** Chosen by a member; encrypted. Null until someone names the space. */
  name: string | null;
  members: MemberView[];
  /** My own profile in this space (what the others see of me). */
  myProfile: { displayName: string; pronouns: string } | null;
  /** Set when the membership history or a key failed verification: show it, calmly but clearly. */
  integrityWarning: string | null;
}

export interface InviteView {
  id: string;
  createdAt: number;
  expiresAt: number;
  status: 'open' | 'used' | 'revoked' | 'expired';
  /** The full link (with its secret in the fragment), rebuilt on this device; null once closed. */
  url: string | null;
}

export interface SyncState {
  online: boolean;
  /** Connected to the live event stream. */
  live: boolean;
  /** Writes queued on this device and not yet acknowledged by the server. */
  pendingWrites: number;
  lastSyncedAt: number | null;
}

export interface SessionView {
  id: string;
  label: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  current: boolean;
}

export interface InvitePreview {
  spaceId: string;
  memberCount: number;
  expiresAt: number;
}

/**
 * Every failure an action can raise. `code` is stable: an API error code from
 * src/shared/errors.ts, a crypto error code, or one of the client codes below. Screens map it to
 * a message from the catalog and never show `message` to people.
 */
export class ActionError extends Error {
  code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.code = code;
    this.name = 'ActionError';
  }
}

/** Client-side codes (in addition to the API's). */
export const CLIENT_ERROR_CODES = [
  'network', // could not reach the server
  'offline', // the action needs the server and the device is offline
  'kdf-params-too-weak', // the server offered weaker password hashing than we accept
  'recovery-code-malformed',
  'invite-link-malformed',
  'invite-mac-invalid', // a joiner's keys did not match the invite: not admitted
  'decrypt-failed',
  'wrong-password',
] as const;
