import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomBytes, utf8 } from './bytes.ts';
import { decryptRecord, encryptRecord } from './records.ts';
import { generateSpaceKey } from './space-keys.ts';
import { expectCryptoError, forEveryFlip, hex } from './test-utils.ts';

const ctx = {
  spaceId: '0190a1b2-0000-7000-8000-000000000001',
  recordId: '0190a1b2-0000-7000-8000-0000000000f1',
  authorId: '0190a1b2-0000-7000-8000-00000000000a',
  epoch: 2,
};

describe('records', () => {
  const spaceKey = generateSpaceKey();
  const body = utf8(JSON.stringify({ kind: 'check-in', mood: 4, note: 'a good day' }));

  it('round-trips and pads to 256-byte buckets', () => {
    const ct = encryptRecord({ spaceKey, ...ctx, body });
    expect(ct.length).toBe(256 + 41);
    expect(hex(decryptRecord({ spaceKey, ...ctx, ciphertext: ct }))).toBe(hex(body));
    expect(encryptRecord({ spaceKey, ...ctx, body: new Uint8Array(252) }).length).toBe(256 + 41);
    expect(encryptRecord({ spaceKey, ...ctx, body: new Uint8Array(253) }).length).toBe(512 + 41);
  });

  it('round-trips any body (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), fc.nat({ max: 1000 }), (b, epoch) => {
        const ct = encryptRecord({ spaceKey, ...ctx, epoch, body: b });
        expect((ct.length - 41) % 256).toBe(0);
        expect(hex(decryptRecord({ spaceKey, ...ctx, epoch, ciphertext: ct }))).toBe(hex(b));
      }),
      { numRuns: 200 },
    );
  });

  it('fails in another context: space, record, author, epoch, key', () => {
    const ciphertext = encryptRecord({ spaceKey, ...ctx, body });
    expectCryptoError(() => decryptRecord({ spaceKey, ...ctx, spaceId: '0190a1b2-0000-7000-8000-000000000002', ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRecord({ spaceKey, ...ctx, recordId: '0190a1b2-0000-7000-8000-0000000000f2', ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRecord({ spaceKey, ...ctx, authorId: '0190a1b2-0000-7000-8000-00000000000b', ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRecord({ spaceKey, ...ctx, epoch: 3, ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRecord({ spaceKey, ...ctx, epoch: 1, ciphertext }), 'decrypt-failed');
    expectCryptoError(() => decryptRecord({ spaceKey: randomBytes(32), ...ctx, ciphertext }), 'decrypt-failed');
  });

  it('fails on every single-byte modification', () => {
    const ciphertext = encryptRecord({ spaceKey, ...ctx, body });
    const n = forEveryFlip(ciphertext, (t, i) => {
      expectCryptoError(() => decryptRecord({ spaceKey, ...ctx, ciphertext: t }), i === 0 ? 'unsupported-version' : 'decrypt-failed');
    });
    expect(n).toBe(ciphertext.length * 2);
  });

  it('refuses an invalid epoch', () => {
    expectCryptoError(() => encryptRecord({ spaceKey, ...ctx, epoch: -1, body }), 'invalid-input');
    expectCryptoError(() => encryptRecord({ spaceKey, ...ctx, epoch: 1.5, body }), 'invalid-input');
  });
});
