/**
 * HTTP hot paths (record write, sync pull), measured honestly (ADR 033):
 *
 * - load comes from a separate process (autocannon in bench/loadgen.ts), never from a thread of
 *   this one: an in-process fetch loop topped out below the baseline it measured;
 * - scenarios run in interleaved rounds (bench/load.ts); we print medians, the spread of the
 *   rounds and the median p99, and each ratio as the median of the per-round ratios;
 * - two baselines in the same run: `bare`, Hono answering one point select (the absolute
 *   yardstick of the architecture budget), and `lean`, plain node:http running the app's own
 *   statements for that request with no framework (the framework's and our code's share);
 * - on PostgreSQL too when BENCH_DATABASE_URL is set (a fresh schema, dropped after): the same,
 *   plus writes spread over 16 spaces by 16 writers, and a 100k-record space synced from scratch
 *   with stale planner statistics (also on SQLite, for comparison), and again with the worst plan
 *   forced (index scans off).
 *
 * The app is served as main.ts serves it (createRequestListener: the records lane of ADR 034 in
 * front of Hono). Servers run in this process, one under load at a time. Env: BENCH_CONCURRENCY (16),
 * BENCH_ROUNDS (5), BENCH_SLICE_MS (2000), PULL_RECORDS (10), BENCH_SYNC_RECORDS (100000);
 * BENCH_HTTP=postgres skips the SQLite part.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { createRequestListener } from '../src/server/app.ts';
import { statementName } from '../src/server/db/named-statements.ts';
import { type Database, openDatabase, preparing } from '../src/server/db/open.ts';
import type { DB } from '../src/server/db/types.ts';
import type { Notifier } from '../src/server/realtime/notifier.ts';
import { InProcessNotifier } from '../src/server/realtime/notifier.ts';
import { PostgresNotifier } from '../src/server/realtime/postgres-notifier.ts';
import { createBatcher } from '../src/server/repos/batch.ts';
import { WRITE_MANY_PG, claimSeq, insert as insertRecord, listWindow } from '../src/server/repos/records.repo.ts';
import { byTokenHashInSpace } from '../src/server/repos/sessions.repo.ts';
import { addBytes } from '../src/server/repos/users.repo.ts';
import { PG_WRITE_BATCH_MAX, PG_WRITES_IN_FLIGHT } from '../src/server/services/records.service.ts';
import { uuidv7 } from '../src/shared/ids.ts';
import { blob } from '../tests/factories/blobs.ts';
import { type TestSpace, createCouple, writeRecord } from '../tests/factories/spaces.ts';
import { type TestUser, createUser } from '../tests/factories/users.ts';
import { CONCURRENCY, type Measured, type Scenario, figures, median, round, runInterleaved } from './load.ts';

export { percentile } from './load.ts';

const PULL_RECORDS = Number(process.env.PULL_RECORDS ?? 10);
const SYNC_RECORDS = Number(process.env.BENCH_SYNC_RECORDS) || 100_000;
export const SEED_RECORDS = 200;

export interface Listening {
  base: string;
  close(): Promise<void>;
}

/** Serves a fetch handler on a free loopback port. */
export async function listen(fetchHandler: (req: Request) => Response | Promise<Response>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ base: `http://127.0.0.1:${info.port}`, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: { close(cb: () => void): unknown; closeAllConnections?: () => void }): Promise<void> {
  return new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections?.();
  });
}

/**
 * The request listener main.ts serves (the records lane in front of the app; info-level logs,
 * asynchronous, here to /dev/null), on `database`.
 */
export function benchApp(database: Database, notifier: Notifier = new InProcessNotifier(), secret = randomBytes(32)) {
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  // Writes as fast as the machine allows: the per-person write rate (ADR 030) is off here.
  return createRequestListener({ config: { trustProxy: true, limits: { writesPerMinute: 0 } }, database, secret, notifier, logger });
}

/** A client for the factories that talks to a live server over HTTP. */
export function httpClient(base: string) {
  return { request: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) };
}

