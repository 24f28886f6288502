/**
 * HTTP hot paths against a baseline, in one process on loopback: (a) a bare Hono route doing one
 * SQLite point select, (b) the real app (as main.ts builds it, info logs to /dev/null) on a temp
 * SQLite database (two users sharing a space with 200 records). N concurrent keep-alive clients
 * (undici's fetch, on a load-generator thread) run bounded loops; the scenarios are interleaved in
 * short slices so background load hits them alike. We report throughput (req/s), p99 latency (ms)
 * and each hot path's throughput as a ratio of the baseline's.
 *
 * Env: BENCH_DURATION_MS (default 5000 per scenario), BENCH_CONCURRENCY (default 16).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import pino from 'pino';
import { createApp } from '../src/server/app.ts';
import { type Database, openDatabase } from '../src/server/db/open.ts';
import type { Notifier } from '../src/server/realtime/notifier.ts';
import { InProcessNotifier } from '../src/server/realtime/notifier.ts';
import { uuidv7 } from '../src/shared/ids.ts';
import { blob } from '../tests/factories/blobs.ts';
import { createCouple, writeRecord } from '../tests/factories/spaces.ts';
import { type TestUser, createUser } from '../tests/factories/users.ts';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS) || 5000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16;
const WARMUP_MS = Math.min(1000, DURATION_MS / 5);
const ROUNDS = 5;

export interface Listening {
  base: string;
  close(): Promise<void>;
}

/** Serves a fetch handler on a free loopback port. */
export async function listen(fetchHandler: (req: Request) => Response | Promise<Response>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        base: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}

/** An app as main.ts builds it (info-level logs, asynchronous, here to /dev/null), on `database`. */
export function benchApp(database: Database, notifier: Notifier = new InProcessNotifier(), secret = randomBytes(32)) {
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  return createApp({ config: { trustProxy: true }, database, secret, notifier, logger });
}

