/**
 * Where a hot request's time goes: `node bench/profile.ts write|pull [lean]` serves the app (or,
 * with `lean`, the lean route of bench/http.ts on the same database file) on SQLite, loads it from
 * the separate load generator for BENCH_SLICE_MS (6000) after a warm-up, and samples this
 * process's CPU meanwhile with V8's profiler. It prints the request rate (slowed by the sampling)
 * and the share of samples by package or source file, the functions with the most samples of
 * their own, and native samples (statements, socket writes) by the function that called in. Comparing the app with `lean` shows what the framework and our code add (ADR 033,
 * "Second pass", found its three changes this way). A diagnostic for people, not a figure of
 * `npm run bench`; it asserts nothing.
 */
import { Session } from 'node:inspector/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/open.ts';
import { SEED_RECORDS, benchApp, leanHandler, leanSqlite, listenNode, pullRequest, seedCouple, writeRequest } from './http.ts';
import { runInterleaved } from './load.ts';

interface CallFrame {
  url: string;
  functionName: string;
  lineNumber: number;
}
interface Profile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** node_modules package, our source file, Node's own code, or V8's and native buckets. */
function placeOf({ url, functionName }: CallFrame): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName}`.trim();
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node (core)';
  return /\/((?:src|bench)\/.*)$/.exec(url)?.[1] ?? url;
}

function shares(counts: Map<string, number>, total: number, top: number): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, time]) => `${((100 * time) / total).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'write' && kind !== 'pull') throw new Error('usage: node bench/profile.ts write|pull [lean]');
  const lean = process.argv[3] === 'lean';
  const dir = mkdtempSync(join(tmpdir(), 'innermost-profile-'));
  const database = await openDatabase({ sqlitePath: join(dir, 'app.db') });
  const app = await listenNode(benchApp(database));
  const leanStore = lean ? leanSqlite(join(dir, 'app.db')) : undefined;
  const leanServer = leanStore ? await listenNode(leanHandler(leanStore)) : undefined;
  try {
    const { a, b, space } = await seedCouple(app.base);
    const request = kind === 'write' ? writeRequest(space, a) : pullRequest(space, b, SEED_RECORDS);
    const scenario = { name: kind, origin: (leanServer ?? app).base, requests: [request], expectStatus: kind === 'write' ? 201 : 200 };

    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const measured = await runInterleaved([scenario]);
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    session.disconnect();

    const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const byPlace = new Map<string, number>();
    const byFunction = new Map<string, number>();
    const nativeByCaller = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const time = profile.timeDeltas[i + 1] ?? 0;
      const frame = frames.get(id);
      if (!frame) return;
      total += time;
      const place = placeOf(frame);
      byPlace.set(place, (byPlace.get(place) ?? 0) + time);
      const name = (f: CallFrame) => `${placeOf(f)} ${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`;
      byFunction.set(name(frame), (byFunction.get(name(frame)) ?? 0) + time);
      // Native work (a database statement, a socket write) counted against the code that called it.
      if (!frame.url) {
        let up = parents.get(id);
        while (up !== undefined && !frames.get(up)?.url) up = parents.get(up);
        const caller = up === undefined ? '(no JavaScript caller)' : name(frames.get(up)!);
        nativeByCaller.set(caller, (nativeByCaller.get(caller) ?? 0) + time);
      }
    });
    console.log(`${lean ? 'lean' : 'app'} ${kind}: ${Math.round(measured.get(kind)!.rps)} requests/s while sampled`);
    console.log(`\nshare of samples, by place:\n${shares(byPlace, total, 25)}`);
    console.log(`\nfunctions with the most samples of their own:\n${shares(byFunction, total, 30)}`);
    console.log(`\nnative samples, by the JavaScript function that called in:\n${shares(nativeByCaller, total, 15)}`);
  } finally {
    await leanServer?.close();
    leanStore?.close();
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
