/**
 * Keys only two people can compute, and what they seal with them (docs/crypto.md "Sealed to a
 * pair", ADR 026). A shared place's key is held by every member; some things two members write
 * there are for the two of them alone (a comfort match's messages, their touch program). Those are
 * sealed under a key from the X25519 secret of the two identity keys, which neither a third member
 * nor the server can compute:
 *
 *   shared  = X25519(my identity secret, partner's identity public key)      all-zero refused
 *   key     = HKDF-SHA256(shared, salt = lowPub ‖ highPub, info = encodeContext(label, fields), 32)
 *
 * `low` and `high` are the two user ids sorted, their public keys in that order. The label and
 * fields (which always include the place and both ids) separate every use of the same pair.
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decryptEnvelope, encryptEnvelope, padBucket, unpadBucket } from './aead.ts';
import { assertKeyLength, concatBytes, isAllZero } from './bytes.ts';
import { encodeContext, LABELS, type ContextField } from './context.ts';
import { CryptoError } from './errors.ts';

export interface PairKeyInput {
  myId: string;
  partnerId: string;
  myX25519Secret: Uint8Array;
  partnerX25519Public: Uint8Array;
}

/** The two ids, sorted; refuses a "pair" of one person. */
export function sortedIds(a: string, b: string): [string, string] {
  if (a === b) throw new CryptoError('invalid-input', 'a pair needs two different people');
  return a < b ? [a, b] : [b, a];
}

/** HKDF over the pair's X25519 secret, bound to `label` and `fields` (see the top of this file). */
export function derivePairKey({ myId, partnerId, myX25519Secret, partnerX25519Public }: PairKeyInput, label: string, fields: ContextField[]): Uint8Array {
  assertKeyLength(myX25519Secret, 32, 'X25519 secret key');
  assertKeyLength(partnerX25519Public, 32, 'X25519 public key');
  const [low] = sortedIds(myId, partnerId);
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(myX25519Secret, partnerX25519Public);
  } catch {
    throw new CryptoError('invalid-key', 'partner public key is a low-order point');
  }
  if (isAllZero(shared)) throw new CryptoError('invalid-key', 'partner public key is a low-order point');
  const myPub = x25519.getPublicKey(myX25519Secret);
  const salt = myId === low ? concatBytes(myPub, partnerX25519Public) : concatBytes(partnerX25519Public, myPub);
  const key = hkdf(sha256, shared, salt, encodeContext(label, fields), 32);
  shared.fill(0);
  return key;
}

/** The pair's key for what they write about their touch program in one shared place. */
export function touchPairKey(input: PairKeyInput & { spaceId: string }): Uint8Array {
  const [low, high] = sortedIds(input.myId, input.partnerId);
  return derivePairKey(input, LABELS.touchPair, [input.spaceId, low, high]);
}

/** What a sealed note is bound to: its place, its record kind, who wrote it and for whom. */
export interface PairNoteBinding {
  spaceId: string;
  kind: string;
  authorId: string;
  partnerId: string;
}

const noteAd = (b: PairNoteBinding) => encodeContext(LABELS.touchNote, [b.spaceId, b.kind, b.authorId, b.partnerId]);

/**
 * Seals a note to the pair, padded to 256-byte buckets (its length shows only to that
 * granularity). The record carrying it is signed by its author as every record is.
 */
export function sealPairNote(key: Uint8Array, binding: PairNoteBinding, body: Uint8Array): Uint8Array {
  return encryptEnvelope(key, padBucket(body), noteAd(binding));
}

/** Opens a note sealed to the pair; 'decrypt-failed' for another key, binding or any change. */
export function openPairNote(key: Uint8Array, binding: PairNoteBinding, sealed: Uint8Array): Uint8Array {
  return unpadBucket(decryptEnvelope(key, sealed, noteAd(binding)));
}
