/**
 * Backups that restore (issue 17): the real server takes writes from several writers without
 * pause; `npm run backup` runs in its own process in the middle of them; the backup is restored
 * (`npm run restore`) into a new data folder, a server starts on it with the same server secret
 * (kept apart from the data, SERVER_SECRET_FILE), and every record acknowledged before the backup
 * began is there, with its sequence number and its ciphertext, and readable after a password
 * sign-in. Also: the restore refuses a damaged file or an existing database.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { blob, newId } from '../../tests/factories/blobs.ts';
import { signupBody } from '../../tests/factories/users.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'innermost-backup-'));
const secretFile = join(work, 'secret', 'server-secret');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

const env = (dataDir: string) => ({
  PATH: process.env.PATH ?? '',
  DATA_DIR: dataDir,
  SERVER_SECRET_FILE: secretFile,
  SIGNUP: 'open',
  WRITE_RATE_PER_MINUTE: '0',
  LOG_LEVEL: 'warn',
  STATIC_DIR: join(work, 'no-web'),
});

async function start(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['src/server/main.ts'], { cwd: ROOT, env: { ...env(dataDir), PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const base = await new Promise<string>((resolveBase, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
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

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const cookieOf = (res: Response) => (res.headers.getSetCookie()[0] ?? '').split(';')[0]!;

it('a backup taken while writes stream in restores every write acknowledged before it', { timeout: 90_000 }, async () => {
  // The secret lives outside the data folder, as the docs advise; the restored server reads the same file.
  rmSync(join(work, 'secret'), { recursive: true, force: true });
  mkdirSync(join(work, 'secret'), { recursive: true, mode: 0o700 });
  writeFileSync(secretFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  const dataA = join(work, 'data-a');
  const dataB = join(work, 'data-b');
  const backupFile = join(work, 'backups', 'innermost.db');

  const first = await start(dataA);
  const body = signupBody();
  const signup = await fetch(`${first.base}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(signup.status).toBe(201);
  const cookie = cookieOf(signup);
  const spaceId = body.personalSpace.id;

  const acked = new Map<string, { seq: number; ciphertext: string }>();
  let stopWriting = false;
  // Resolves once that many writes are acknowledged.
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const ackedAtLeast = (count: number) => new Promise<void>((resolve) => waiting.push({ count, resolve }));
  const writer = async () => {
    while (!stopWriting) {
      const id = newId();
      const ciphertext = blob.ciphertext(1000 + Math.floor(Math.random() * 3000));
      const res = await fetch(`${first.base}/api/spaces/${spaceId}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ id, epoch: 1, ciphertext }),
      });
      if (res.status !== 201) throw new Error(`write answered ${res.status}`);
      acked.set(id, { seq: ((await res.json()) as { seq: number }).seq, ciphertext });
      for (const w of waiting) if (acked.size >= w.count) w.resolve();
    }
  };
  const writers = Array.from({ length: 4 }, writer);
  await ackedAtLeast(120);

  // Everything acknowledged up to here must be in the backup; writes go on while it runs.
  const before = new Map(acked);
  const backup = await run(process.execPath, ['scripts/backup.ts', backupFile], { cwd: ROOT, env: env(dataA) });
  expect(backup.stdout).toMatch(/Backed up \d+ pages/);
  const during = acked.size;
  expect(during).toBeGreaterThanOrEqual(before.size);
  // Keep writing a little after the backup (ten more acknowledged writes), then stop.
  await ackedAtLeast(during + 10);
  stopWriting = true;
  await Promise.all(writers);
  expect(acked.size).toBeGreaterThan(during);
  await stop(first.child);

  const restore = await run(process.execPath, ['scripts/restore.ts', backupFile], { cwd: ROOT, env: env(dataB) });
  expect(restore.stdout).toMatch(/Restored 1 accounts and \d+ records/);
  // A second restore over it is refused without --replace.
  await expect(run(process.execPath, ['scripts/restore.ts', backupFile], { cwd: ROOT, env: env(dataB) })).rejects.toMatchObject({ stderr: expect.stringContaining('--replace') });

  const second = await start(dataB);
  // The password still works: the verifier is keyed by the secret kept apart from the backup.
  const signin = await fetch(`${second.base}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: body.email, loginKey: body.loginKey }) });
  expect(signin.status).toBe(200);
  const stored = new Map<string, { seq: number; ciphertext: string }>();
  let since = 0;
  for (;;) {
    const res = await fetch(`${second.base}/api/spaces/${spaceId}/records?since=${since}&limit=500`, { headers: { cookie: cookieOf(signin) } });
    const page = (await res.json()) as { records: Array<{ id: string; seq: number; ciphertext: string }>; cursor: number; hasMore: boolean };
    for (const r of page.records) stored.set(r.id, { seq: r.seq, ciphertext: r.ciphertext });
    since = page.cursor;
    if (!page.hasMore) break;
  }
  const missing = [...before].filter(([id, record]) => stored.get(id)?.seq !== record.seq || stored.get(id)?.ciphertext !== record.ciphertext);
  expect(missing).toEqual([]);
  // Whatever else is there was acknowledged too (a consistent snapshot has no half-written rows),
  // and the log has no holes.
  for (const [id, record] of stored) expect(acked.get(id)).toEqual(record);
  expect([...stored.values()].map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: stored.size }, (_, i) => i + 1));
  // The restored server takes new writes after the restored ones.
  const next = await fetch(`${second.base}/api/spaces/${spaceId}/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieOf(signin) },
    body: JSON.stringify({ id: newId(), epoch: 1, ciphertext: blob.ciphertext() }),
  });
  expect(((await next.json()) as { seq: number }).seq).toBe(stored.size + 1);
  await stop(second.child);
  expect(second.child.exitCode).toBe(0);
});

it('restore refuses a file that is not an Innermost backup', async () => {
  const junk = join(work, 'junk.db');
  writeFileSync(junk, 'this is not a database');
  await expect(run(process.execPath, ['scripts/restore.ts', junk], { cwd: ROOT, env: env(join(work, 'data-c')) })).rejects.toMatchObject({ stderr: expect.stringContaining('Restore failed') });
  await expect(run(process.execPath, ['scripts/backup.ts', join(work, 'x.db')], { cwd: ROOT, env: env(join(work, 'no-such-data')) })).rejects.toMatchObject({ stderr: expect.stringContaining('no database') });
});
