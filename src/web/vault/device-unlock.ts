/**
 * "Keep me unlocked on this device": the user key, and the identity it opens, are wrapped by a
 * NON-EXTRACTABLE WebCrypto AES-GCM key that lives in IndexedDB. Script on this origin can use it
 * but nobody can export it, and copying the IndexedDB files elsewhere does not carry a usable key.
 * Lock and sign-out delete it.
 *
 * The identity is kept with its public keys so that opening the app does not recompute them
 * (two curve multiplications that cost a phone's main thread ~100 ms at first paint). It is
 * exactly as sensitive as the user key beside it, which opens it anyway.
 */
import type { Identity } from '../../crypto/identity.ts';
import { deleteDevice, getDevice, putDevice } from '../platform/local-db.ts';

const AD = new TextEncoder().encode('innermost/device-unlock/v1');
const KEY_BYTES = 32;
/** uk, then the identity's x25519 and ed25519 secret and public keys. */
const WITH_IDENTITY_BYTES = 5 * KEY_BYTES;

interface StoredUnlock {
  key: CryptoKey;
  iv: Uint8Array<ArrayBuffer>;
  wrapped: Uint8Array<ArrayBuffer>;
  userId: string;
}

export interface Recalled {
  uk: Uint8Array;
  /** Null when this device kept only the user key (an app version before identities were kept). */
  identity: Identity | null;
}

/** The 160 bytes kept: uk, then the identity's secret and public keys (the app lock keeps the same). */
export function packUnlock(uk: Uint8Array, identity: Identity): Uint8Array<ArrayBuffer> {
  const plain = new Uint8Array(WITH_IDENTITY_BYTES);
  [uk, identity.x25519.secretKey, identity.ed25519.secretKey, identity.x25519.publicKey, identity.ed25519.publicKey].forEach((part, i) =>
    plain.set(part, i * KEY_BYTES),
  );
  return plain;
}

/** Reads what packUnlock wrote (or the user key alone, as an earlier version kept it) and zeroes `plain`. */
export function unpackUnlock(plain: Uint8Array): Recalled {
  const part = (i: number) => plain.slice(i * KEY_BYTES, (i + 1) * KEY_BYTES);
  const recalled: Recalled =
    plain.length === WITH_IDENTITY_BYTES
      ? { uk: part(0), identity: { x25519: { secretKey: part(1), publicKey: part(3) }, ed25519: { secretKey: part(2), publicKey: part(4) } } }
      : { uk: plain.slice(), identity: null };
  plain.fill(0);
  return recalled;
}

export async function rememberUnlock(userId: string, uk: Uint8Array, identity: Identity): Promise<void> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = packUnlock(uk, identity);
  try {
    const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: AD }, key, plain));
    await putDevice('unlock', { key, iv, wrapped, userId } satisfies StoredUnlock);
  } finally {
    plain.fill(0);
  }
}

export async function recallUnlock(userId: string): Promise<Recalled | null> {
  const stored = await getDevice<StoredUnlock>('unlock');
  if (!stored || stored.userId !== userId) return null;
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv, additionalData: AD }, stored.key, stored.wrapped));
  } catch {
    await forgetUnlock();
    return null;
  }
  return unpackUnlock(plain);
}

export async function forgetUnlock(): Promise<void> {
  await deleteDevice('unlock');
}
