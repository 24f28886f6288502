/**
 * What the screens see of spaces. Everything here is already decrypted and verified
 * on this device; nothing in these types ever leaves it in plaintext.
 */
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

export interface InvitePreview {
  spaceId: string;
  memberCount: number;
  expiresAt: number;
}
