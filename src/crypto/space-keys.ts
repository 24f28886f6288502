/**
 * Space keys: one random 32-byte key per space per epoch, sealed (seal.ts) to each member by the
 * member who made it. The context binds a sealed key to its space, epoch, recipient and sender,
 * so the server cannot replay a key sealed for one space/epoch/member as another.
 * A member keeping a copy for themselves (e.g. in their personal space) makes the same call with
 * themselves as recipient and sender.
 */
import { assertKeyLength, randomBytes } from './bytes.ts';
import { encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';
import { openSealed, sealTo } from './seal.ts';

export const SPACE_KEY_BYTES = 32;

export function generateSpaceKey(): Uint8Array {
  return randomBytes(SPACE_KEY_BYTES);
}

export function spaceKeyContext(
  spaceId: string,
  epoch: number,
  recipientUserId: string,
  senderUserId: string,
): Uint8Array {
  return encodeContext(LABELS.spaceKey, [spaceId, epoch, recipientUserId, senderUserId]);
}

export function sealSpaceKey({
  spaceKey,
  spaceId,
  epoch,
  recipientUserId,
  recipientPublicKey,
  senderUserId,
  senderSigningKey,
}: {
  spaceKey: Uint8Array;
  spaceId: string;
  epoch: number;
  recipientUserId: string;
  recipientPublicKey: Uint8Array;
  senderUserId: string;
  senderSigningKey: Uint8Array;
}): Uint8Array {
  assertKeyLength(spaceKey, SPACE_KEY_BYTES, 'space key');
  return sealTo({
    payload: spaceKey,
    recipientPublicKey,
    senderSigningKey,
    context: spaceKeyContext(spaceId, epoch, recipientUserId, senderUserId),
  });
}

export function openSpaceKey({
  sealed,
  spaceId,
  epoch,
  recipientUserId,
  recipientSecretKey,
  recipientPublicKey,
  senderUserId,
  senderVerifyKey,
}: {
  sealed: Uint8Array;
  spaceId: string;
  epoch: number;
  recipientUserId: string;
  recipientSecretKey: Uint8Array;
  /** See openSealed: saves deriving it again when the caller holds it. */
  recipientPublicKey?: Uint8Array;
  senderUserId: string;
  senderVerifyKey: Uint8Array;
}): Uint8Array {
  const key = openSealed({
    sealed,
    recipientSecretKey,
    recipientPublicKey,
    senderVerifyKey,
    context: spaceKeyContext(spaceId, epoch, recipientUserId, senderUserId),
  });
  if (key.length !== SPACE_KEY_BYTES) throw new CryptoError('decrypt-failed');
  return key;
}
