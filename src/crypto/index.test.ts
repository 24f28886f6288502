/** The public API other modules code against: these names and shapes must not drift. */
import { describe, expect, it } from 'vitest';
import * as crypto from './index.ts';

const FUNCTIONS = [
  // bytes
  'utf8', 'fromUtf8', 'concatBytes', 'equalBytes', 'randomBytes', 'u32be',
  // kdf
  'assertKdfParams', 'deriveAccountKeys', 'argon2idRaw',
  // aead
  'encryptEnvelope', 'decryptEnvelope', 'padBucket', 'unpadBucket',
  // context
  'encodeContext', 'decodeContext',
  // keywrap, identity
  'wrapKey', 'unwrapKey', 'generateIdentity', 'generateUserKey', 'wrapIdentity', 'unwrapIdentity', 'wrapUserKey', 'unwrapUserKey',
  // sign, seal, space keys, records
  'sign', 'verify', 'sealTo', 'openSealed', 'generateSpaceKey', 'spaceKeyContext', 'sealSpaceKey', 'openSpaceKey', 'encryptRecord', 'decryptRecord',
  // recovery
  'generateRecoveryCode', 'parseRecoveryCode', 'normalizeRecoveryCode', 'deriveRecoveryKeys',
  // invite
  'generateInviteSecret', 'deriveInviteToken', 'inviteTokenHash', 'inviteMac', 'verifyInviteMac', 'sealInviteSecret', 'openInviteSecret', 'formatInviteFragment', 'parseInviteFragment',
  // membership, safety code
  'signMembershipEntry', 'openMembershipEntry', 'entryHash', 'verifyMembershipLog', 'verifyMembershipStep', 'safetyCode',
  // departures
  'signDeparture', 'openDeparture', 'departureHolds', 'erasedUpTo',
  // tombstones
  'signTombstone', 'verifyTombstone',
] as const;

describe('src/crypto public API', () => {
  it.each(FUNCTIONS)('exports %s', (name) => {
    expect(typeof (crypto as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the constants and the error class', () => {
    expect(crypto.ENVELOPE_OVERHEAD_BYTES).toBe(41);
    expect(crypto.SALT_BYTES).toBe(16);
    expect(crypto.KDF_FLOOR).toEqual({ algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 });
    expect(crypto.KDF_DEFAULT).toEqual(crypto.KDF_FLOOR);
    const e = new crypto.CryptoError('decrypt-failed');
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('decrypt-failed');
    expect(e.name).toBe('CryptoError');
  });
});
