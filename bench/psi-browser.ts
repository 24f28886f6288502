/**
 * Comfort match in Chromium on a phone profile (ADR 026, "Cost"): one side of a 120-item match
 * (240 slots; 80 items marked, 40 of them yes: 120 elements) through the app's own match worker
 * (dist/web/assets/psi.worker-*.js, the jobs of features/comfort/psi/), cut into ranges the way
 * psi/pool.ts cuts them: phase 1 (hash, blind and pad my slots), phase 2 (raise the other's 240
 * points) and the comparison. Sealing and opening the two messages (an AEAD of 7.7 KB and an
 * Ed25519 signature each, a few ms) are left out; bench/psi.ts times them in Node.
 *
 * Phone profile: a 390x844 touch viewport and Lighthouse's mobile CPU slowdown (4x). Chromium
 * throttles pages only: asked to throttle a worker, the DevTools protocol answers "Operation is
 * only supported for pages, not workers". So the workers run at this machine's speed, and the
 * phone figure is their time times the slowdown the throttled page shows on the same kind of work
 * (a loop of BigInt multiplications modulo a prime, as the curve code does), measured in this run,
 * and never less than the slowdown asked for.
 * The baseline is one SHA-256 of 1 MiB through WebCrypto in the unthrottled page, so the ratio
 * (worker time / baseline) can be compared across machines.
 *
 * Figures: the pool the app would use on this machine (navigator.hardwareConcurrency - 1 workers,
 * 1..4), one worker, and four workers.
 * Env: BENCH_PSI_RUNS (default 3), BENCH_PSI_CPU_SLOWDOWN (default 4).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../tests/e2e/support/app-server.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_PSI_RUNS) || 3;
const SLOWDOWN = Number(process.env.BENCH_PSI_CPU_SLOWDOWN) || 4;

/** The same kind of work as the curve code: BigInt products modulo 2^255 - 19. */
function bigintLoop(): number {
  const p = 2n ** 255n - 19n;
  const t0 = performance.now();
  let x = 9n;
  for (let i = 0; i < 200_000; i++) x = (x * x + 486662n) % p;
  if (x === 0n) throw new Error('unreachable');
  return performance.now() - t0;
}

