/**
 * An acknowledged write survives the process being killed: the real server (node main.ts on a
 * temp SQLite data dir) takes concurrent record writes, is SIGKILLed mid-way, restarts, and every
 * write that was answered 2xx is there with the seq it was given.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { blob, newId } from '../../tests/factories/blobs.ts';
import { signupBody } from '../../tests/factories/users.ts';

const MAIN = resolve(import.meta.dirname, 'main.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'innermost-durability-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', STATIC_DIR: join(dataDir, 'no-web'), SIGNUP: 'open', WRITE_RATE_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const base = await new Promise<string>((resolveBase, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Innermost is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveBase(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, base };
}

function cookieOf(res: Response): string {
  const line = res.headers.getSetCookie()[0] ?? '';
  return line.split(';')[0]!;
}

it('keeps every acknowledged write across a SIGKILL', { timeout: 60_000 }, async () => {
  const first = await start();
  const body = signupBody();
  const signup = await fetch(`${first.base}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(signup.status).toBe(201);
  // The real server path (headers set on the Node response) carries the same security headers.
  expect(signup.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(signup.headers.get('x-content-type-options')).toBe('nosniff');
  expect(signup.headers.get('cache-control')).toBe('no-store');
  expect(signup.headers.getSetCookie()[0]).toMatch(/^innermost_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
  const events = await fetch(`${first.base}/api/events`, { headers: { cookie: cookieOf(signup) } });
  expect(events.headers.get('content-type')).toBe('text/event-stream');
  expect(events.headers.get('cache-control')).toBe('no-store');
  await events.body?.cancel();
  const cookie = cookieOf(signup);
  const spaceId = body.personalSpace.id;

  const acked = new Map<string, number>();
  let stop = false;
  // The kill comes right after the 150th acknowledgement, while the other writes are in flight.
  let reached!: () => void;
  const enoughAcked = new Promise<void>((r) => (reached = r));
  const worker = async () => {
    while (!stop) {
      const id = newId();
      try {
        const res = await fetch(`${first.base}/api/spaces/${spaceId}/records`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ id, epoch: 1, ciphertext: blob.ciphertext() }),
        });
        if (res.status === 201) {
          acked.set(id, ((await res.json()) as { seq: number }).seq);
          if (acked.size >= 150) reached();
        } else await res.body?.cancel();
      } catch {
        return; // the server died mid-request: this write was never acknowledged
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  const allStopped = Promise.all(workers).then(() => {
    throw new Error(`every writer stopped after ${acked.size} acknowledged writes`);
  });
  await Promise.race([enoughAcked, allStopped]);
  first.child.kill('SIGKILL');
  stop = true;
  await Promise.all(workers);
  await new Promise((r) => first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r));
  expect(first.child.signalCode).toBe('SIGKILL');

  const second = await start();
  const signin = await fetch(`${second.base}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: body.email, loginKey: body.loginKey }),
  });
  expect(signin.status).toBe(200);
  const stored = new Map<string, number>();
  let since = 0;
  for (;;) {
    const res = await fetch(`${second.base}/api/spaces/${spaceId}/records?since=${since}&limit=500`, { headers: { cookie: cookieOf(signin) } });
    const page = (await res.json()) as { records: Array<{ id: string; seq: number }>; cursor: number; hasMore: boolean };
    for (const r of page.records) stored.set(r.id, r.seq);
    since = page.cursor;
    if (!page.hasMore) break;
  }
  const missing = [...acked].filter(([id, seq]) => stored.get(id) !== seq);
  expect(missing).toEqual([]);
  expect(stored.size).toBeGreaterThanOrEqual(acked.size);
  // The log has no holes: seqs are 1..n.
  expect([...stored.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: stored.size }, (_, i) => i + 1));
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));
  expect(second.child.exitCode).toBe(0);
});
