import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { randomBytes } from './bytes.ts';
import { encodeContext } from './context.ts';
import {
  generateIdentity,
  generateUserKey,
  unwrapIdentity,
  unwrapUserKey,
  wrapIdentity,
  wrapUserKey,
} from './identity.ts';
import { unwrapKey, wrapKey } from './keywrap.ts';
import { expectCryptoError, forEveryFlip, hex } from './test-utils.ts';

const userId = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const otherUserId = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c';

describe('keywrap', () => {
  const kek = randomBytes(32);
  const ctx = encodeContext('innermost/test-wrap/v1', ['x']);

  it('round-trips and fails for another wrapping key or context', () => {
    const key = randomBytes(32);
    const wrapped = wrapKey(kek, key, ctx);
    expect(wrapped.length).toBe(32 + 41);
    expect(hex(unwrapKey(kek, wrapped, ctx))).toBe(hex(key));
    expectCryptoError(() => unwrapKey(randomBytes(32), wrapped, ctx), 'decrypt-failed');
    expectCryptoError(() => unwrapKey(kek, wrapped, encodeContext('innermost/test-wrap/v1', ['y'])), 'decrypt-failed');
  });
});

describe('identity and user key', () => {
  it('generates 32-byte keys whose public halves match their secret halves', () => {
    const id = generateIdentity();
    for (const k of [id.x25519.publicKey, id.x25519.secretKey, id.ed25519.publicKey, id.ed25519.secretKey]) {
      expect(k.length).toBe(32);
    }
    expect(hex(x25519.getPublicKey(id.x25519.secretKey))).toBe(hex(id.x25519.publicKey));
    expect(hex(ed25519.getPublicKey(id.ed25519.secretKey))).toBe(hex(id.ed25519.publicKey));
    expect(hex(generateIdentity().x25519.secretKey)).not.toBe(hex(id.x25519.secretKey));
    expect(generateUserKey().length).toBe(32);
    expect(hex(generateUserKey())).not.toBe(hex(generateUserKey()));
  });

  it('wraps and unwraps an identity, recomputing the public keys', () => {
    const uk = generateUserKey();
    const id = generateIdentity();
    const wrapped = wrapIdentity(uk, userId, id);
    expect(wrapped.length).toBe(64 + 41);
    const back = unwrapIdentity(uk, userId, wrapped);
    expect(hex(back.x25519.secretKey)).toBe(hex(id.x25519.secretKey));
    expect(hex(back.x25519.publicKey)).toBe(hex(id.x25519.publicKey));
    expect(hex(back.ed25519.secretKey)).toBe(hex(id.ed25519.secretKey));
    expect(hex(back.ed25519.publicKey)).toBe(hex(id.ed25519.publicKey));
  });

  it('a wrapped identity is bound to its user and its user key', () => {
    const uk = generateUserKey();
    const wrapped = wrapIdentity(uk, userId, generateIdentity());
    expectCryptoError(() => unwrapIdentity(uk, otherUserId, wrapped), 'decrypt-failed');
    expectCryptoError(() => unwrapIdentity(generateUserKey(), userId, wrapped), 'decrypt-failed');
    // Not interchangeable with a wrapped user key either (different label).
    expectCryptoError(() => unwrapUserKey(uk, 'master', userId, wrapped), 'decrypt-failed');
  });

  it('a wrapped identity fails on every single-byte modification', () => {
    const uk = generateUserKey();
    const wrapped = wrapIdentity(uk, userId, generateIdentity());
    forEveryFlip(wrapped, (t, i) => {
      expectCryptoError(() => unwrapIdentity(uk, userId, t), i === 0 ? 'unsupported-version' : 'decrypt-failed');
    });
  });

  it('wraps the user key by master key and by recovery key, each bound to purpose and user', () => {
    const uk = generateUserKey();
    const masterKey = randomBytes(32);
    const recoveryKey = randomBytes(32);
    const byMaster = wrapUserKey(masterKey, 'master', userId, uk);
    const byRecovery = wrapUserKey(recoveryKey, 'recovery', userId, uk);
    expect(hex(unwrapUserKey(masterKey, 'master', userId, byMaster))).toBe(hex(uk));
    expect(hex(unwrapUserKey(recoveryKey, 'recovery', userId, byRecovery))).toBe(hex(uk));
    expectCryptoError(() => unwrapUserKey(masterKey, 'recovery', userId, byMaster), 'decrypt-failed');
    expectCryptoError(() => unwrapUserKey(masterKey, 'master', otherUserId, byMaster), 'decrypt-failed');
    expectCryptoError(() => unwrapUserKey(recoveryKey, 'master', userId, byMaster), 'decrypt-failed');
    // Even with the same wrapping key, the purpose label keeps them apart.
    const same = randomBytes(32);
    const w = wrapUserKey(same, 'master', userId, uk);
    expectCryptoError(() => unwrapUserKey(same, 'recovery', userId, w), 'decrypt-failed');
  });

  it('a wrapped user key fails on every single-byte modification', () => {
    const masterKey = randomBytes(32);
    const wrapped = wrapUserKey(masterKey, 'master', userId, generateUserKey());
    const n = forEveryFlip(wrapped, (t, i) => {
      expectCryptoError(() => unwrapUserKey(masterKey, 'master', userId, t), i === 0 ? 'unsupported-version' : 'decrypt-failed');
    });
    expect(n).toBe(wrapped.length * 2);
  });

  it('refuses keys of the wrong length', () => {
    expectCryptoError(() => wrapUserKey(randomBytes(32), 'master', userId, randomBytes(31)), 'invalid-key');
    expectCryptoError(() => wrapUserKey(randomBytes(16), 'master', userId, randomBytes(32)), 'invalid-key');
    expectCryptoError(() => wrapIdentity(randomBytes(31), userId, generateIdentity()), 'invalid-key');
    expectCryptoError(() => wrapUserKey(randomBytes(32), 'other' as 'master', userId, randomBytes(32)), 'invalid-input');
  });

  it('an authentic envelope of the wrong length is still refused', () => {
    const uk = generateUserKey();
    const ctx = encodeContext('innermost/identity-by-uk/v1', [userId]);
    expectCryptoError(() => unwrapIdentity(uk, userId, wrapKey(uk, randomBytes(63), ctx)), 'decrypt-failed');
    const mk = randomBytes(32);
    const ukCtx = encodeContext('innermost/uk-by-master/v1', [userId]);
    expectCryptoError(() => unwrapUserKey(mk, 'master', userId, wrapKey(mk, randomBytes(33), ukCtx)), 'decrypt-failed');
  });
});