// ---------------------------------------------------------------------------------------------
// The lean route: node:http, no framework, the app's statements for each request (imported from
// src/server/repos: sessions byTokenHashInSpace, records claimSeq, insert, listWindow and
// WRITE_MANY_PG with its batching, users addBytes), the same checks, the same answers.

/**
 * The app's own hot statements, compiled for `db`'s dialect (the repositories' prepared queries),
 * so the lean route runs exactly the SQL the app runs, whatever it becomes.
 */
function appStatements(db: Kysely<DB>) {
  return {
    session: byTokenHashInSpace.compiled(db),
    list: listWindow.compiled(db),
    claim: claimSeq.compiled(db),
    insert: insertRecord.compiled(db),
    addBytes: addBytes.compiled(db),
  };
}

interface SessionInSpace {
  user_id: string;
  expires_at: number;
  member_status: string | null;
  head_seq: number | null;
}

interface LeanStore {
  session(hash: Buffer, spaceId: string): Promise<SessionInSpace | undefined>;
  write(spaceId: string, userId: string, body: { id: string; epoch: number; ciphertext: Buffer }): Promise<number | undefined>;
  list(spaceId: string, since: number, upto: number, limit: number): Promise<Array<{ id: string; seq: number; author_id: string; epoch: number; ciphertext: Buffer; created_at: number }>>;
}

const RECORDS_PATH = /^\/api\/spaces\/([^/]+)\/records(?:\?(.*))?$/;

export function leanHandler(store: LeanStore) {
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const match = RECORDS_PATH.exec(req.url ?? '');
      if (!match) return send(res, 404, { error: { code: 'not-found' } });
      const spaceId = match[1]!;
      const token = /(?:^|;\s*)innermost_session=([A-Za-z0-9_-]{43})/.exec(req.headers.cookie ?? '')?.[1];
      const session = token ? await store.session(createHash('sha256').update(Buffer.from(token, 'base64url')).digest(), spaceId) : undefined;
      if (!session || session.expires_at <= Date.now()) return send(res, 401, { error: { code: 'unauthenticated' } });
      if (session.member_status !== 'active') return send(res, 404, { error: { code: 'not-found' } });
      if (req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { id: string; epoch: number; ciphertext: string };
        const seq = await store.write(spaceId, session.user_id, { id: body.id, epoch: body.epoch, ciphertext: Buffer.from(body.ciphertext, 'base64url') });
        if (seq === undefined) return send(res, 409, { error: { code: 'stale-epoch' } });
        return send(res, 201, { seq, duplicate: false });
      }
      const params = new URLSearchParams(match[2] ?? '');
      const since = Number(params.get('since') ?? 0);
      const limit = Number(params.get('limit') ?? 200);
      const head = Number(session.head_seq ?? 0);
      const upto = Math.min(head, since + limit);
      const rows = since < head ? await store.list(spaceId, since, upto, limit) : [];
      const cursor = rows.length >= limit ? rows[rows.length - 1]!.seq : Math.max(since, upto);
      return send(res, 200, {
        records: rows.map((r) => ({ id: r.id, seq: r.seq, authorId: r.author_id, epoch: r.epoch, ciphertext: r.ciphertext.toString('base64url'), createdAt: r.created_at })),
        cursor,
        hasMore: cursor < head,
      });
    } catch (error) {
      send(res, 500, { error: { code: 'internal', message: (error as Error).message } });
    }
  };
}

