import { describe, expect, it } from 'vitest';
import { generateIdentity } from './identity.ts';
import { forEveryFlip } from './test-utils.ts';
import { signTombstone, verifyTombstone } from './tombstone.ts';

const spaceId = '0190a1b2-0000-7000-8000-000000000001';
const author = { id: '0190a1b2-0000-7000-8000-00000000000a', keys: generateIdentity() };
const other = { id: '0190a1b2-0000-7000-8000-00000000000b', keys: generateIdentity() };
const recordIds = ['0190a1b2-0000-7000-8000-0000000000e1', '0190a1b2-0000-7000-8000-0000000000e2'];

describe('tombstone signatures', () => {
  const signature = signTombstone({ spaceId, authorId: author.id, recordIds, signingKey: author.keys.ed25519.secretKey });
  const check = (overrides: Partial<Parameters<typeof verifyTombstone>[0]> = {}) =>
    verifyTombstone({ spaceId, authorId: author.id, recordIds, signature, verifyKey: author.keys.ed25519.publicKey, ...overrides });

  it('verify for the author, the space and exactly those records', () => {
    expect(check()).toBe(true);
    expect(check({ spaceId: '0190a1b2-0000-7000-8000-000000000002' })).toBe(false);
    expect(check({ authorId: other.id })).toBe(false);
    expect(check({ recordIds: recordIds.slice(0, 1) })).toBe(false);
    expect(check({ recordIds: [...recordIds, '0190a1b2-0000-7000-8000-0000000000e3'] })).toBe(false);
    expect(check({ verifyKey: other.keys.ed25519.publicKey })).toBe(false);
  });

  it('another member cannot sign a deletion in the author’s name', () => {
    const forged = signTombstone({ spaceId, authorId: author.id, recordIds, signingKey: other.keys.ed25519.secretKey });
    expect(check({ signature: forged })).toBe(false);
  });

  it('refuses every one-byte change of the signature, and malformed input without throwing', () => {
    expect(forEveryFlip(signature, (tampered) => expect(check({ signature: tampered })).toBe(false))).toBe(128);
    expect(check({ recordIds: [] })).toBe(false);
    expect(check({ signature: new Uint8Array(10) })).toBe(false);
    expect(() => signTombstone({ spaceId, authorId: author.id, recordIds: [], signingKey: author.keys.ed25519.secretKey })).toThrow();
  });
});
