import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, utf8 } from './bytes.ts';
import { decodeContext, encodeContext, LABELS, type ContextField } from './context.ts';
import { expectCryptoError, hex } from './test-utils.ts';

const field: fc.Arbitrary<ContextField> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.maxSafeNat(),
  fc.uint8Array({ maxLength: 20 }),
);
const label = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 });

describe('encodeContext', () => {
  it('has the documented byte layout (regression vector)', () => {
    const encoded = encodeContext('x/v1', ['ab', 258, Uint8Array.of(0xff)]);
    expect(hex(encoded)).toBe(
      '01' + // version
        '00000004' + hex(utf8('x/v1')) + // label
        '00000003' + // field count
        '01' + '00000002' + '6162' + // string "ab"
        '02' + '00000008' + '0000000000000102' + // integer 258
        '03' + '00000001' + 'ff', // bytes
    );
  });

  it('separates what naive concatenation would merge', () => {
    const a = encodeContext('l', ['ab', 'c']);
    const b = encodeContext('l', ['a', 'bc']);
    const c = encodeContext('l', ['abc']);
    const d = encodeContext('l', [utf8('abc')]);
    const e = encodeContext('la', ['bc']);
    const f = encodeContext('l', [1]);
    const g = encodeContext('l', ['\u0001']);
    const all = [a, b, c, d, e, f, g].map(hex);
    expect(new Set(all).size).toBe(all.length);
  });

  it('is injective: decodeContext inverts it exactly (property)', () => {
    fc.assert(
      fc.property(label, fc.array(field, { maxLength: 8 }), (l, fields) => {
        const encoded = encodeContext(l, fields);
        const decoded = decodeContext(encoded);
        expect(decoded.label).toBe(l);
        expect(decoded.fields).toEqual(fields);
        expect(hex(encodeContext(decoded.label, decoded.fields))).toBe(hex(encoded));
      }),
      { numRuns: 500 },
    );
  });

  it('gives different encodings for different inputs (property)', () => {
    fc.assert(
      fc.property(label, fc.array(field, { maxLength: 4 }), label, fc.array(field, { maxLength: 4 }), (l1, f1, l2, f2) => {
        const same = hex(encodeContext(l1, f1)) === hex(encodeContext(l2, f2));
        const equalInputs = l1 === l2 && JSON.stringify(f1.map(tagged)) === JSON.stringify(f2.map(tagged));
        expect(same).toBe(equalInputs);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses values that cannot be encoded uniquely', () => {
    expectCryptoError(() => encodeContext('', []), 'invalid-input');
    expectCryptoError(() => encodeContext('l', ['\uD800']), 'invalid-input');
    expectCryptoError(() => encodeContext('\uDC00', []), 'invalid-input');
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 53, -0]) {
      expectCryptoError(() => encodeContext('l', [bad]), 'invalid-input');
    }
    expectCryptoError(() => encodeContext('l', [null as unknown as string]), 'invalid-input');
  });

  it('decodes strictly', () => {
    const good = encodeContext('l', ['a', 1, Uint8Array.of(2)]);
    expectCryptoError(() => decodeContext(concatBytes(good, Uint8Array.of(0))), 'invalid-input');
    expectCryptoError(() => decodeContext(good.subarray(0, good.length - 1)), 'invalid-input');
    expectCryptoError(() => decodeContext(Uint8Array.of(2)), 'unsupported-version');
    // An integer above 2^53 - 1 is never produced, so it is never accepted.
    const big = encodeContext('l', [1]);
    big[big.length - 8] = 0xff;
    expectCryptoError(() => decodeContext(big), 'invalid-input');
    // An unknown tag.
    const tag = encodeContext('l', ['a']);
    tag[1 + 4 + 1 + 4] = 0x09;
    expectCryptoError(() => decodeContext(tag), 'invalid-input');
  });

  it('has one distinct label per purpose', () => {
    const labels = Object.values(LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const l of labels) expect(l).toMatch(/^innermost\/[a-z0-9/-]+\/v\d+$/);
  });
});

function tagged(f: ContextField): [string, string] {
  if (typeof f === 'string') return ['s', f];
  if (typeof f === 'number') return ['n', String(f)];
  return ['b', hex(f)];
}
