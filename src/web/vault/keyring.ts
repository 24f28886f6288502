/**
 * The unlocked keys of the signed-in person, in memory only. `clearKeyring` overwrites the
 * byte arrays before dropping them (best effort: JavaScript gives no stronger guarantee).
 */
import type { Identity } from '../../crypto/identity.ts';

export interface KeyRing {
  userId: string;
  email: string;
  uk: Uint8Array;
  identity: Identity;
}

let ring: KeyRing | null = null;

export function setKeyring(next: KeyRing): void {
  clearKeyring();
  ring = next;
}

export function keyring(): KeyRing | null {
  return ring;
}

export function requireKeyring(): KeyRing {
  if (!ring) throw new Error('locked');
  return ring;
}

export function clearKeyring(): void {
  if (!ring) return;
  ring.uk.fill(0);
  ring.identity.x25519.secretKey.fill(0);
  ring.identity.ed25519.secretKey.fill(0);
  ring = null;
}
