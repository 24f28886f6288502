/**
 * A tombstone's signature: its author's Ed25519 signature over the records it deletes, so that
 * only the author of a record can delete it on the others' devices, even with the server's help
 * (a member and the operator together could otherwise post a deletion in someone else's name).
 *
 *   signature = Ed25519(author's key, encodeContext('innermost/tombstone/v1',
 *                 [spaceId, authorId, count, ...recordIds]))
 * The tombstone itself travels as an ordinary record (encrypted under the space key), with the
 * ids and this signature inside. Never change once released.
 */
import { encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';
import { sign, verify } from './sign.ts';

/** At most this many records deleted by one tombstone (a sharing turned off, a space left). */
export const MAX_TOMBSTONE_TARGETS = 500;

function message(spaceId: string, authorId: string, recordIds: readonly string[]): Uint8Array {
  if (typeof spaceId !== 'string' || spaceId === '' || typeof authorId !== 'string' || authorId === '') throw new CryptoError('invalid-input');
  if (!Array.isArray(recordIds) || recordIds.length === 0 || recordIds.length > MAX_TOMBSTONE_TARGETS) throw new CryptoError('invalid-input');
  if (!recordIds.every((id) => typeof id === 'string' && id !== '')) throw new CryptoError('invalid-input');
  return encodeContext(LABELS.tombstone, [spaceId, authorId, recordIds.length, ...recordIds]);
}

export function signTombstone(input: { spaceId: string; authorId: string; recordIds: readonly string[]; signingKey: Uint8Array }): Uint8Array {
  return sign(input.signingKey, message(input.spaceId, input.authorId, input.recordIds));
}

/** Never throws: anything malformed is simply not a valid tombstone. */
export function verifyTombstone(input: { spaceId: string; authorId: string; recordIds: readonly string[]; signature: Uint8Array; verifyKey: Uint8Array }): boolean {
  try {
    return verify(input.verifyKey, message(input.spaceId, input.authorId, input.recordIds), input.signature);
  } catch {
    return false;
  }
}
