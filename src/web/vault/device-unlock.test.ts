import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../crypto/identity.ts';
import { randomBytes } from '../../crypto/bytes.ts';
import { getDevice, putDevice } from '../platform/local-db.ts';
import { forgetUnlock, recallUnlock, rememberUnlock } from './device-unlock.ts';

afterEach(() => forgetUnlock());

describe('keeping the unlock on this device', () => {
  it('gives back the user key and the identity with its public keys, for this user only', async () => {
    const uk = randomBytes(32);
    const identity = generateIdentity();
    await rememberUnlock('u1', uk, identity);
    expect(await recallUnlock('u1')).toEqual({ uk, identity });
    expect(await recallUnlock('u2')).toBeNull();
  });

  it('reads what an earlier version kept (the user key only)', async () => {
    const uk = randomBytes(32);
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const additionalData = new TextEncoder().encode('innermost/device-unlock/v1');
    const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, new Uint8Array(uk)));
    await putDevice('unlock', { key, iv, wrapped, userId: 'u1' });
    expect(await recallUnlock('u1')).toEqual({ uk, identity: null });
  });

  it('forgets a kept unlock that no longer opens (changed on the device), rather than using it', async () => {
    await rememberUnlock('u1', randomBytes(32), generateIdentity());
    const stored = (await getDevice<{ wrapped: Uint8Array }>('unlock'))!;
    stored.wrapped[0]! ^= 1;
    await putDevice('unlock', stored);
    expect(await recallUnlock('u1')).toBeNull();
    expect(await getDevice('unlock')).toBeUndefined();
  });
});
