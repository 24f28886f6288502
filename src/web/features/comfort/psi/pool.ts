/**
 * Spreads a comfort match's curve work over a few Web Workers (ADR 026, "Cost"): the slots of a
 * message are cut into one contiguous range per worker, each range is blinded or raised in its
 * own worker, and the parts are joined in order. Phones have several cores, so a side takes a
 * fraction of the single-thread time, and the screen stays responsive throughout. The workers
 * close after a quiet while. Without Worker (Node), the same jobs run in place.
 */
import { PSI_POINT_BYTES, type PsiRun } from '../../../../crypto/psi.ts';
import { concatBytes } from '../../../../crypto/bytes.ts';
import { ActionError } from '../../../platform/errors/action-error.ts';
import { runJob, type PsiJob } from './jobs.ts';

/** At most this many workers: beyond it, starting them costs more than it saves. */
const MAX_WORKERS = 4;
const IDLE_MS = 30_000;

interface Reply {
  id: number;
  ok: boolean;
  points?: Uint8Array;
  code?: string;
}

let workers: Worker[] = [];
let idle: ReturnType<typeof setTimeout> | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: Reply) => void>();

/** How many workers to use: one per core but one (the main thread's), between 1 and MAX_WORKERS. */
export function workerCount(cores: number | undefined): number {
  return Math.max(1, Math.min(MAX_WORKERS, (cores ?? 2) - 1));
}

function pool(): Worker[] {
  if (idle) clearTimeout(idle);
  idle = setTimeout(closePool, IDLE_MS);
  if (workers.length) return workers;
  const n = workerCount(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency);
  for (let i = 0; i < n; i++) {
    const worker = new Worker(new URL('./psi.worker.ts', import.meta.url), { type: 'module', name: 'comfort-match' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    workers.push(worker);
  }
  return workers;
}

export function closePool(): void {
  if (idle) clearTimeout(idle);
  idle = null;
  for (const w of workers) w.terminate();
  workers = [];
  for (const [id, done] of waiting) done({ id, ok: false, code: 'cancelled' });
  waiting.clear();
}

function send(worker: Worker, job: PsiJob): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise<Reply>((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ id, job });
  }).then((reply) => {
    // A point that is not one (a deviating partner) or a closed pool: the run cannot go on here.
    if (!reply.ok || !reply.points) throw new ActionError('internal', reply.code);
    return reply.points;
  });
}

/** Cuts `count` slots into at most `parts` contiguous ranges of nearly equal size. */
export function ranges(count: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  const n = Math.max(1, Math.min(parts, count));
  for (let i = 0; i < n; i++) {
    const start = Math.floor((i * count) / n);
    const end = Math.floor(((i + 1) * count) / n);
    if (end > start) out.push([start, end]);
  }
  return out;
}

async function spread(count: number, jobOf: (start: number, end: number) => PsiJob): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return runJob(jobOf(0, count));
  const list = pool();
  const parts = await Promise.all(ranges(count, list.length).map(([start, end], i) => send(list[i]!, jobOf(start, end))));
  return concatBytes(...parts);
}

/** My phase 1 points for a plan (psiPlan), in slot order. */
export function blindInWorkers(run: PsiRun, labels: (string | null)[], scalar: bigint): Promise<Uint8Array> {
  return spread(labels.length, (start, end) => ({ op: 'blind', run, labels: labels.slice(start, end), scalar }));
}

/** The other's phase 1 raised to my scalar (their shape checked before: psiCheckShape). */
export function raiseInWorkers(points: Uint8Array, scalar: bigint): Promise<Uint8Array> {
  return spread(points.length / PSI_POINT_BYTES, (start, end) => ({ op: 'raise', points: points.slice(start * PSI_POINT_BYTES, end * PSI_POINT_BYTES), scalar }));
}
