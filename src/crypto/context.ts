/**
 * Canonical, injective encoding of a context: the associated data of every envelope, the HKDF
 * `info` of every sealed box, the message of every structured signature.
 *
 * Why: AEAD associated data and signed messages are plain byte strings. If two different
 * contexts could produce the same bytes (for example by naive concatenation, where
 * ("ab", "c") and ("a", "bc") collide), a ciphertext made for one could be accepted for the
 * other. Every field is therefore type-tagged and length-prefixed, and the number of fields is
 * written up front, so the encoding is prefix-free and `decodeContext` inverts it exactly
 * (a tested property). The label names the purpose and version (e.g. 'innermost/record/v1'),
 * which separates domains: no ciphertext or signature made for one purpose verifies for another.
 *
 * Format (all integers big-endian; constants below never change once released):
 *   [0x01 version]
 *   [u32 label length][label, UTF-8]
 *   [u32 field count]
 *   per field: [u8 tag][u32 value length][value]
 *     tag 0x01 string  -> UTF-8 bytes (well-formed strings only; no normalisation)
 *     tag 0x02 integer -> 8 bytes, unsigned (non-negative safe integers only, 0 .. 2^53-1)
 *     tag 0x03 bytes   -> the bytes
 */
import { concatBytes, fromUtf8, isWellFormedString, readU32be, u32be, utf8 } from './bytes.ts';
import { CryptoError } from './errors.ts';

/** Never change once released. */
export const CONTEXT_VERSION = 0x01;
/** Never change once released. */
export const CONTEXT_TAG_STRING = 0x01;
/** Never change once released. */
export const CONTEXT_TAG_INTEGER = 0x02;
/** Never change once released. */
export const CONTEXT_TAG_BYTES = 0x03;

export type ContextField = string | number | Uint8Array;

function encodeString(s: string, what: string): Uint8Array {
  if (typeof s !== 'string' || !isWellFormedString(s)) {
    throw new CryptoError('invalid-input', `${what} must be a well-formed string`);
  }
  return utf8(s);
}

function encodeInteger(n: number): Uint8Array {
  // Only non-negative safe integers: every such number has exactly one 8-byte encoding, and
  // -0, NaN, fractions or unsafe integers (which could alias each other) are refused.
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) {
    throw new CryptoError('invalid-input', 'context integers must be non-negative safe integers');
  }
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, Math.floor(n / 2 ** 32), false);
  view.setUint32(4, n >>> 0, false);
  return out;
}

export function encodeContext(label: string, fields: ContextField[]): Uint8Array {
  const labelBytes = encodeString(label, 'label');
  if (labelBytes.length === 0) throw new CryptoError('invalid-input', 'label must not be empty');
  const parts: Uint8Array[] = [
    Uint8Array.of(CONTEXT_VERSION),
    u32be(labelBytes.length),
    labelBytes,
    u32be(fields.length),
  ];
  for (const field of fields) {
    let tag: number;
    let value: Uint8Array;
    if (typeof field === 'string') {
      tag = CONTEXT_TAG_STRING;
      value = encodeString(field, 'field');
    } else if (typeof field === 'number') {
      tag = CONTEXT_TAG_INTEGER;
      value = encodeInteger(field);
    } else if (field instanceof Uint8Array) {
      tag = CONTEXT_TAG_BYTES;
      value = field;
    } else {
      throw new CryptoError('invalid-input', 'unsupported context field');
    }
    parts.push(Uint8Array.of(tag), u32be(value.length), value);
  }
  return concatBytes(...parts);
}

/**
 * Exact inverse of encodeContext. Strict: any trailing byte, bad tag, bad length or malformed
 * UTF-8 throws CryptoError(`errorCode`), so a decoded value re-encodes to the same bytes.
 */
export function decodeContext(
  bytes: Uint8Array,
  errorCode: 'invalid-input' | 'membership-invalid' = 'invalid-input',
): { label: string; fields: ContextField[] } {
  const fail = (): never => {
    throw new CryptoError(errorCode, 'malformed context encoding');
  };
  let offset = 0;
  const take = (n: number): Uint8Array => {
    if (n > bytes.length - offset) fail();
    const out = bytes.subarray(offset, offset + n);
    offset += n;
    return out;
  };
  const takeU32 = (): number => readU32be(take(4), 0);
  const text = (b: Uint8Array): string => {
    try {
      return fromUtf8(b);
    } catch {
      return fail();
    }
  };

  if (take(1)[0] !== CONTEXT_VERSION) {
    throw new CryptoError(errorCode === 'invalid-input' ? 'unsupported-version' : errorCode);
  }
  const label = text(take(takeU32()));
  if (label.length === 0) fail();
  const count = takeU32();
  // Each field takes at least 5 bytes, so a huge count cannot make us loop for long.
  if (count > (bytes.length - offset) / 5) fail();
  const fields: ContextField[] = [];
  for (let i = 0; i < count; i++) {
    const tag = take(1)[0];
    const value = take(takeU32());
    if (tag === CONTEXT_TAG_STRING) {
      fields.push(text(value));
    } else if (tag === CONTEXT_TAG_INTEGER) {
      if (value.length !== 8) fail();
      const hi = readU32be(value, 0);
      const lo = readU32be(value, 4);
      if (hi > 0x1fffff) fail(); // above 2^53 - 1: never produced by encodeContext
      fields.push(hi * 2 ** 32 + lo);
    } else if (tag === CONTEXT_TAG_BYTES) {
      fields.push(value.slice());
    } else {
      fail();
    }
  }
  if (offset !== bytes.length) fail();
  return { label, fields };
}

/**
 * Every domain-separation label of the module, in one place so that no two purposes can ever
 * share one. Never change once released; a new format gets a new label ('.../v2').
 */
export const LABELS = {
  record: 'innermost/record/v1',
  ukByMaster: 'innermost/uk-by-master/v1',
  ukByRecovery: 'innermost/uk-by-recovery/v1',
  identityByUk: 'innermost/identity-by-uk/v1',
  sealedBoxAd: 'innermost/sealed-box/v1',
  sealedBoxSignature: 'innermost/sealed-box/signature/v1',
  spaceKey: 'innermost/space-key/v1',
  inviteMac: 'innermost/invite/mac-input/v1',
  inviteSecret: 'innermost/invite/secret/v1',
  membership: 'innermost/membership/v1',
  departure: 'innermost/departure/v1',
  tombstone: 'innermost/tombstone/v1',
  safetyCode: 'innermost/safety-code/v2',
  roundHeader: 'innermost/round-header/v1',
  roundSubmission: 'innermost/round-submission/v1',
  roundSubmissionSig: 'innermost/round-submission-sig/v1',
  draft: 'innermost/draft/v1',
  comfortElement: 'innermost/comfort-element/v1',
  comfortPair: 'innermost/comfort-pair/v1',
  comfortMessage: 'innermost/comfort-message/v1',
  comfortMessageSig: 'innermost/comfort-message-sig/v1',
  touchPair: 'innermost/touch-pair/v1',
  touchNote: 'innermost/touch-note/v1',
  archive: 'innermost/archive/v1',
} as const;
