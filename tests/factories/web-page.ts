/**
 * One tab of the web app in Node, for unit tests of the feature engines and stores: the app's own
 * modules (spaces' views, a feature's engine, store and lazy actions) following a real sync engine
 * of a test device (startClient) against a real server in-process.
 *
 * The app's modules import the browser's engine singleton from src/web/sync/index.ts; a test file
 * replaces that module with one whose `engine` forwards to the device in a slot it declares with
 * vi.hoisted:
 *
 *   const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
 *   vi.mock('../../sync/index.ts', async () => (await import('../../../../tests/factories/web-page.ts')).syncIndexFor(slot));
 *
 * `openPage` loads every module fresh (a new page: each feature's engine follows sync once per
 * page, and record kinds and their documents belong to one module graph), signs the person in as
 * the session does (keyring, `me`, kinds, spaces' views, then sync) and routes the browser's
 * `fetch` (the app's API client, for the routes outside sync) to the test server as that person.
 * Other devices (the partner's, or another of mine) come from the same fresh modules through
 * `page.startDevice`, so the records they write are the kinds the app reads.
 */
import { effect } from '@preact/signals';
import { vi } from 'vitest';
import type { KeyRing } from '../../src/web/vault/keyring.ts';
import type { SyncEngine } from '../../src/web/sync/engine.ts';
import type { RequestableApp } from './http.ts';
import type { TestClient } from './sync-clients.ts';
import type { TestUser } from './users.ts';

/** Where the mocked sync/index.ts finds the engine of the page under test. */
export interface DeviceSlot {
  engine: SyncEngine | null;
}

/** The mocked src/web/sync/index.ts: `engine` is whatever device the slot holds when it is used. */
export function syncIndexFor(slot: DeviceSlot): { engine: SyncEngine } {
  const engine = new Proxy({} as SyncEngine, {
    get(_target, key) {
      const current = slot.engine;
      if (!current) {
        if (typeof key === 'symbol' || key === 'then') return undefined;
        throw new Error(`web-page: engine.${key} used before openPage plugged a device in`);
      }
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  return { engine };
}

export interface Page {
  /** This tab's device: the sync engine the app's modules follow. */
  device: TestClient;
  /** Another device (the partner's, or another of mine), synced once, from this page's modules. */
  startDevice(user: TestUser): Promise<TestClient>;
  /** Stops every device of the page (this tab's engine emits 'stopped') and restores fetch. */
  close(): Promise<void>;
}

/** A key ring of `user` with copies of the keys (clearing the keyring zeroes what it holds). */
export function keyRingOf(user: TestUser): KeyRing {
  const copy = (pair: { publicKey: Uint8Array; secretKey: Uint8Array }) => ({ publicKey: pair.publicKey.slice(), secretKey: pair.secretKey.slice() });
  return { userId: user.id, email: user.email, uk: new Uint8Array(32).fill(7), identity: { x25519: copy(user.identity.x25519), ed25519: copy(user.identity.ed25519) } };
}

/** Opens the app as `user` on a new device whose engine goes into `slot`; see the top of this file. */
export async function openPage(app: RequestableApp, user: TestUser, slot: DeviceSlot): Promise<Page> {
  vi.resetModules();
  const { startClient } = await import('./sync-clients.ts');
  const { registerAllKinds } = await import('../../src/web/app/kinds.ts');
  const { setKeyring } = await import('../../src/web/vault/keyring.ts');
  const { authStatus, me } = await import('../../src/web/vault/status.ts');
  const { activateSpaces } = await import('../../src/web/spaces/views.ts');

  // The app's own API client (rounds, space actions) calls fetch with a path on this origin.
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const path = `${url.pathname}${url.search}`;
    const headers = new Headers(init.headers);
    headers.set('cookie', user.cookie);
    headers.set('x-forwarded-for', user.ip);
    return app.request(path, { ...init, headers });
  });

  const devices: TestClient[] = [];
  const device = await startClient(app, user, { start: false });
  devices.push(device);
  slot.engine = device.engine;

  // As the session does when it unlocks (features/account/session-engine.ts, enterUnlocked).
  const ring = keyRingOf(user);
  setKeyring(ring);
  me.value = { id: user.id, email: user.email, personalSpaceId: user.personalSpaceId };
  registerAllKinds();
  activateSpaces();
  await device.engine.start(ring);
  authStatus.value = 'unlocked';
  await device.engine.syncNow();

  return {
    device,
    async startDevice(other) {
      const client = await startClient(app, other);
      devices.push(client);
      await client.engine.syncNow();
      return client;
    },
    async close() {
      for (const d of devices.splice(0)) await d.stop();
      vi.unstubAllGlobals();
    },
  };
}

/**
 * Resolves once everything `device` wrote has been stored by the server. (Not `engine.flush()`:
 * a flush already under way when a write is queued returns without sending that write.)
 */
export function allSent(device: TestClient, timeoutMs = 5_000): Promise<void> {
  return device.until(() => device.engine.status().pendingWrites === 0, timeoutMs);
}

/**
 * Resolves once `predicate` (which reads signals) holds, re-checked whenever a signal it read
 * changes; rejects after `timeoutMs` with `what` in the message. Reading a feature's signals in
 * an effect is what a screen does: it loads the feature's engine (lazyEngine's `watched`).
 */
export function waitFor(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let dispose: (() => void) | null = null;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      queueMicrotask(() => dispose?.());
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new Error(`waitFor: timed out waiting for ${what}`)), timeoutMs);
    dispose = effect(() => {
      try {
        if (predicate()) finish();
      } catch (error) {
        finish(error as Error);
      }
    });
  });
}
