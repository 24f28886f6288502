/**
 * Partner-to-partner realtime latency: the time from one client sending a record write to another
 * client receiving the SSE notice for it, over loopback, p50/p99 over WRITES sequential writes.
 * (1) one app server on SQLite with the in-process notifier; (2) two app servers on one
 * PostgreSQL with LISTEN/NOTIFY, the writer on one and the listener on the other (needs
 * BENCH_DATABASE_URL or TEST_DATABASE_URL; a fresh schema is created and dropped).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { LiveEvent } from '../src/shared/api.ts';
import { uuidv7 } from '../src/shared/ids.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { PostgresNotifier } from '../src/server/realtime/postgres-notifier.ts';
import { blob } from '../tests/factories/blobs.ts';
import { createCouple } from '../tests/factories/spaces.ts';
import { createUser } from '../tests/factories/users.ts';
import { benchApp, httpClient, listenNode, percentile } from './http.ts';

const WRITES = Number(process.env.BENCH_REALTIME_WRITES) || 200;

/**
 * Reads a live server's SSE stream and hands each LiveEvent to `onEvent`, with the time its chunk
 * arrived (performance.now()). Resolves once the stream says it is connected; returns a stopper.
 */
export async function subscribe(
  base: string,
  cookie: string,
  onEvent: (event: LiveEvent, receivedAt: number) => void,
): Promise<() => Promise<void>> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: { cookie }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let ready!: () => void;
  const connected = new Promise<void>((resolve) => {
    ready = resolve;
  });
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const receivedAt = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let index: number;
        while ((index = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          if (block.includes(': connected')) ready();
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (data) onEvent(JSON.parse(data) as LiveEvent, receivedAt);
        }
      }
    } catch {
      // aborted
    }
  })();
  await connected;
  return async () => controller.abort();
}

/** Writes on `writerBase`, waits for the notice on `listenerBase`; returns latencies in ms. */
async function measure(writerBase: string, listenerBase: string, setupBase: string): Promise<number[]> {
  const client = httpClient(setupBase);
  const a = await createUser(client);
  const b = await createUser(client);
  const space = await createCouple(client, a, b);
  const waiting = new Map<number, (at: number) => void>();
  const early = new Map<number, number>();
  const stop = await subscribe(listenerBase, b.cookie, (event, at) => {
    if (event.type !== 'records' || event.spaceId !== space.id || event.seq === undefined) return;
    const resolve = waiting.get(event.seq);
    if (resolve) resolve(at);
    else early.set(event.seq, at);
  });
  const latencies: number[] = [];
  const ciphertext = blob.ciphertext();
  try {
    for (let i = 0; i < WRITES + 10; i++) {
      const started = performance.now();
      const res = await fetch(`${writerBase}/api/spaces/${space.id}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: a.cookie },
        body: JSON.stringify({ id: uuidv7(), epoch: space.epoch, ciphertext }),
      });
      const { seq } = (await res.json()) as { seq: number };
      const receivedAt =
        early.get(seq) ??
        (await new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no notice for seq ${seq}`)), 5000);
          waiting.set(seq, (at) => {
            clearTimeout(timer);
            resolve(at);
          });
        }));
      if (i >= 10) latencies.push(receivedAt - started); // the first 10 warm up
    }
  } finally {
    await stop();
  }
  return latencies.sort((x, y) => x - y);
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function benchRealtime(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};

  // (1) One server, SQLite, in-process notifier.
  const dir = mkdtempSync(join(tmpdir(), 'innermost-bench-rt-'));
  try {
    const database = await openDatabase({ sqlitePath: join(dir, 'app.db') });
    const server = await listenNode(benchApp(database));
    try {
      const latencies = await measure(server.base, server.base, server.base);
      out.realtime_one_server_p50_ms = round(percentile(latencies, 50));
      out.realtime_one_server_p99_ms = round(percentile(latencies, 99));
    } finally {
      await server.close();
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // (2) Two servers on one PostgreSQL.
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) {
    out.realtime_two_servers = 'skipped (set BENCH_DATABASE_URL)';
    return out;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const channel = `innermost_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const secret = randomBytes(32);
    const db1 = await openDatabase({ databaseUrl: url, pgSchema: schema });
    const db2 = await openDatabase({ databaseUrl: url, pgSchema: schema });
    const n1 = new PostgresNotifier({ databaseUrl: url, channel });
    const n2 = new PostgresNotifier({ databaseUrl: url, channel });
    await Promise.all([n1.ready(), n2.ready()]);
    const s1 = await listenNode(benchApp(db1, n1, secret));
    const s2 = await listenNode(benchApp(db2, n2, secret));
    try {
      const latencies = await measure(s1.base, s2.base, s1.base);
      out.realtime_two_servers_p50_ms = round(percentile(latencies, 50));
      out.realtime_two_servers_p99_ms = round(percentile(latencies, 99));
    } finally {
      await s1.close();
      await s2.close();
      await n1.close();
      await n2.close();
      await db1.close();
      await db2.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
  return out;
}

if (import.meta.main) {
  console.log(await benchRealtime());
}
