/**
 * Opening a revealed round on a device: verifying and decrypting every participant's submission
 * (Ed25519 verify, XChaCha20-Poly1305, unpadding, validation against the exercise) for a round
 * of 10 items answered by 3 people, in Node, median and p95 over RUNS runs. The baseline is one
 * SHA-256 of 1 MiB measured in the same run, so the ratio can be compared across machines.
 *
 * Env: BENCH_ROUND_VERIFY_RUNS (default 200).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { getExercise } from '../content/catalog.ts';
import { randomBytes } from '../src/crypto/bytes.ts';
import { encryptSubmission, signSubmission } from '../src/crypto/rounds.ts';
import { signingPublicKey } from '../src/crypto/sign.ts';
import { toB64 } from '../src/shared/base64.ts';
import { uuidv7 } from '../src/shared/ids.ts';
import type { Answers } from '../src/web/features/rounds/types.ts';
import { encodeSubmission } from '../src/web/features/rounds/answers.ts';
import { openSubmission } from '../src/web/features/rounds/reveal.ts';

const RUNS = Number(process.env.BENCH_ROUND_VERIFY_RUNS) || 200;
const WARMUP = 20;
const PEOPLE = 3;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function timeRuns(runs: number, fn: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export async function benchRoundVerify(): Promise<Record<string, number>> {
  const exercise = getExercise('sentence-completion');
  if (!exercise || exercise.items.length !== 10) throw new Error('round-verify: expected a 10-item exercise');
  const spaceKey = randomBytes(32);
  const spaceId = uuidv7();
  const roundId = uuidv7();
  const epoch = 3;
  const people = Array.from({ length: PEOPLE }, () => {
    const signingKey = randomBytes(32);
    const userId = uuidv7();
    const answers: Answers = {};
    for (const item of exercise.items) {
      if (item.kind === 'text') answers[item.id] = { kind: 'text', text: 'I feel close to you when we take our time. '.repeat(8).slice(0, Math.min(item.maxChars, 300)).trim() };
    }
    const ciphertext = encryptSubmission({ spaceKey, spaceId, roundId, epoch, authorId: userId, body: encodeSubmission(exercise, answers) });
    const signature = signSubmission({ signingKey, spaceId, roundId, epoch, authorId: userId, ciphertext });
    return { userId, verifyKey: signingPublicKey(signingKey), ciphertext: toB64(ciphertext), signature: toB64(signature) };
  });

  const openRound = () => {
    for (const p of people) {
      const opened = openSubmission({
        spaceKey,
        verifyKey: p.verifyKey,
        spaceId,
        roundId,
        epoch,
        authorId: p.userId,
        exerciseId: exercise.id,
        exercise,
        ciphertext: p.ciphertext,
        signature: p.signature,
      });
      if (!opened.verified) throw new Error('round-verify: a submission did not verify');
    }
  };

  const mib = new Uint8Array(1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
  const baseline = timeRuns(Math.max(20, Math.round(RUNS / 4)), () => void sha256(mib));
  const verify = timeRuns(RUNS, openRound);
  const baselineMedian = percentile(baseline, 50);
  const median = percentile(verify, 50);
  return {
    round_verify_runs: RUNS,
    round_verify_10x3_median_ms: round3(median),
    round_verify_10x3_p95_ms: round3(percentile(verify, 95)),
    sha256_1mib_median_ms: round3(baselineMedian),
    /** How many SHA-256s of 1 MiB one revealed round costs (lower is better). */
    round_verify_to_sha256_1mib_ratio: round3(median / baselineMedian),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [key, value] of Object.entries(await benchRoundVerify())) process.stdout.write(`${key.padEnd(44)} ${String(value).padStart(12)}\n`);
}
