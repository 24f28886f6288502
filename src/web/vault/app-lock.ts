/**
 * The app lock: this device's unlock (the same 160 bytes "keep me unlocked" keeps, see
 * device-unlock.ts) kept behind a PIN and/or a platform authenticator (face or fingerprint through
 * WebAuthn PRF) instead of openly.
 *
 * Every wrapping key is HMAC-SHA256(deviceKey, label || secret), where deviceKey is a
 * NON-EXTRACTABLE WebCrypto key made on this device and `secret` is Argon2id(PIN) or the
 * authenticator's PRF output. So the PIN alone is useless off this browser (the HMAC key never
 * leaves it), and on this browser the PIN has PIN_TRIES tries, counted in IndexedDB before each
 * try is made (a reload, or closing the page mid-try, never gives a try back). After the last
 * wrong one the PIN's copy is deleted and only the password (or the authenticator) opens the app.
 *
 * It protects against someone holding the phone while Innermost is locked. It does not protect
 * against someone who watched the PIN being typed, nor against malware running in this browser.
 */
import type { Identity } from '../../crypto/identity.ts';
import { deleteDevice, getDevice, putDevice } from '../platform/local-db.ts';
import { packUnlock, unpackUnlock, type Recalled } from './device-unlock.ts';

const STORE_KEY = 'app-lock';
export const PIN_TRIES = 5;
const PIN_SALT_BYTES = 16;
const PRF_SALT_BYTES = 32;

type Method = 'pin' | 'platform';
type Bytes = Uint8Array<ArrayBuffer>;

interface Wrapped {
  iv: Bytes;
  wrapped: Bytes;
}

interface StoredAppLock {
  userId: string;
  /** Non-extractable HMAC-SHA256 key, mixed into every wrapping key below. */
  deviceKey: CryptoKey;
  pin?: Wrapped & { salt: Bytes; failures: number };
  platform?: Wrapped & { credentialId: Bytes; prfSalt: Bytes };
}

export interface AppLockState {
  pin: boolean;
  platform: boolean;
  /** Tries the PIN has left before the password is needed (0 without a PIN). */
  triesLeft: number;
}

/** PIN -> its Argon2id secret (crypto/pin.ts; in the browser through the kdf worker). */
export type PinDerive = (pin: string, salt: Uint8Array) => Promise<Uint8Array>;

export type PinResult = { ok: true; recalled: Recalled } | { ok: false; triesLeft: number };

const encoder = new TextEncoder();
const bytes = (value: Uint8Array): Bytes => new Uint8Array(value);

async function stored(userId: string): Promise<StoredAppLock | null> {
  const found = await getDevice<StoredAppLock>(STORE_KEY);
  return found && found.userId === userId ? found : null;
}

/** Saves the record, or deletes it once neither way is left (nothing kept behind nothing). */
async function save(record: StoredAppLock): Promise<void> {
  if (!record.pin && !record.platform) await deleteDevice(STORE_KEY);
  else await putDevice(STORE_KEY, record);
}

async function recordFor(userId: string): Promise<StoredAppLock> {
  const found = await stored(userId);
  if (found) return found;
  const deviceKey = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  return { userId, deviceKey };
}

async function wrappingKey(deviceKey: CryptoKey, method: Method, secret: Uint8Array): Promise<CryptoKey> {
  const label = encoder.encode(`innermost/app-lock/v1/${method}\0`);
  const input = new Uint8Array(label.length + secret.length);
  input.set(label);
  input.set(secret, label.length);
  const mixed = new Uint8Array(await crypto.subtle.sign('HMAC', deviceKey, input));
  input.fill(0);
  try {
    return await crypto.subtle.importKey('raw', mixed, 'AES-GCM', false, ['encrypt', 'decrypt']);
  } finally {
    mixed.fill(0);
  }
}

const additionalData = (method: Method, userId: string) => encoder.encode(`innermost/app-lock/v1/${method}/${userId}`);

async function wrap(record: StoredAppLock, method: Method, secret: Uint8Array, uk: Uint8Array, identity: Identity): Promise<Wrapped> {
  const key = await wrappingKey(record.deviceKey, method, secret);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = packUnlock(uk, identity);
  try {
    const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(method, record.userId) }, key, plain));
    return { iv, wrapped };
  } finally {
    plain.fill(0);
  }
}

