import { describe, expect, it } from 'vitest';
import { generateIdentity } from './identity.ts';
import type { MemberKeys } from './membership.ts';
import { safetyCode } from './safety-code.ts';
import { expectCryptoError, flipped } from './test-utils.ts';

const head = new Uint8Array(32).fill(7);

const spaceId = '0190a1b2-0000-7000-8000-000000000001';
const member = (userId: string): MemberKeys => {
  const id = generateIdentity();
  return { userId, x25519: id.x25519.publicKey, ed25519: id.ed25519.publicKey };
};

describe('safetyCode', () => {
  const members = [member('0190a1b2-0000-7000-8000-00000000000a'), member('0190a1b2-0000-7000-8000-00000000000b'), member('0190a1b2-0000-7000-8000-00000000000c')];
  const code = safetyCode(spaceId, members, head);

  it('is 12 groups of 5 digits', () => {
    expect(code).toMatch(/^\d{5}( \d{5}){11}$/);
  });

  it('does not depend on the order members are listed in', () => {
    const [a, b, c] = members as [MemberKeys, MemberKeys, MemberKeys];
    for (const order of [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]]) {
      expect(safetyCode(spaceId, order, head)).toBe(code);
    }
  });

  it('changes if any key, any user id, the space or the member set differs', () => {
    for (let i = 0; i < members.length; i++) {
      for (const field of ['x25519', 'ed25519'] as const) {
        const changed = members.map((m, j) => (j === i ? { ...m, [field]: flipped(m[field], 31, 0x01) } : m));
        expect(safetyCode(spaceId, changed, head)).not.toBe(code);
      }
      const renamed = members.map((m, j) => (j === i ? { ...m, userId: `${m.userId}x` } : m));
      expect(safetyCode(spaceId, renamed, head)).not.toBe(code);
    }
    expect(safetyCode('0190a1b2-0000-7000-8000-000000000002', members, head)).not.toBe(code);
    expect(safetyCode(spaceId, members.slice(0, 2), head)).not.toBe(code);
    expect(safetyCode(spaceId, [...members, member('0190a1b2-0000-7000-8000-00000000000d')], head)).not.toBe(code);
  });

  it('changes when the head of the membership history differs (an injected epoch shows)', () => {
    expect(safetyCode(spaceId, members, flipped(head, 0, 0x01))).not.toBe(code);
  });

  it('refuses duplicate members and malformed keys', () => {
    expectCryptoError(() => safetyCode(spaceId, [members[0]!, members[0]!], head), 'invalid-input');
    expectCryptoError(() => safetyCode(spaceId, members, new Uint8Array(31)), 'invalid-input');
    expectCryptoError(() => safetyCode(spaceId, [{ ...members[0]!, x25519: new Uint8Array(31) }], head), 'invalid-key');
  });
});
