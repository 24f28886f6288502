/**
 * Real sync engines in Node, one per simulated device, against a real server in-process
 * (createTestApp: app.request, a real database, the real notifier and event stream), each with
 * its own IndexedDB (fake-indexeddb) and the app's own API client. Between the engine and the
 * server sits a switchable layer that can act as a hostile server: drop the network, rewrite
 * answers (reorder, withhold, inject) and count what the engine asks for.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { LiveEvent } from '../../src/shared/api.ts';
import { readSse } from '../../src/server/testing/sse.ts';
import { createApiClient, isTransient } from '../../src/web/platform/api.ts';
import type { LiveConnector } from '../../src/web/sync/context.ts';
import { createSyncEngine, type SyncEngine } from '../../src/web/sync/engine.ts';
import { createLocalDb } from '../../src/web/platform/local-db.ts';
import type { RequestableApp } from './http.ts';
import type { TestUser } from './users.ts';

/** Rewrites a JSON answer of the server (a hostile server); return undefined to leave it. */
export type Rewrite = (request: { method: string; path: string }, body: any) => any;

export interface TestClient {
  engine: SyncEngine;
  user: TestUser;
  /** Every request the engine made, as "METHOD path" (query included). */
  requests: string[];
  /** Cuts or restores the network (requests fail, the live stream closes). */
  setOnline(online: boolean): void;
  /** Installs (or, with null, removes) a hostile rewrite of the server's answers. */
  setRewrite(rewrite: Rewrite | null): void;
  /** Resolves once `predicate` holds after an engine change (or throws after `timeoutMs`). */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

let devices = 0;

export async function startClient(app: RequestableApp, user: TestUser, options: { start?: boolean } = {}): Promise<TestClient> {
  let online = true;
  let rewrite: Rewrite | null = null;
  const requests: string[] = [];
  const networkListeners = new Set<(online: boolean) => void>();
  const streams = new Set<{ close(): void }>();
  const headers = (init?: RequestInit) => ({ ...(init?.headers as Record<string, string>), cookie: user.cookie, 'x-forwarded-for': user.ip });

  const fetchImpl = async (path: string, init: RequestInit): Promise<Response> => {
    if (!online) throw new TypeError('fetch failed: offline');
    requests.push(`${init.method ?? 'GET'} ${path}`);
    const res = await app.request(path, { ...init, headers: headers(init) });
    if (!rewrite || !res.headers.get('content-type')?.includes('application/json')) return res;
    const body = await res.json();
    const changed = rewrite({ method: init.method ?? 'GET', path }, body);
    return new Response(JSON.stringify(changed ?? body), { status: res.status, headers: res.headers });
  };

  const live: LiveConnector = {
    open(handlers) {
      let closed = false;
      const stream = {
        close() {
          closed = true;
          void reader?.close();
        },
      };
      let reader: ReturnType<typeof readSse> | null = null;
      void (async () => {
        if (!online) {
          handlers.onClosed();
          return;
        }
        const res = await app.request('/api/events', { headers: headers() });
        if (closed) return;
        reader = readSse(res);
        handlers.onOpen();
        while (!closed) {
          const event: LiveEvent | null = await reader.next(250);
          if (closed) break;
          if (event) handlers.onEvent(event);
          else if (await reader.ended(0)) break;
        }
        if (!closed) handlers.onClosed();
      })().catch(() => handlers.onClosed());
      streams.add(stream);
      return stream;
    },
  };

  const factory = new IDBFactory();
  const engine = createSyncEngine({
    client: createApiClient(fetchImpl, () => !online),
    db: createLocalDb(() => ({ indexedDB: factory, IDBKeyRange }), `device-${++devices}`),
    clock: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    live,
    network: {
      online: () => online,
      subscribe(onChange) {
        networkListeners.add(onChange);
        return () => networkListeners.delete(onChange);
      },
    },
    isTransient,
  });

  const client: TestClient = {
    engine,
    user,
    requests,
    setOnline(next) {
      online = next;
      if (!next) for (const s of streams) s.close();
      streams.clear();
      for (const listener of networkListeners) listener(next);
    },
    setRewrite(next) {
      rewrite = next;
    },
    until(predicate, timeoutMs = 5_000) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error('until: timed out'));
        }, timeoutMs);
        const off = engine.onChange(() => {
          if (!predicate()) return;
          clearTimeout(timer);
          off();
          resolve();
        });
      });
    },
    async stop() {
      engine.stop();
      for (const s of streams) s.close();
    },
  };
  if (options.start !== false) await engine.start({ userId: user.id, email: user.email, uk: new Uint8Array(32), identity: user.identity });
  return client;
}