export async function listenNode(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listening> {
  const server = createServer({ keepAlive: true }, handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => closeServer(server) };
}

/** SQLite: the app's pragmas, and its group commit (one transaction per turn of the event loop, a savepoint per write). */
export function leanSqlite(path: string): LeanStore & { close(): void } {
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A Kysely only to compile the app's statements for SQLite; it never runs anything.
  const sql = appStatements(new Kysely<DB>({ dialect: new SqliteDialect({ database: db }) }));
  const session = db.prepare(sql.session.sql);
  const list = db.prepare(sql.list.sql);
  const claim = db.prepare(sql.claim.sql);
  const insert = db.prepare(sql.insert.sql);
  const addBytes = db.prepare(sql.addBytes.sql);
  type Item = { spaceId: string; userId: string; body: { id: string; epoch: number; ciphertext: Buffer }; done: (seq: number | undefined) => void };
  let queue: Item[] = [];
  const one = db.transaction((item: Item) => {
    const { spaceId, userId, body } = item;
    const claimed = claim.get(...sql.claim.parameters(spaceId, userId, body.epoch, body.ciphertext.length)) as { seq: number } | undefined;
    if (!claimed) return undefined;
    insert.run(...sql.insert.parameters(spaceId, claimed.seq, body.id, userId, body.epoch, body.ciphertext, Date.now()));
    addBytes.get(...sql.addBytes.parameters(userId, body.ciphertext.length));
    return claimed.seq;
  });
  const batch = db.transaction((items: Item[]) => items.map((item) => one(item)));
  return {
    session: async (hash, spaceId) => session.get(...sql.session.parameters(hash, spaceId)) as SessionInSpace | undefined,
    write: (spaceId, userId, body) =>
      new Promise((done) => {
        queue.push({ spaceId, userId, body, done });
        if (queue.length === 1) {
          setImmediate(() => {
            const items = queue;
            queue = [];
            const seqs = batch(items);
            items.forEach((item, i) => item.done(seqs[i]));
          });
        }
      }),
    list: async (spaceId, since, upto, limit) => list.all(...sql.list.parameters(spaceId, since, upto, limit)) as never,
    close: () => db.close(),
  };
}

/**
 * PostgreSQL: the app's pool size, its one-statement write with the notices in it, and its
 * statements prepared once per connection under the app's names (ADR 035).
 */
function leanPostgres(url: string, schema: string, notifier: Notifier): LeanStore & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  const run = (text: string, values: unknown[]) => pool.query({ name: statementName(text), text, values });
  // A Kysely only to compile the app's statements for PostgreSQL; it never runs anything.
  const sql = appStatements(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }));
  type Item = { spaceId: string; userId: string; id: string; epoch: number; ciphertext: Buffer };
  const writeMany = createBatcher(
    async (items: Item[]) => {
      const { rows } = await run(WRITE_MANY_PG, [
        items.map((i) => i.spaceId),
        items.map((i) => i.id),
        items.map((i) => i.userId),
        items.map((i) => i.epoch),
        items.map((i) => i.ciphertext),
        items.map(() => Date.now()),
        0,
        0,
        notifier.channel ?? null,
      ]);
      const out: Array<{ seq: number; members: string[] } | undefined> = items.map(() => undefined);
      for (const r of rows as Array<{ ord: string; seq: string; members: string | null }>) out[Number(r.ord) - 1] = { seq: Number(r.seq), members: r.members?.split(',') ?? [] };
      return out;
    },
    { maxBatch: PG_WRITE_BATCH_MAX, maxInFlight: PG_WRITES_IN_FLIGHT },
  );
  return {
    session: async (hash, spaceId) => (await run(sql.session.sql, sql.session.parameters(hash, spaceId))).rows[0] as SessionInSpace | undefined,
    write: async (spaceId, userId, body) => {
      const done = await writeMany({ spaceId, userId, ...body });
      if (done === undefined) return undefined;
      // The statement sent the notice itself on a PostgresNotifier's channel, as the app's does.
      if (!notifier.channel) await notifier.publish(done.members, { spaceId, type: 'records', seq: done.seq });
      return done.seq;
    },
    list: async (spaceId, since, upto, limit) => (await run(sql.list.sql, sql.list.parameters(spaceId, since, upto, limit))).rows.map((r) => ({ ...r, seq: Number(r.seq), created_at: Number(r.created_at) })),
    close: () => pool.end(),
  };
}

// ---------------------------------------------------------------------------------------------

export function writeRequest(space: TestSpace, user: TestUser) {
  return {
    path: `/api/spaces/${space.id}/records`,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: user.cookie },
    body: JSON.stringify({ id: '__UUID7__', epoch: space.epoch, ciphertext: blob.ciphertext() }),
  };
}

/** An incremental pull: what a client fetches after a live notice (PULL_RECORDS records, 297 bytes each). */
export function pullRequest(space: TestSpace, user: TestUser, head: number) {
  return { path: `/api/spaces/${space.id}/records?since=${head - PULL_RECORDS}&limit=${PULL_RECORDS}`, headers: { cookie: user.cookie } };
}

