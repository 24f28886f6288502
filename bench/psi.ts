/**
 * Comfort match (ADR 026): the time one side spends on a match of 120 items (240 slots), in
 * Node: phase 1 (hash, blind, pad, shuffle), phase 2 (raise the other's 240 points), the result,
 * and sealing and opening the messages. Median and p95 over RUNS runs. The baseline is one
 * SHA-256 of 1 MiB measured in the same run, so the ratio can be compared across machines. The
 * issue's target (at most 1 s per side in Chromium on a phone) is measured by psi-browser.ts,
 * through the app's own worker; this figure follows the protocol's cost in one thread, sealing
 * and opening included.
 *
 * Env: BENCH_PSI_RUNS (default 5).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { generateIdentity } from '../src/crypto/identity.ts';
import { openPsiMessage, psiPairKey, psiPhase1, psiPhase2, psiResult, sealPsiMessage, type PsiAnswer } from '../src/crypto/psi.ts';
import { uuidv7 } from '../src/shared/ids.ts';

const RUNS = Number(process.env.BENCH_PSI_RUNS) || 5;
const ITEMS = 120;
const SLOTS = 2 * ITEMS;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function answers(): Record<string, PsiAnswer> {
  const out: Record<string, PsiAnswer> = {};
  for (let i = 0; i < ITEMS; i++) if (i % 3 !== 2) out[`item-${i}`] = i % 3 === 0 ? 'yes' : 'maybe';
  return out;
}

export async function benchPsi(): Promise<Record<string, number>> {
  const [alice, bob] = [generateIdentity(), generateIdentity()];
  const [A, B] = [uuidv7(), uuidv7()];
  const side: number[] = [];
  const oneSide = () => {
    const run = { spaceId: uuidv7(), runId: uuidv7(), userIds: [A, B] as [string, string] };
    const key = (myId: string, me: typeof alice, other: typeof bob) =>
      psiPairKey({ ...run, myId, myX25519Secret: me.x25519.secretKey, partnerX25519Public: other.x25519.publicKey });
    const bind = (senderId: string, recipientId: string, phase: 1 | 2) => ({ spaceId: run.spaceId, runId: run.runId, senderId, recipientId, phase, slots: SLOTS });
    // The other side's messages, made outside the timed part.
    const theirs = psiPhase1(run, answers(), SLOTS);
    const start = performance.now();
    const kA = key(A, alice, bob);
    const mine = psiPhase1(run, answers(), SLOTS);
    sealPsiMessage({ ...bind(A, B, 1), pairKey: kA, signingKey: alice.ed25519.secretKey, points: mine.message });
    const sealedTheirs = sealPsiMessage({ ...bind(B, A, 1), pairKey: kA, signingKey: bob.ed25519.secretKey, points: theirs.message });
    const opened = openPsiMessage({ ...bind(B, A, 1), ...sealedTheirs, pairKey: kA, verifyKey: bob.ed25519.publicKey });
    const myPhase2 = psiPhase2(mine.secret, opened);
    sealPsiMessage({ ...bind(A, B, 2), pairKey: kA, signingKey: alice.ed25519.secretKey, points: myPhase2 });
    const elapsed = performance.now() - start;
    const theirPhase2 = psiPhase2(theirs.secret, mine.message); // the other's work: not timed
    const t2 = performance.now();
    psiResult(mine.secret, theirPhase2, myPhase2);
    return elapsed + (performance.now() - t2);
  };
  oneSide(); // warm-up
  for (let i = 0; i < RUNS; i++) side.push(oneSide());
  side.sort((a, b) => a - b);

  const mib = new Uint8Array(1 << 20).map((_, i) => i * 31);
  const base: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    sha256(mib);
    base.push(performance.now() - s);
  }
  base.sort((a, b) => a - b);
  const baseline = percentile(base, 50);
  const median = percentile(side, 50);
  return {
    psi_side_120_ms: round3(median),
    psi_side_120_p95_ms: round3(percentile(side, 95)),
    psi_baseline_sha256_1mib_ms: round3(baseline),
    psi_side_120_ratio: round3(median / baseline),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchPsi().then((figures) => console.log(figures));
}
