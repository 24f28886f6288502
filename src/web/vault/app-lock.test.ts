import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from '../../crypto/bytes.ts';
import { generateIdentity } from '../../crypto/identity.ts';
import { derivePinSecret, PIN_KDF } from '../../crypto/pin.ts';
import { deleteDevice, getDevice } from '../platform/local-db.ts';
import {
  appLockState,
  newPrfSalt,
  PIN_TRIES,
  platformCredential,
  removePin,
  removePlatformUnlock,
  setPin,
  setPlatformUnlock,
  unlockWithPin,
  unlockWithPrf,
} from './app-lock.ts';

// The real Argon2id (19 MiB) on every try would make this file slow; the wrapping does not care
// how the secret was made, so tests derive it with the same function at tiny parameters where
// speed matters, and one test runs the real thing.
const quickDerive = vi.fn(async (pin: string, salt: Uint8Array) => {
  const { argon2idRaw } = await import('../../crypto/kdf.ts');
  return argon2idRaw(new TextEncoder().encode(pin), salt, { ...PIN_KDF, memoryKiB: 64, iterations: 1 }, 32);
});

afterEach(() => deleteDevice('app-lock'));

describe('the app lock PIN', () => {
  it('keeps the unlock behind the PIN, derived with the real Argon2id parameters', async () => {
    const uk = randomBytes(32);
    const identity = generateIdentity();
    await setPin('u1', '482915', uk, identity, derivePinSecret);
    expect(await appLockState('u1')).toEqual({ pin: true, platform: false, triesLeft: PIN_TRIES });
    expect(await unlockWithPin('u1', '482915', derivePinSecret)).toEqual({ ok: true, recalled: { uk, identity } });
    // Nothing kept is readable as it is: the stored record holds only the wrapped bytes.
    const stored = await getDevice<{ pin: { wrapped: Uint8Array } }>('app-lock');
    expect(Buffer.from(stored!.pin.wrapped).includes(Buffer.from(uk))).toBe(false);
  });

  it('belongs to one account: another user id finds nothing', async () => {
    await setPin('u1', '1234', randomBytes(32), generateIdentity(), quickDerive);
    expect(await appLockState('u2')).toEqual({ pin: false, platform: false, triesLeft: 0 });
    expect(await unlockWithPin('u2', '1234', quickDerive)).toEqual({ ok: false, triesLeft: 0 });
  });

  it('counts wrong tries, gives them all back on the right PIN', async () => {
    const uk = randomBytes(32);
    await setPin('u1', '1234', uk, generateIdentity(), quickDerive);
    expect(await unlockWithPin('u1', '9999', quickDerive)).toEqual({ ok: false, triesLeft: PIN_TRIES - 1 });
    expect(await unlockWithPin('u1', '4321', quickDerive)).toEqual({ ok: false, triesLeft: PIN_TRIES - 2 });
    expect((await appLockState('u1')).triesLeft).toBe(PIN_TRIES - 2);
    const right = await unlockWithPin('u1', '1234', quickDerive);
    expect(right.ok && right.recalled.uk).toEqual(uk);
    expect((await appLockState('u1')).triesLeft).toBe(PIN_TRIES);
  });

  it('counts a try before it is made, so a page closed mid-try (or reloaded) does not give it back', async () => {
    await setPin('u1', '1234', randomBytes(32), generateIdentity(), quickDerive);
    // The page goes away while Argon2id runs: the derivation never returns.
    const never = () => new Promise<Uint8Array>(() => undefined);
    void unlockWithPin('u1', '0000', never);
    await vi.waitFor(async () => expect((await appLockState('u1')).triesLeft).toBe(PIN_TRIES - 1));
  });

  it('after the last wrong try deletes the PIN copy: the password is needed', async () => {
    await setPin('u1', '1234', randomBytes(32), generateIdentity(), quickDerive);
    for (let i = 1; i < PIN_TRIES; i++) expect(await unlockWithPin('u1', '0000', quickDerive)).toEqual({ ok: false, triesLeft: PIN_TRIES - i });
    expect(await unlockWithPin('u1', '0000', quickDerive)).toEqual({ ok: false, triesLeft: 0 });
    expect(await appLockState('u1')).toEqual({ pin: false, platform: false, triesLeft: 0 });
    expect(await getDevice('app-lock')).toBeUndefined();
    // Even the right PIN opens nothing now.
    expect(await unlockWithPin('u1', '1234', quickDerive)).toEqual({ ok: false, triesLeft: 0 });
  });

  it('a new PIN replaces the old one with all tries', async () => {
    const uk = randomBytes(32);
    const identity = generateIdentity();
    await setPin('u1', '1234', uk, identity, quickDerive);
    await unlockWithPin('u1', '0000', quickDerive);
    await setPin('u1', '5678', uk, identity, quickDerive);
    expect((await appLockState('u1')).triesLeft).toBe(PIN_TRIES);
    expect((await unlockWithPin('u1', '1234', quickDerive)).ok).toBe(false);
    expect((await unlockWithPin('u1', '5678', quickDerive)).ok).toBe(true);
  });

  it('is useless without this device key: the same PIN and record under another device key opens nothing', async () => {
    await setPin('u1', '1234', randomBytes(32), generateIdentity(), quickDerive);
    const copied = (await getDevice<{ pin: object }>('app-lock'))!;
    // Another device (a fresh record, so a fresh non-extractable key) holding the copied bytes.
    await deleteDevice('app-lock');
    await setPin('u1', '9999', randomBytes(32), generateIdentity(), quickDerive);
    const { putDevice } = await import('../platform/local-db.ts');
    const other = (await getDevice<{ pin: object }>('app-lock'))!;
    await putDevice('app-lock', { ...other, pin: copied.pin });
    expect(await unlockWithPin('u1', '1234', quickDerive)).toEqual({ ok: false, triesLeft: PIN_TRIES - 1 });
  });
});

describe('face or fingerprint (WebAuthn PRF output)', () => {
  it('the PRF output opens the unlock; another output does not; the PIN stays independent', async () => {
    const uk = randomBytes(32);
    const identity = generateIdentity();
    const credential = { credentialId: randomBytes(16), prfSalt: newPrfSalt() };
    const prf = randomBytes(32);
    await setPlatformUnlock('u1', credential, prf, uk, identity);
    await setPin('u1', '1234', uk, identity, quickDerive);
    expect(await appLockState('u1')).toEqual({ pin: true, platform: true, triesLeft: PIN_TRIES });
    expect(await platformCredential('u1')).toEqual(credential);
    expect(await unlockWithPrf('u1', prf)).toEqual({ uk, identity });
    expect(await unlockWithPrf('u1', randomBytes(32))).toBeNull();
    // Running out of PIN tries leaves the face or fingerprint in place.
    for (let i = 0; i < PIN_TRIES; i++) await unlockWithPin('u1', '0000', quickDerive);
    expect(await appLockState('u1')).toEqual({ pin: false, platform: true, triesLeft: 0 });
    expect(await unlockWithPrf('u1', prf)).toEqual({ uk, identity });
    await removePlatformUnlock('u1');
    expect(await getDevice('app-lock')).toBeUndefined();
  });

  it('removing the PIN keeps the face or fingerprint', async () => {
    const uk = randomBytes(32);
    const identity = generateIdentity();
    await setPin('u1', '1234', uk, identity, quickDerive);
    await setPlatformUnlock('u1', { credentialId: randomBytes(16), prfSalt: newPrfSalt() }, randomBytes(32), uk, identity);
    await removePin('u1');
    expect(await appLockState('u1')).toEqual({ pin: false, platform: true, triesLeft: 0 });
  });
});
