/**
 * Rounds (the reveal gate, docs/decisions/008-reveal-gate.md): the encrypted header that says
 * which exercise a round is, and each participant's sealed, signed submission.
 *
 *   header     = envelope(spaceKey[epoch], padBucket(header, 256),
 *                  ad = encodeContext('innermost/round-header/v1', [spaceId, roundId, epoch, creatorId]))
 *   ciphertext = envelope(spaceKey[epoch], padBucket(body, 256),
 *                  ad = encodeContext('innermost/round-submission/v1', [spaceId, roundId, epoch, authorId]))
 *   signature  = Ed25519(author's identity key,
 *                  encodeContext('innermost/round-submission-sig/v1',
 *                    [spaceId, roundId, epoch, authorId, SHA-256(ciphertext)]))
 *
 * Why a signature on top of the AEAD: every participant holds the space key, so the AEAD alone
 * cannot tell an author's submission from one another member (with the server) forged in their
 * name. The signature is by the author's Ed25519 key from the space's verified membership
 * history, so nobody can change an answer after seeing another's, or put words in someone's mouth.
 * The signature is checked before anything is decrypted.
 *
 * Drafts (answers not yet sealed) never leave the device; they are stored encrypted under the
 * user key:
 *   draft = envelope(UK, padBucket(body, 256), ad = encodeContext('innermost/draft/v1', [userId, key]))
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { decryptEnvelope, encryptEnvelope, padBucket, unpadBucket } from './aead.ts';
import { encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';
import { sign, verify } from './sign.ts';

export type RoundHeaderContext = { spaceId: string; roundId: string; epoch: number; creatorId: string };
export type SubmissionContext = { spaceId: string; roundId: string; epoch: number; authorId: string };

export function roundHeaderContext({ spaceId, roundId, epoch, creatorId }: RoundHeaderContext): Uint8Array {
  return encodeContext(LABELS.roundHeader, [spaceId, roundId, epoch, creatorId]);
}

export function submissionContext({ spaceId, roundId, epoch, authorId }: SubmissionContext): Uint8Array {
  return encodeContext(LABELS.roundSubmission, [spaceId, roundId, epoch, authorId]);
}

/** The exact bytes an author signs for a submission (exported for tests and docs). */
export function submissionSignedMessage({ spaceId, roundId, epoch, authorId, ciphertext }: SubmissionContext & { ciphertext: Uint8Array }): Uint8Array {
  return encodeContext(LABELS.roundSubmissionSig, [spaceId, roundId, epoch, authorId, sha256(ciphertext)]);
}

function sealPadded(key: Uint8Array, body: Uint8Array, ad: Uint8Array): Uint8Array {
  const padded = padBucket(body);
  try {
    return encryptEnvelope(key, padded, ad);
  } finally {
    padded.fill(0);
  }
}

export function encryptRoundHeader({ spaceKey, header, ...ctx }: RoundHeaderContext & { spaceKey: Uint8Array; header: Uint8Array }): Uint8Array {
  return sealPadded(spaceKey, header, roundHeaderContext(ctx));
}

/** Throws CryptoError('decrypt-failed') (or 'unsupported-version', 'padding-invalid'). */
export function decryptRoundHeader({ spaceKey, ciphertext, ...ctx }: RoundHeaderContext & { spaceKey: Uint8Array; ciphertext: Uint8Array }): Uint8Array {
  return unpadBucket(decryptEnvelope(spaceKey, ciphertext, roundHeaderContext(ctx)));
}

export function encryptSubmission({ spaceKey, body, ...ctx }: SubmissionContext & { spaceKey: Uint8Array; body: Uint8Array }): Uint8Array {
  return sealPadded(spaceKey, body, submissionContext(ctx));
}

/** A 64-byte Ed25519 signature by the author (`signingKey`: the 32-byte seed) over the round binding. */
export function signSubmission({ signingKey, ...rest }: SubmissionContext & { signingKey: Uint8Array; ciphertext: Uint8Array }): Uint8Array {
  return sign(signingKey, submissionSignedMessage(rest));
}

/** True when `signature` is the author's over this exact ciphertext in this exact round. Never throws. */
export function verifySubmission({ verifyKey, signature, ...rest }: SubmissionContext & { verifyKey: Uint8Array; ciphertext: Uint8Array; signature: Uint8Array }): boolean {
  return verify(verifyKey, submissionSignedMessage(rest), signature);
}

/**
 * Verifies the author's signature first (CryptoError('bad-signature')), then decrypts
 * (CryptoError('decrypt-failed'), 'unsupported-version' or 'padding-invalid'). Returns the body.
 */
export function verifyAndDecryptSubmission({
  spaceKey,
  verifyKey,
  signature,
  ciphertext,
  ...ctx
}: SubmissionContext & { spaceKey: Uint8Array; verifyKey: Uint8Array; ciphertext: Uint8Array; signature: Uint8Array }): Uint8Array {
  if (!verifySubmission({ verifyKey, signature, ciphertext, ...ctx })) throw new CryptoError('bad-signature');
  return unpadBucket(decryptEnvelope(spaceKey, ciphertext, submissionContext(ctx)));
}

export function draftContext(userId: string, key: string): Uint8Array {
  return encodeContext(LABELS.draft, [userId, key]);
}

/** A draft of answers, encrypted under the user key; bound to the user and the draft's key. */
export function encryptDraft({ userKey, userId, key, body }: { userKey: Uint8Array; userId: string; key: string; body: Uint8Array }): Uint8Array {
  return sealPadded(userKey, body, draftContext(userId, key));
}

export function decryptDraft({ userKey, userId, key, ciphertext }: { userKey: Uint8Array; userId: string; key: string; ciphertext: Uint8Array }): Uint8Array {
  return unpadBucket(decryptEnvelope(userKey, ciphertext, draftContext(userId, key)));
}
