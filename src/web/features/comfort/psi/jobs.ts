/**
 * The costly steps of a comfort match as plain jobs (blind some slots, raise some points), so the
 * same code runs in the match workers (psi.worker.ts) and, where there are no workers (Node, the
 * engine's unit tests), in place. Each job is a range of slots; ranges concatenate in order.
 */
import { psiBlind, psiRaise, type PsiRun } from '../../../../crypto/psi.ts';

export type PsiJob =
  | { op: 'blind'; run: PsiRun; labels: (string | null)[]; scalar: bigint }
  | { op: 'raise'; points: Uint8Array; scalar: bigint };

export function runJob(job: PsiJob): Uint8Array {
  return job.op === 'blind' ? psiBlind(job.run, job.labels, job.scalar) : psiRaise(job.points, job.scalar);
}
