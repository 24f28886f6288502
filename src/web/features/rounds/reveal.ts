/**
 * Opening one revealed submission: verify the author's signature (key from the space's verified
 * membership history), decrypt with the key of the round's epoch, then validate the answers
 * against the exercise. Pure (no state, no I/O), shared by the engine and bench/round-verify.ts.
 * Any failure gives `verified: false` and no answers: the screen shows a warning, never text
 * that did not verify.
 */
import type { Exercise } from '../../../shared/content.ts';
import { fromB64 } from '../../../shared/base64.ts';
import { verifyAndDecryptSubmission } from '../../../crypto/rounds.ts';
import type { Answers } from './types.ts';
import { decodeSubmission } from './answers.ts';

export interface OpenSubmissionInput {
  spaceKey: Uint8Array | undefined;
  /** The author's Ed25519 key from the verified history; undefined when unknown. */
  verifyKey: Uint8Array | undefined;
  spaceId: string;
  roundId: string;
  epoch: number;
  authorId: string;
  /** From the round's header; null when the header did not open. */
  exerciseId: string | null;
  /** The exercise when this device knows it (otherwise only the answers' shape is checked). */
  exercise: Exercise | undefined;
  ciphertext: string;
  signature: string;
}

export function openSubmission(input: OpenSubmissionInput): { answers: Answers; verified: boolean } {
  const failed = { answers: {}, verified: false };
  const { spaceKey, verifyKey, exerciseId } = input;
  if (!spaceKey || !verifyKey || !exerciseId) return failed;
  try {
    const body = verifyAndDecryptSubmission({
      spaceKey,
      verifyKey,
      spaceId: input.spaceId,
      roundId: input.roundId,
      epoch: input.epoch,
      authorId: input.authorId,
      ciphertext: fromB64(input.ciphertext),
      signature: fromB64(input.signature),
    });
    const parsed = decodeSubmission(body, input.exercise);
    if (!parsed || parsed.exerciseId !== exerciseId) return failed;
    return { answers: parsed.answers, verified: true };
  } catch {
    return failed;
  }
}
