/**
 * Web Push latency: the time from a partner's action to the encrypted push arriving at the
 * device's push service, here a local one (tests/support/push-service.ts: it verifies the VAPID
 * JWT and decrypts, as a real one would). Two actions: a thinking-of-you ping (POST .../push) and
 * the last answer that opens a round (the 'opened' push to the other partner). Each is compared
 * with the round trip of the request itself in the same run (push_*_ratio = push p50 / request p50).
 *
 * The server is the real one (src/server/main.ts, SQLite in a temp dir, PUSH on with
 * PUSH_ALLOW_INSECURE_ENDPOINTS for the local push service) in its own process; this process
 * makes the requests and receives the pushes. Actions are sequential, as partners make them.
 * The ping route is rate limited per sender, so pings come from many senders.
 *
 * Env: BENCH_PUSH_ACTIONS (default 300 per action).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type PushService, createPushService } from '../tests/support/push-service.ts';
import { blob, newId } from '../tests/factories/blobs.ts';
import { createCouple, type TestSpace } from '../tests/factories/spaces.ts';
import { createUser, type TestUser } from '../tests/factories/users.ts';
import { httpClient, percentile } from './http.ts';

const ACTIONS = Number(process.env.BENCH_PUSH_ACTIONS) || 300;
const WARMUP = 10;
const PINGS_PER_SENDER = 10;
const ROOT = resolve(import.meta.dirname, '..');

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

async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      DATABASE_URL: '',
      // The bench makes its accounts directly and writes faster than a person (ADR 030 limits off).
      SIGNUP: 'open',
      WRITE_RATE_PER_MINUTE: '0',
      PUSH: 'on',
      VAPID_SUBJECT: 'mailto:bench@innermost.example',
      PUSH_ALLOW_INSECURE_ENDPOINTS: '1',
      // The load generator signs up a few dozen people, each from its own address (x-forwarded-for,
      // as the test factories send it), so the sign-up limit per address is not what is measured.
      TRUST_PROXY: 'true',
    },
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

/** Arrival times of pushes by "kind:opaqueId" (or kind alone), awaited by the action that caused them. */
function arrivals(service: PushService, endpoint: string) {
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number[]>();
  service.onMessage = (message) => {
    if (message.endpoint !== endpoint) return;
    const at = performance.now();
    const key = `${String(message.payload.k)}:${String(message.payload.i)}`;
    const resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(at);
    } else early.set(key, [...(early.get(key) ?? []), at]);
  };
  return (key: string): Promise<number> => {
    const queued = early.get(key);
    if (queued?.length) return Promise.resolve(queued.shift()!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no push for ${key}`)), 10_000);
      waiting.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  };
}

async function send(base: string, user: TestUser, method: string, path: string, json: unknown): Promise<void> {
  const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', cookie: user.cookie }, body: JSON.stringify(json) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function summarise(prefix: string, request: number[], push: number[]): Record<string, number> {
  const r = request.sort((a, b) => a - b);
  const p = push.sort((a, b) => a - b);
  return {
    [`${prefix}_request_p50_ms`]: round2(percentile(r, 50)),
    [`${prefix}_push_p50_ms`]: round2(percentile(p, 50)),
    [`${prefix}_push_p99_ms`]: round2(percentile(p, 99)),
    [`${prefix}_push_ratio`]: round2(percentile(p, 50) / percentile(r, 50)),
  };
}

export async function benchPush(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'innermost-bench-push-'));
  const service = await createPushService();
  const { child, base } = await startServer(dir);
  try {
    const client = httpClient(base);
    const partner = await createUser(client);
    const device = service.subscription();
    const prefs = { events: { joined: true, opened: true, waiting: true, thinking: true, reply: true, reminder: false }, quietHours: null, timeZone: 'UTC', reminderAt: null };
    await send(base, partner, 'PUT', '/api/push/subscription', { endpoint: device.endpoint, keys: device.keys, prefs });
    const arrived = arrivals(service, device.endpoint);

    // (1) Pings: request round trip, and action -> push at the partner's push service.
    const pingRequest: number[] = [];
    const pingPush: number[] = [];
    let sender: TestUser | undefined;
    let space: TestSpace | undefined;
    for (let i = 0; i < ACTIONS + WARMUP; i++) {
      if (i % PINGS_PER_SENDER === 0) {
        sender = await createUser(client);
        // The partner invites each sender (a sender accepts once; the partner is never asked to accept dozens).
        space = await createCouple(client, partner, sender);
      }
      const started = performance.now();
      await send(base, sender!, 'POST', `/api/spaces/${space!.id}/push`, { kind: 'thinking', to: [partner.id] });
      const answered = performance.now();
      const at = await arrived('thinking:');
      if (i >= WARMUP) {
        pingRequest.push(answered - started);
        pingPush.push(at - started);
      }
    }

    // (2) Rounds: the partner's last answer opens the round -> 'opened' at the partner's device.
    const starter = await createUser(client);
    const couple = await createCouple(client, starter, partner);
    const openRequest: number[] = [];
    const openPush: number[] = [];
    for (let i = 0; i < ACTIONS + WARMUP; i++) {
      const id = newId();
      await send(base, starter, 'POST', `/api/spaces/${couple.id}/rounds`, { id, epoch: couple.epoch, header: blob.roundHeader(), participants: [starter.id, partner.id] });
      await arrived(`waiting:${id}`);
      await send(base, starter, 'POST', `/api/spaces/${couple.id}/rounds/${id}/submission`, { ciphertext: blob.submission(), signature: blob.signature() });
      const started = performance.now();
      await send(base, partner, 'POST', `/api/spaces/${couple.id}/rounds/${id}/submission`, { ciphertext: blob.submission(), signature: blob.signature() });
      const answered = performance.now();
      const at = await arrived(`opened:${id}`);
      if (i >= WARMUP) {
        openRequest.push(answered - started);
        openPush.push(at - started);
      }
    }
    if (service.rejections.length) throw new Error(`push service refused ${service.rejections.length} messages: ${service.rejections[0]!.reason}`);
    return { ...summarise('push_ping', pingRequest, pingPush), ...summarise('push_reveal', openRequest, openPush), push_actions: ACTIONS };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
