/**
 * Records: the encrypted entries of a space's log.
 *   ciphertext = envelope(spaceKey[epoch], padBucket(body, 256),
 *                         ad = encodeContext('innermost/record/v1', [spaceId, recordId, authorId, epoch]))
 * The envelope additionally authenticates its own version byte (aead.ts). The AD means the
 * server cannot move a record to another space, give it another id, attribute it to another
 * author or claim another epoch: any of those makes decryption fail.
 *
 * Deliberate deviation from the architecture brief: the record *kind* is not in the associated
 * data. It lives inside the encrypted body, so the server never learns what kind of thing a
 * record is (a check-in, an answer, a plan...). Binding is not weakened: the kind is covered by
 * the AEAD tag as part of the plaintext.
 */
import { decryptEnvelope, encryptEnvelope, padBucket, unpadBucket } from './aead.ts';
import { encodeContext, LABELS } from './context.ts';

export type RecordContext = { spaceId: string; recordId: string; authorId: string; epoch: number };

export function recordContext({ spaceId, recordId, authorId, epoch }: RecordContext): Uint8Array {
  return encodeContext(LABELS.record, [spaceId, recordId, authorId, epoch]);
}

export function encryptRecord({
  spaceKey,
  spaceId,
  recordId,
  authorId,
  epoch,
  body,
}: RecordContext & { spaceKey: Uint8Array; body: Uint8Array }): Uint8Array {
  const padded = padBucket(body);
  try {
    return encryptEnvelope(spaceKey, padded, recordContext({ spaceId, recordId, authorId, epoch }));
  } finally {
    padded.fill(0);
  }
}

/** Throws CryptoError('decrypt-failed') (or 'unsupported-version') for anything not authentic. */
export function decryptRecord({
  spaceKey,
  spaceId,
  recordId,
  authorId,
  epoch,
  ciphertext,
}: RecordContext & { spaceKey: Uint8Array; ciphertext: Uint8Array }): Uint8Array {
  const padded = decryptEnvelope(spaceKey, ciphertext, recordContext({ spaceId, recordId, authorId, epoch }));
  return unpadBucket(padded);
}