/** A client for the factories that talks to a live server over HTTP. */
export function httpClient(base: string) {
  return { request: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One kind of request, described as data so the load-generator thread can replay it. */
interface Scenario {
  name: string;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** JSON text; every `__UUID7__` in it is replaced by a fresh UUIDv7 per request. */
  body?: string;
  expectStatus: number;
  latencies: number[];
  seconds: number;
}

function scenario(name: string, spec: Omit<Scenario, 'name' | 'latencies' | 'seconds'>): Scenario {
  return { name, ...spec, latencies: [], seconds: 0 };
}

/**
 * The load generator runs on its own thread (as a separate load-generation process would), so
 * the server's event loop does only server work and the figures measure the server, not the
 * client's fetch machinery sharing its thread.
 */
const LOADGEN_SOURCE = `
const { parentPort } = process.getBuiltinModule('node:worker_threads');
const { randomFillSync } = process.getBuiltinModule('node:crypto');
function uuidv7() {
  const b = randomFillSync(new Uint8Array(16));
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) { b[i] = ms % 256; ms = Math.floor(ms / 256); }
  b[6] = (b[6] & 0x0f) | 0x70; b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}
parentPort.on('message', async ({ spec, durationMs, concurrency }) => {
  const latencies = [];
  let error = null;
  const deadline = performance.now() + durationMs;
  const loop = async () => {
    while (performance.now() < deadline && !error) {
      const init = { method: spec.method || 'GET', headers: spec.headers };
      if (spec.body) init.body = spec.body.replaceAll('__UUID7__', () => uuidv7());
      const started = performance.now();
      const res = await fetch(spec.url, init);
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res.status !== spec.expectStatus) error = spec.url + ' answered ' + res.status;
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  parentPort.postMessage({ latencies, seconds: (performance.now() - began) / 1000, error });
});
`;

function startLoadGenerator() {
  type Result = { latencies: number[]; seconds: number; error: string | null };
  const worker = new Worker(LOADGEN_SOURCE, { eval: true });
  worker.unref();
  let pending: { resolve: (r: Result) => void; reject: (e: unknown) => void } | null = null;
  worker.on('message', (result: Result) => pending?.resolve(result));
  worker.on('error', (error) => pending?.reject(error));
  const run = (s: Scenario, durationMs: number) =>
    new Promise<Result>((resolve, reject) => {
      pending = { resolve, reject };
      const { latencies: _l, seconds: _s, name: _n, ...spec } = s;
      worker.postMessage({ spec, durationMs, concurrency: CONCURRENCY });
    });
  return { run, stop: () => worker.terminate() };
}

/**
 * Interleaves the scenarios in ROUNDS short slices (after one warm-up slice each), so that load
 * from anything else on the machine affects all of them alike and the ratios stay meaningful.
 */
async function runInterleaved(scenarios: Scenario[]): Promise<Map<string, { rps: number; p99: number }>> {
  const generator = startLoadGenerator();
  try {
    const slice = DURATION_MS / ROUNDS;
    for (const s of scenarios) {
      const warm = await generator.run(s, WARMUP_MS);
      if (warm.error) throw new Error(`bench ${s.name}: ${warm.error}`);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of scenarios) {
        const result = await generator.run(s, slice);
        if (result.error) throw new Error(`bench ${s.name}: ${result.error}`);
        s.latencies.push(...result.latencies);
        s.seconds += result.seconds;
      }
    }
  } finally {
    await generator.stop();
  }
  return new Map(
    scenarios.map((s) => {
      s.latencies.sort((a, b) => a - b);
      return [s.name, { rps: s.latencies.length / s.seconds, p99: percentile(s.latencies, 99) }];
    }),
  );
}

export async function benchHttp(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'innermost-bench-http-'));
  const closers: Array<() => Promise<void> | void> = [];
  try {
    // (a) Baseline: Hono + one point select on a SQLite file in WAL mode.
    const raw = new SQLite(join(dir, 'baseline.db'));
    raw.pragma('journal_mode = WAL');
    raw.exec('create table items (id text primary key, value text not null)');
    const insert = raw.prepare('insert into items (id, value) values (?, ?)');
    const ids = Array.from({ length: 1000 }, () => uuidv7());
    raw.transaction(() => ids.forEach((id) => insert.run(id, randomBytes(32).toString('base64url'))))();
    const select = raw.prepare('select id, value from items where id = ?');
    const bare = new Hono().get('/items/:id', (c) => c.json(select.get(c.req.param('id')) ?? null));
    const baselineServer = await listen(bare.fetch);
    closers.push(
      () => baselineServer.close(),
      () => {
        raw.close();
      },
    );

    // (b) The real app on its own SQLite database.
    const database = await openDatabase({ sqlitePath: join(dir, 'app.db') });
    closers.push(async () => {
      await database.close();
    });
    const app = benchApp(database);
    const server = await listen(app.fetch);
    closers.push(() => server.close());
    const client = httpClient(server.base);
    const a: TestUser = await createUser(client);
    const b: TestUser = await createUser(client);
    const space = await createCouple(client, a, b);
    for (let i = 0; i < 200; i++) await writeRecord(client, i % 2 ? a : b, space.id, space.epoch);

    const baselineScenario = scenario('baseline', { url: `${baselineServer.base}/items/${ids[0]}`, expectStatus: 200 });
    const writeScenario = scenario('write', {
      url: `${server.base}/api/spaces/${space.id}/records`,
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: a.cookie },
      body: JSON.stringify({ id: '__UUID7__', epoch: space.epoch, ciphertext: blob.ciphertext() }),
      expectStatus: 201,
    });
    // An incremental pull: what a client fetches after a live notice (the records since its
    // cursor; PULL_RECORDS of them, default 10, each a 297-byte ciphertext).
    const pullRecords = Number(process.env.PULL_RECORDS ?? 10);
    const pullScenario = scenario('pull', {
      url: `${server.base}/api/spaces/${space.id}/records?since=${200 - pullRecords}&limit=${pullRecords}`,
      headers: { cookie: b.cookie },
      expectStatus: 200,
    });

    const results = await runInterleaved([baselineScenario, writeScenario, pullScenario]);
    const baseline = results.get('baseline')!;
    const write = results.get('write')!;
    const pull = results.get('pull')!;

    return {
      concurrency: CONCURRENCY,
      baseline_rps: round(baseline.rps, 0),
      baseline_p99_ms: round(baseline.p99, 2),
      write_rps: round(write.rps, 0),
      write_p99_ms: round(write.p99, 2),
      pull_rps: round(pull.rps, 0),
      pull_p99_ms: round(pull.p99, 2),
      write_ratio: round(write.rps / baseline.rps, 2),
      pull_ratio: round(pull.rps / baseline.rps, 2),
    };
  } finally {
    for (const close of closers.reverse()) await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  console.log(await benchHttp());
}