/** A couple with SEED_RECORDS records, made through the app's HTTP API. */
export async function seedCouple(base: string): Promise<{ a: TestUser; b: TestUser; space: TestSpace }> {
  const client = httpClient(base);
  const a = await createUser(client);
  const b = await createUser(client);
  const space = await createCouple(client, a, b);
  for (let i = 0; i < SEED_RECORDS; i++) await writeRecord(client, i % 2 ? a : b, space.id, space.epoch);
  return { a, b, space };
}

/** Pulls a whole space from seq 0 as a new device does (default page size); returns seconds. */
async function syncFromScratch(base: string, spaceId: string, cookie: string, expected: number): Promise<number> {
  const started = performance.now();
  let since = 0;
  let count = 0;
  for (;;) {
    const res = await fetch(`${base}/api/spaces/${spaceId}/records?since=${since}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`sync: ${res.status}`);
    const page = (await res.json()) as { records: unknown[]; cursor: number; hasMore: boolean };
    count += page.records.length;
    since = page.cursor;
    if (!page.hasMore || page.records.length === 0) break;
  }
  if (count < expected) throw new Error(`sync: ${count} of ${expected} records`);
  return (performance.now() - started) / 1000;
}

/**
 * The median of the per-round ratios: round i of every scenario ran within seconds of the others,
 * so a paired ratio cancels the drift of background load that a ratio of medians would keep.
 */
function ratio(a: Measured, b: Measured): number {
  return round(median(a.rounds.map((rps, i) => rps / b.rounds[i]!)), 2);
}

async function benchSqlite(dir: string, out: Record<string, number | string>, closers: Array<() => unknown>) {
  // (a) Bare: Hono + one point select on a SQLite file in WAL mode.
  const raw = new SQLite(join(dir, 'baseline.db'));
  raw.pragma('journal_mode = WAL');
  raw.exec('create table items (id text primary key, value text not null)');
  const insert = raw.prepare('insert into items (id, value) values (?, ?)');
  const ids = Array.from({ length: 1000 }, () => uuidv7());
  raw.transaction(() => ids.forEach((id) => insert.run(id, randomBytes(32).toString('base64url'))))();
  const select = raw.prepare('select id, value from items where id = ?');
  const bare = await listen(new Hono().get('/items/:id', (c) => c.json(select.get(c.req.param('id')) ?? null)).fetch);
  closers.push(() => bare.close(), () => raw.close());

  // (b) The app, on its own database.
  const database = await openDatabase({ sqlitePath: join(dir, 'app.db') });
  closers.push(() => database.close());
  const app = await listenNode(benchApp(database));
  closers.push(() => app.close());
  const { a, b, space } = await seedCouple(app.base);

  // (c) Lean: the same statements on the same database file, no framework.
  const leanStore = leanSqlite(join(dir, 'app.db'));
  closers.push(() => leanStore.close());
  const lean = await listenNode(leanHandler(leanStore));
  closers.push(() => lean.close());

  const scenarios: Scenario[] = [
    { name: 'bare', origin: bare.base, requests: [{ path: `/items/${ids[0]}` }], expectStatus: 200 },
    { name: 'lean_write', origin: lean.base, requests: [writeRequest(space, a)], expectStatus: 201 },
    { name: 'write', origin: app.base, requests: [writeRequest(space, a)], expectStatus: 201 },
    { name: 'lean_pull', origin: lean.base, requests: [pullRequest(space, b, SEED_RECORDS)], expectStatus: 200 },
    { name: 'pull', origin: app.base, requests: [pullRequest(space, b, SEED_RECORDS)], expectStatus: 200 },
  ];
  const m = await runInterleaved(scenarios);
  const get = (name: string) => m.get(name)!;
  Object.assign(
    out,
    figures('bare', get('bare')),
    figures('lean_write', get('lean_write')),
    figures('write', get('write')),
    figures('lean_pull', get('lean_pull')),
    figures('pull', get('pull')),
    {
      write_ratio: ratio(get('write'), get('bare')),
      pull_ratio: ratio(get('pull'), get('bare')),
      write_vs_lean: ratio(get('write'), get('lean_write')),
      pull_vs_lean: ratio(get('pull'), get('lean_pull')),
      lean_write_ratio: ratio(get('lean_write'), get('bare')),
      lean_pull_ratio: ratio(get('lean_pull'), get('bare')),
    },
  );

  // (d) A space of SYNC_RECORDS records synced from scratch (statistics play no part on SQLite).
  const big = await createCouple(httpClient(app.base), a, b);
  const sqlite = new SQLite(join(dir, 'app.db'));
  sqlite.pragma('busy_timeout = 5000');
  sqlite
    .prepare(
      `with recursive g(n) as (select 1 union all select n + 1 from g where n < ?)
       insert into records (space_id, seq, id, author_id, epoch, ciphertext, created_at) select ?, n, lower(hex(randomblob(16))), ?, ?, randomblob(297), ? from g`,
    )
    .run(SYNC_RECORDS, big.id, a.id, big.epoch, Date.now());
  sqlite.prepare('update spaces set head_seq = ? where id = ?').run(SYNC_RECORDS, big.id);
  sqlite.close();
  out.sync_100k_s = round(await syncFromScratch(app.base, big.id, b.cookie, SYNC_RECORDS), 2);
}

async function benchPostgres(url: string, out: Record<string, number | string>, closers: Array<() => unknown>) {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const channel = `innermost_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  closers.push(async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  // (a) Bare: Hono + one point select on PostgreSQL (a pool of 10, as the app's).
  await admin.query(`create table ${schema}.items (id text primary key, value text not null)`);
  const ids = Array.from({ length: 1000 }, () => uuidv7());
  await admin.query(`insert into ${schema}.items select unnest($1::text[]), md5(random()::text)`, [ids]);
  const barePool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  closers.push(() => barePool.end());
  const bare = await listen(
    // A named statement, prepared once per connection as the app's hot statements are (ADR 035).
    new Hono().get('/items/:id', async (c) => c.json((await barePool.query({ name: 'bare_item', text: 'select id, value from items where id = $1', values: [c.req.param('id')] })).rows[0] ?? null)).fetch,
  );
  closers.push(() => bare.close());

  // (b) The app as main.ts builds it on PostgreSQL (LISTEN/NOTIFY notifier).
  const database = await openDatabase({ databaseUrl: url, pgSchema: schema });
  closers.push(() => database.close());
  const notifier = new PostgresNotifier({ databaseUrl: url, channel });
  await notifier.ready();
  closers.push(() => notifier.close());
  const app = await listenNode(benchApp(database, notifier));
  closers.push(() => app.close());
  const { a, b, space } = await seedCouple(app.base);
  // 16 writers, each in a space of their own with a partner.
  const spread: Array<{ user: TestUser; space: TestSpace }> = [];
  for (let i = 0; i < 16; i++) {
    const client = httpClient(app.base);
    const [w, p] = [await createUser(client), await createUser(client)];
    spread.push({ user: w, space: await createCouple(client, w, p) });
  }

  // (c) Lean on PostgreSQL.
  const leanNotifier = new PostgresNotifier({ databaseUrl: url, channel });
  await leanNotifier.ready();
  closers.push(() => leanNotifier.close());
  const leanStore = leanPostgres(url, schema, leanNotifier);
  closers.push(() => leanStore.close());
  const lean = await listenNode(leanHandler(leanStore));
  closers.push(() => lean.close());

  const spreadRequests = spread.map(({ user, space: s }) => writeRequest(s, user));
  const scenarios: Scenario[] = [
    { name: 'pg_bare', origin: bare.base, requests: [{ path: `/items/${ids[0]}` }], expectStatus: 200 },
    { name: 'pg_lean_write', origin: lean.base, requests: [writeRequest(space, a)], expectStatus: 201 },
    { name: 'pg_write', origin: app.base, requests: [writeRequest(space, a)], expectStatus: 201 },
    { name: 'pg_lean_write16', origin: lean.base, requests: spreadRequests, expectStatus: 201 },
    { name: 'pg_write16', origin: app.base, requests: spreadRequests, expectStatus: 201 },
    { name: 'pg_lean_pull', origin: lean.base, requests: [pullRequest(space, b, SEED_RECORDS)], expectStatus: 200 },
    { name: 'pg_pull', origin: app.base, requests: [pullRequest(space, b, SEED_RECORDS)], expectStatus: 200 },
  ];
  const m = await runInterleaved(scenarios);
  const get = (name: string) => m.get(name)!;
  for (const s of scenarios) Object.assign(out, figures(s.name, get(s.name)));
  Object.assign(out, {
    pg_write_ratio: ratio(get('pg_write'), get('pg_bare')),
    pg_write16_ratio: ratio(get('pg_write16'), get('pg_bare')),
    pg_pull_ratio: ratio(get('pg_pull'), get('pg_bare')),
    pg_write_vs_lean: ratio(get('pg_write'), get('pg_lean_write')),
    pg_write16_vs_lean: ratio(get('pg_write16'), get('pg_lean_write16')),
    pg_pull_vs_lean: ratio(get('pg_pull'), get('pg_lean_pull')),
  });

  // (d) A space of SYNC_RECORDS records synced from scratch with stale statistics: the planner
  // last saw the records table nearly empty (analysed now, autovacuum off for it), then it grew.
  const big = await createCouple(httpClient(app.base), a, b);
  await admin.query(`alter table ${schema}.records set (autovacuum_enabled = off)`);
  await admin.query(`delete from ${schema}.records where space_id <> $1`, [space.id]);
  await admin.query(`analyze ${schema}.records`);
  await admin.query(
    `insert into ${schema}.records (space_id, seq, id, author_id, epoch, ciphertext, created_at)
     select $1, g, md5(g::text), $2, $3, decode(repeat(md5(g::text), 10), 'hex'), $4 from generate_series(1, $5::int) g`,
    [big.id, a.id, big.epoch, Date.now(), SYNC_RECORDS],
  );
  await admin.query(`update ${schema}.spaces set head_seq = $1 where id = $2`, [SYNC_RECORDS, big.id]);
  out.pg_sync_100k_s = round(await syncFromScratch(app.base, big.id, b.cookie, SYNC_RECORDS), 2);

  // (e) The same with the worst plan the statistics could lead to, forced: no index scans, so
  // PostgreSQL answers every page with a bitmap heap scan and a sort (what a stale-statistics
  // plan did in issue 18). A bounded window keeps each sort to one page's worth of records.
  const worstPool = new pg.Pool({ connectionString: url, max: 10, types: { getTypeParser: int8AsNumber }, options: `-c search_path=${schema} -c enable_indexscan=off -c enable_indexonlyscan=off` });
  worstPool.on('error', () => {});
  const worstDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparing(worstPool) }) });
  closers.push(() => worstDb.destroy());
  const worst = await listenNode(benchApp({ db: worstDb, dialect: 'postgres', ping: async () => {}, close: () => worstDb.destroy() }, notifier));
  closers.push(() => worst.close());
  out.pg_sync_100k_worst_plan_s = round(await syncFromScratch(worst.base, big.id, b.cookie, SYNC_RECORDS), 2);
}

/** int8 as a number, as the app's pool parses it (src/server/db/open.ts). */
const int8AsNumber = ((oid: number, format?: 'text' | 'binary') =>
  oid === 20 && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'];

export async function benchHttp(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = { concurrency: CONCURRENCY };
  const dir = mkdtempSync(join(tmpdir(), 'innermost-bench-http-'));
  const closers: Array<() => unknown> = [];
  try {
    if (process.env.BENCH_HTTP !== 'postgres') await benchSqlite(dir, out, closers);
    for (const close of closers.splice(0).reverse()) await close();
    const url = process.env.BENCH_DATABASE_URL;
    if (url) await benchPostgres(url, out, closers);
    else out.postgres = 'skipped (set BENCH_DATABASE_URL)';
  } finally {
    for (const close of closers.reverse()) await close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.main) {
  console.log(await benchHttp());
}