async function unwrap(record: StoredAppLock, method: Method, secret: Uint8Array, kept: Wrapped): Promise<Recalled | null> {
  const key = await wrappingKey(record.deviceKey, method, secret);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: kept.iv, additionalData: additionalData(method, record.userId) }, key, kept.wrapped);
    return unpackUnlock(new Uint8Array(plain));
  } catch {
    return null;
  }
}

export async function appLockState(userId: string): Promise<AppLockState> {
  const record = await stored(userId);
  return {
    pin: Boolean(record?.pin),
    platform: Boolean(record?.platform),
    triesLeft: record?.pin ? Math.max(0, PIN_TRIES - record.pin.failures) : 0,
  };
}

/** Keeps the unlock behind `pin` (replacing any earlier PIN, with a full set of tries). */
export async function setPin(userId: string, pin: string, uk: Uint8Array, identity: Identity, derive: PinDerive): Promise<void> {
  const record = await recordFor(userId);
  const salt = crypto.getRandomValues(new Uint8Array(PIN_SALT_BYTES));
  const secret = await derive(pin, salt);
  try {
    record.pin = { ...(await wrap(record, 'pin', secret, uk, identity)), salt, failures: 0 };
  } finally {
    secret.fill(0);
  }
  await save(record);
}

/**
 * One try. The try is counted (and saved) before the PIN is even derived; a right PIN gives all
 * tries back; the last wrong one deletes the PIN's copy.
 */
export async function unlockWithPin(userId: string, pin: string, derive: PinDerive): Promise<PinResult> {
  const record = await stored(userId);
  if (!record?.pin) return { ok: false, triesLeft: 0 };
  const kept = record.pin;
  kept.failures += 1;
  await save(record);
  const secret = await derive(pin, kept.salt);
  const recalled = await unwrap(record, 'pin', secret, kept).finally(() => secret.fill(0));
  // Read again: another tab may have tried (or removed the PIN) meanwhile.
  const now = await stored(userId);
  if (recalled) {
    if (now?.pin) {
      now.pin.failures = 0;
      await save(now);
    }
    return { ok: true, recalled };
  }
  const failures = Math.max(kept.failures, now?.pin?.failures ?? 0);
  if (now && failures >= PIN_TRIES) {
    delete now.pin;
    await save(now);
  }
  return { ok: false, triesLeft: Math.max(0, PIN_TRIES - failures) };
}

export async function removePin(userId: string): Promise<void> {
  const record = await stored(userId);
  if (!record) return;
  delete record.pin;
  await save(record);
}

/** A fresh salt for a new platform credential's PRF (kept beside the credential). */
export function newPrfSalt(): Bytes {
  return crypto.getRandomValues(new Uint8Array(PRF_SALT_BYTES));
}

export async function setPlatformUnlock(
  userId: string,
  credential: { credentialId: Uint8Array; prfSalt: Uint8Array },
  prfOutput: Uint8Array,
  uk: Uint8Array,
  identity: Identity,
): Promise<void> {
  const record = await recordFor(userId);
  record.platform = { ...(await wrap(record, 'platform', prfOutput, uk, identity)), credentialId: bytes(credential.credentialId), prfSalt: bytes(credential.prfSalt) };
  await save(record);
}

/** The credential to ask the authenticator about, or null when this device has none. */
export async function platformCredential(userId: string): Promise<{ credentialId: Bytes; prfSalt: Bytes } | null> {
  const kept = (await stored(userId))?.platform;
  return kept ? { credentialId: kept.credentialId, prfSalt: kept.prfSalt } : null;
}

/** Null when the output does not open it (another credential, or a changed record). */
export async function unlockWithPrf(userId: string, prfOutput: Uint8Array): Promise<Recalled | null> {
  const record = await stored(userId);
  if (!record?.platform) return null;
  return unwrap(record, 'platform', prfOutput, record.platform);
}

export async function removePlatformUnlock(userId: string): Promise<void> {
  const record = await stored(userId);
  if (!record) return;
  delete record.platform;
  await save(record);
}
