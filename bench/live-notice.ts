/**
 * Server work per live notice. When partner A writes a record, partner B's device is told by a
 * live notice and syncs. Before issue 9 the engine answered every notice with a full sync: the
 * list of spaces, then a pull of every space. Now it pulls only the space the notice names. This
 * measures the server's CPU time for each pattern, as a ratio of the CPU time of the write that
 * caused the notice, in the same run.
 *
 * The server is the real one (src/server/main.ts on a temp SQLite database) in its own process,
 * and its CPU time is read from /proc (user + system), so the load generator (this process)
 * does not count. Requests are sequential, as one device makes them.
 *
 * Env: BENCH_NOTICES (default 1500 per pattern), BENCH_EXTRA_SPACES (default 2: B's spaces
 * besides the personal one and the shared one with A).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { uuidv7 } from '../src/shared/ids.ts';
import { blob } from '../tests/factories/blobs.ts';
import { createCouple, createSharedSpace } from '../tests/factories/spaces.ts';
import { createUser, type TestUser } from '../tests/factories/users.ts';
import { httpClient } from './http.ts';
import { subscribe } from './realtime.ts';

const NOTICES = Number(process.env.BENCH_NOTICES) || 1500;
const EXTRA_SPACES = Number(process.env.BENCH_EXTRA_SPACES ?? 2);
const ROUNDS = 3;
const ROOT = resolve(import.meta.dirname, '..');
/** Linux clock ticks per second (sysconf(_SC_CLK_TCK) is 100 on every Linux we run on). */
const CLK_TCK = 100;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** The server's CPU time so far, in milliseconds (utime + stime from /proc/<pid>/stat). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', SIGNUP: 'open', WRITE_RATE_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) ready();
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function get(base: string, user: TestUser, path: string): Promise<any> {
  const res = await fetch(`${base}${path}`, { headers: { cookie: user.cookie } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

export async function benchLiveNotice(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'innermost-bench-notice-'));
  const { child, base } = await startServer(dir);
  try {
    const client = httpClient(base);
    const a = await createUser(client);
    const b = await createUser(client);
    const space = await createCouple(client, a, b);
    for (let i = 0; i < EXTRA_SPACES; i++) await createSharedSpace(client, b);
    const { spaces } = (await get(base, b, '/api/spaces')) as { spaces: { id: string }[] };
    const cursors = new Map(spaces.map((s) => [s.id, 0]));
    let notices = 0;
    const stop = await subscribe(base, b.cookie, (event) => {
      if (event.type === 'records') notices++;
    });

    const ciphertext = blob.ciphertext();
    const write = async () => {
      const res = await fetch(`${base}/api/spaces/${space.id}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: a.cookie },
        body: JSON.stringify({ id: uuidv7(), epoch: space.epoch, ciphertext }),
      });
      if (res.status !== 201) throw new Error(`write: ${res.status}`);
      await res.arrayBuffer();
    };
    const pull = async (spaceId: string) => {
      const page = (await get(base, b, `/api/spaces/${spaceId}/records?since=${cursors.get(spaceId)}`)) as { cursor: number };
      cursors.set(spaceId, page.cursor);
    };
    // What the receiving device does on one notice.
    const before = async () => {
      await get(base, b, '/api/spaces');
      for (const id of cursors.keys()) await pull(id);
    };
    const after = () => pull(space.id);

    // Warm up every path, then measure: writes alone, then each reaction after its own writes.
    for (let i = 0; i < 50; i++) {
      await write();
      await before();
      await after();
    }
    const measure = async (step: () => Promise<void>, n: number) => {
      const start = cpuMs(child.pid!);
      for (let i = 0; i < n; i++) await step();
      return (cpuMs(child.pid!) - start) / n;
    };
    // Interleaved rounds, so background load hits every pattern alike; medians of the rounds.
    const samples = { write: [] as number[], before: [] as number[], after: [] as number[] };
    const perRound = Math.ceil(NOTICES / ROUNDS);
    for (let r = 0; r < ROUNDS; r++) {
      samples.write.push(await measure(write, perRound));
      samples.before.push(await measure(async () => (await write(), await before()), perRound));
      samples.after.push(await measure(async () => (await write(), await after()), perRound));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const writeMs = median(samples.write);
    // The reaction alone: the write that caused it is measured apart and subtracted.
    const beforeMs = median(samples.before) - writeMs;
    const afterMs = median(samples.after) - writeMs;
    await stop();
    const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
    return {
      live_notice_spaces_of_receiver: spaces.length,
      live_notice_write_cpu_ms: round(writeMs, 3),
      live_notice_before_cpu_ms: round(beforeMs, 3),
      live_notice_after_cpu_ms: round(afterMs, 3),
      live_notice_before_ratio_to_write: round(beforeMs / writeMs),
      live_notice_after_ratio_to_write: round(afterMs / writeMs),
      live_notice_after_ratio_to_before: round(afterMs / beforeMs),
      live_notice_notices_received: notices,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const [key, value] of Object.entries(await benchLiveNotice())) process.stdout.write(`${key.padEnd(44)} ${String(value).padStart(12)}\n`);
}
