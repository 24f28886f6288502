/**
 * Interleaved rounds of HTTP load from a separate process (bench/loadgen.ts, autocannon). Every
 * scenario runs one warm-up slice, then ROUNDS slices in turn (a b c a b c ...), so background
 * load on the machine falls on all of them alike; we report each scenario's median throughput
 * over the rounds, its spread (lowest and highest round) and the median of the rounds' p99s.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { LoadRequest, LoadResult, LoadSpec } from './loadgen.ts';

export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16;
export const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
/** Per slice (one scenario in one round). */
export const SLICE_MS = Number(process.env.BENCH_SLICE_MS) || 2000;
const WARMUP_MS = Math.min(1000, SLICE_MS);

export interface Scenario {
  name: string;
  origin: string;
  requests: LoadRequest[];
  expectStatus: number;
}

export interface Measured {
  /** Median over the rounds, requests per second. */
  rps: number;
  /** Lowest and highest round, requests per second. */
  min: number;
  max: number;
  /** Median over the rounds of each round's p99, milliseconds. */
  p99: number;
  rounds: number[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

function startLoadGenerator(): { run(spec: LoadSpec): Promise<LoadResult>; stop(): void } {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'loadgen.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending: { resolve: (r: LoadResult) => void; reject: (e: Error) => void } | null = null;
  child.on('message', (message: LoadResult | { error: string }) => {
    const p = pending;
    pending = null;
    if ('error' in message) p?.reject(new Error(message.error));
    else p?.resolve(message);
  });
  child.on('exit', (code) => pending?.reject(new Error(`load generator exited with ${code}`)));
  return {
    run: (spec) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        child.send(spec);
      }),
    stop: () => child.disconnect(),
  };
}

export async function runInterleaved(scenarios: Scenario[]): Promise<Map<string, Measured>> {
  const generator = startLoadGenerator();
  const perRound = new Map<string, { rps: number[]; p99: number[] }>(scenarios.map((s) => [s.name, { rps: [], p99: [] }]));
  const slice = async (s: Scenario, durationMs: number) => {
    const result = await generator.run({ origin: s.origin, requests: s.requests, expectStatus: s.expectStatus, connections: CONCURRENCY, durationMs });
    if (result.unexpected > 0 || result.errors > 0 || result.count === 0) {
      throw new Error(`bench ${s.name}: ${result.unexpected} unexpected answers (first: ${result.firstUnexpected}), ${result.errors} errors`);
    }
    return result;
  };
  try {
    for (const s of scenarios) await slice(s, WARMUP_MS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of scenarios) {
        const result = await slice(s, SLICE_MS);
        const stats = perRound.get(s.name)!;
        stats.rps.push(result.count / result.seconds);
        stats.p99.push(percentile(result.latencies.sort((a, b) => a - b), 99));
      }
    }
  } finally {
    generator.stop();
  }
  return new Map(
    scenarios.map((s) => {
      const { rps, p99 } = perRound.get(s.name)!;
      return [s.name, { rps: median(rps), min: Math.min(...rps), max: Math.max(...rps), p99: median(p99), rounds: rps }];
    }),
  );
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Figures of one scenario: median req/s, spread as "min-max", median p99. */
export function figures(prefix: string, m: Measured): Record<string, number | string> {
  return {
    [`${prefix}_rps`]: round(m.rps, 0),
    [`${prefix}_rps_spread`]: `${round(m.min, 0)}-${round(m.max, 0)}`,
    [`${prefix}_p99_ms`]: round(m.p99, 2),
  };
}
