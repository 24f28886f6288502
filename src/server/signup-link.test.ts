/**
 * The first account of an instance that is not open (issue 17): its first boot prints a one-time
 * sign-up link (and no later boot does); `npm run signup-link` makes more, also while it runs.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { signupBody } from '../../tests/factories/users.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'innermost-signup-link-'));
const children: ChildProcess[] = [];
const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, SIGNUP: 'closed', LOG_LEVEL: 'warn', STATIC_DIR: join(dataDir, 'no-web'), PORT: '0', HOST: '127.0.0.1' };

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server; resolves once it listens, with its URL and what it printed so far. */
async function start(): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(process.execPath, ['src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const base = await new Promise<string>((resolveBase, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Innermost is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveBase(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  // The link line follows the "running" line in the same callback.
  await new Promise((r) => setTimeout(r, 100));
  return { child, base: base.replace('localhost', '127.0.0.1'), output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const LINK_RE = /\/signup#link=([A-Za-z0-9_-]{43})/;

const signUp = (base: string, link?: string) =>
  fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...signupBody(), ...(link ? { permit: { link } } : {}) }),
  });

it('prints a one-time link on the first boot only; the operator command makes more', { timeout: 60_000 }, async () => {
  const first = await start();
  const printed = LINK_RE.exec(first.output());
  expect(printed, first.output()).not.toBeNull();
  expect((await signUp(first.base)).status).toBe(403);
  expect((await signUp(first.base, printed![1])).status).toBe(201);
  expect((await signUp(first.base, printed![1])).status).toBe(403);

  // While the server runs, the operator makes another.
  const made = await promisify(execFile)(process.execPath, ['scripts/signup-link.ts'], { cwd: ROOT, env: { ...env, PORT: '8080' } });
  const more = LINK_RE.exec(made.stdout);
  expect(more).not.toBeNull();
  expect(made.stdout).toContain('http://localhost:8080/signup#link=');
  expect((await signUp(first.base, more![1])).status).toBe(201);
  await stop(first.child);

  const again = await start();
  expect(again.output()).not.toMatch(LINK_RE);
  await stop(again.child);
});