export async function benchPsiBrowser(): Promise<Record<string, number>> {
  const worker = readdirSync(join(ROOT, 'dist/web/assets')).find((f) => /^psi\.worker.*\.js$/.test(f));
  if (!worker) throw new Error('no psi worker in dist/web/assets (npm run build first)');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const session = await context.newCDPSession(page);
    // The slowdown the throttled page shows on curve-like work: turns taken alternately, so a
    // change in this machine's load weighs on both sides alike (median of 5 each).
    await page.evaluate(bigintLoop); // warm-up
    const fastTimes: number[] = [];
    const slowTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      fastTimes.push(await page.evaluate(bigintLoop));
      await session.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
      slowTimes.push(await page.evaluate(bigintLoop));
      await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    const mid = (xs: number[]) => xs.sort((x, y) => x - y)[2]!;
    const [fast, slow] = [mid(fastTimes), mid(slowTimes)];
    // Conservative: never less than the slowdown asked for (a short task can slip through the throttle).
    const seen = slow / fast;
    const factor = Math.max(seen, SLOWDOWN);

    const figures = await page.evaluate(
      async ({ workerUrl, runs }) => {
        const ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
        const scalar = () => {
          const b = crypto.getRandomValues(new Uint8Array(64));
          let n = 0n;
          for (const x of b) n = (n << 8n) | BigInt(x);
          return (n % (ORDER - 1n)) + 1n;
        };
        const ITEMS = 120;
        const SLOTS = 2 * ITEMS;
        const plan = (): (string | null)[] => {
          const labels: (string | null)[] = [];
          for (let i = 0; i < ITEMS; i++) {
            if (i % 3 === 2) continue;
            labels.push(`item-${i}\u0000open`);
            if (i % 3 === 0) labels.push(`item-${i}\u0000yes`);
          }
          while (labels.length < SLOTS) labels.push(null);
          for (let i = labels.length - 1; i > 0; i--) {
            const j = Math.floor(Math.random() * (i + 1));
            [labels[i], labels[j]] = [labels[j]!, labels[i]!];
          }
          return labels;
        };
        let id = 1;
        const start = (n: number) => Array.from({ length: n }, () => new Worker(workerUrl, { type: 'module', name: 'comfort-match' }));
        const job = (w: Worker, payload: unknown) =>
          new Promise<Uint8Array>((done, fail) => {
            const mine = id++;
            const onMessage = (e: MessageEvent<{ id: number; ok: boolean; points?: Uint8Array }>) => {
              if (e.data.id !== mine) return;
              w.removeEventListener('message', onMessage);
              if (e.data.ok && e.data.points) done(e.data.points);
              else fail(new Error('job failed'));
            };
            w.addEventListener('message', onMessage);
            w.postMessage({ id: mine, job: payload });
          });
        const cut = (count: number, parts: number) =>
          Array.from({ length: Math.min(parts, count) }, (_, i) => [Math.floor((i * count) / parts), Math.floor(((i + 1) * count) / parts)] as const);
        const join = (parts: Uint8Array[]) => {
          const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const p of parts) out.set(p, (at += p.length) - p.length);
          return out;
        };
        const run = { spaceId: crypto.randomUUID(), runId: crypto.randomUUID(), userIds: [crypto.randomUUID(), crypto.randomUUID()] };
        const blind = (ws: Worker[], labels: (string | null)[], k: bigint) =>
          Promise.all(cut(labels.length, ws.length).map(([s, e], i) => job(ws[i]!, { op: 'blind', run, labels: labels.slice(s, e), scalar: k }))).then(join);
        const raise = (ws: Worker[], points: Uint8Array, k: bigint) =>
          Promise.all(cut(points.length / 32, ws.length).map(([s, e], i) => job(ws[i]!, { op: 'raise', points: points.slice(s * 32, e * 32), scalar: k }))).then(join);
        const key = (b: Uint8Array, i: number) => String.fromCharCode(...b.subarray(i * 32, i * 32 + 32));
        const compare = (labels: (string | null)[], theirs2: Uint8Array, mine2: Uint8Array) => {
          const set = new Set<string>();
          for (let i = 0; i < SLOTS; i++) set.add(key(mine2, i));
          return labels.filter((l, i) => l !== null && set.has(key(theirs2, i))).length;
        };

        /** One side, timed; the other side's work is done before and after, untimed. */
        async function side(ws: Worker[]): Promise<number> {
          const [a, b] = [scalar(), scalar()];
          const [la, lb] = [plan(), plan()];
          const theirs1 = await blind(ws, lb, b);
          const t0 = performance.now();
          const mine1 = await blind(ws, la, a);
          const mine2 = await raise(ws, theirs1, a);
          const t1 = performance.now();
          const theirs2 = await raise(ws, mine1, b);
          const t2 = performance.now();
          const shared = compare(la, theirs2, mine2);
          const elapsed = t1 - t0 + (performance.now() - t2);
          if (shared !== 120) throw new Error(`expected 120 shared elements, got ${shared}`);
          return elapsed;
        }
        const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
        async function measure(n: number): Promise<number> {
          const ws = start(n);
          try {
            await side(ws); // warm-up: module load and compilation in each worker
            const times: number[] = [];
            for (let i = 0; i < runs; i++) times.push(await side(ws));
            return median(times);
          } finally {
            for (const w of ws) w.terminate();
          }
        }
        const cores = navigator.hardwareConcurrency || 2;
        const poolSize = Math.max(1, Math.min(4, cores - 1));
        const pooled = await measure(poolSize);
        const one = await measure(1);
        const four = await measure(4);
        const data = new Uint8Array(1024 * 1024);
        const b0 = performance.now();
        for (let i = 0; i < 10; i++) await crypto.subtle.digest('SHA-256', data);
        const sha = (performance.now() - b0) / 10;
        return { cores, poolSize, pooled, one, four, sha };
      },
      { workerUrl: `/assets/${worker}`, runs: RUNS },
    );
    const r1 = (n: number) => Math.round(n * 10) / 10;
    return {
      psi_chromium_cores: figures.cores,
      psi_chromium_workers: figures.poolSize,
      psi_chromium_side_120_ms: Math.round(figures.pooled),
      psi_chromium_side_120_one_worker_ms: Math.round(figures.one),
      psi_chromium_side_120_four_workers_ms: Math.round(figures.four),
      psi_chromium_sha256_1mib_baseline_ms: r1(figures.sha),
      psi_chromium_side_120_ratio: r1(figures.pooled / figures.sha),
      psi_chromium_cpu_slowdown_asked: SLOWDOWN,
      psi_chromium_cpu_slowdown_seen: r1(seen),
      psi_phone_side_120_ms: Math.round(figures.pooled * factor),
      psi_phone_side_120_one_worker_ms: Math.round(figures.one * factor),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchPsiBrowser().then((figures) => console.log(figures));
}
