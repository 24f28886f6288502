/**
 * "Keep me unlocked on this device": the user key is wrapped by a NON-EXTRACTABLE WebCrypto
 * AES-GCM key that lives in IndexedDB. Script on this origin can use it but nobody can export
 * it, and copying the IndexedDB files elsewhere does not carry a usable key. Lock and sign-out
 * delete it.
 */
import { deleteDevice, getDevice, putDevice } from '../platform/local-db.ts';

const AD = new TextEncoder().encode('innermost/device-unlock/v1');

interface StoredUnlock {
  key: CryptoKey;
  iv: Uint8Array<ArrayBuffer>;
  wrapped: Uint8Array<ArrayBuffer>;
  userId: string;
}

export async function rememberUserKey(userId: string, uk: Uint8Array): Promise<void> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: AD }, key, new Uint8Array(uk)),
  );
  await putDevice('unlock', { key, iv, wrapped, userId } satisfies StoredUnlock);
}

export async function recallUserKey(userId: string): Promise<Uint8Array | null> {
  const stored = await getDevice<StoredUnlock>('unlock');
  if (!stored || stored.userId !== userId) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv, additionalData: AD }, stored.key, stored.wrapped);
    return new Uint8Array(plain);
  } catch {
    await forgetUserKey();
    return null;
  }
}

export async function forgetUserKey(): Promise<void> {
  await deleteDevice('unlock');
}
