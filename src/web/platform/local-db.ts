/**
 * This device's IndexedDB: the encrypted cache, the outbox and the unlock material. It holds
 * ciphertext and wrapped keys only; plaintext never touches disk. A small promise wrapper
 * rather than a library: three stores and a handful of calls.
 *
 * `createLocalDb` takes the IndexedDB implementation, so the sync engine runs in Node tests on
 * fake-indexeddb (one database per simulated device) exactly as it runs in the browser.
 */
const DB_VERSION = 1;

export interface CachedRecord {
  spaceId: string;
  seq: number;
  id: string;
  authorId: string;
  epoch: number;
  ciphertext: Uint8Array;
  createdAt: number;
}

export interface OutboxEntry {
  id: string;
  spaceId: string;
  epoch: number;
  ciphertext: Uint8Array;
  queuedAt: number;
  /** A tombstone: my records it deletes on the server as it is stored. */
  deletes?: string[];
}

type StoreName = 'device' | 'records' | 'outbox';

export interface LocalDb {
  getDevice<T>(key: string): Promise<T | undefined>;
  putDevice(key: string, value: unknown): Promise<void>;
  deleteDevice(key: string): Promise<void>;
  putRecords(records: CachedRecord[]): Promise<void>;
  recordsOf(spaceId: string): Promise<CachedRecord[]>;
  deleteRecordsOf(spaceId: string): Promise<void>;
  deleteRecords(spaceId: string, ids: readonly string[]): Promise<void>;
  putOutbox(entry: OutboxEntry): Promise<void>;
  deleteOutbox(id: string): Promise<void>;
  allOutbox(): Promise<OutboxEntry[]>;
  /** Removes everything this app stored on the device (sign-out, account deletion). */
  wipe(): Promise<void>;
}

export interface IndexedDbImpl {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function createLocalDb(impl: () => IndexedDbImpl, name = 'innermost'): LocalDb {
  let opening: Promise<IDBDatabase> | null = null;

  function open(): Promise<IDBDatabase> {
    opening ??= new Promise((resolve, reject) => {
      const request = impl().indexedDB.open(name, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('device');
        db.createObjectStore('records', { keyPath: ['spaceId', 'seq'] });
        db.createObjectStore('outbox', { keyPath: 'id' });
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab deleting the database (sign-out) must not be blocked by this connection.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => {
        opening = null;
        reject(request.error);
      };
    });
    return opening;
  }

  async function store(storeName: StoreName, mode: IDBTransactionMode): Promise<IDBObjectStore> {
    const db = await open();
    return db.transaction(storeName, mode).objectStore(storeName);
  }

  const rangeOf = (spaceId: string) => impl().IDBKeyRange.bound([spaceId, 0], [spaceId, Number.MAX_SAFE_INTEGER]);

  return {
    async getDevice<T>(key: string) {
      return done((await store('device', 'readonly')).get(key)) as Promise<T | undefined>;
    },
    async putDevice(key, value) {
      await done((await store('device', 'readwrite')).put(value, key));
    },
    async deleteDevice(key) {
      await done((await store('device', 'readwrite')).delete(key));
    },
    async putRecords(records) {
      if (records.length === 0) return;
      const db = await open();
      const tx = db.transaction('records', 'readwrite');
      const s = tx.objectStore('records');
      for (const r of records) s.put(r);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    },
    async recordsOf(spaceId) {
      return done((await store('records', 'readonly')).getAll(rangeOf(spaceId))) as Promise<CachedRecord[]>;
    },
    async deleteRecordsOf(spaceId) {
      await done((await store('records', 'readwrite')).delete(rangeOf(spaceId)));
    },
    async deleteRecords(spaceId, ids) {
      if (ids.length === 0) return;
      const wanted = new Set(ids);
      const cached = (await done((await store('records', 'readonly')).getAll(rangeOf(spaceId)))) as CachedRecord[];
      const s = await store('records', 'readwrite');
      await Promise.all(cached.filter((r) => wanted.has(r.id)).map((r) => done(s.delete([r.spaceId, r.seq]))));
    },
    async putOutbox(entry) {
      await done((await store('outbox', 'readwrite')).put(entry));
    },
    async deleteOutbox(id) {
      await done((await store('outbox', 'readwrite')).delete(id));
    },
    async allOutbox() {
      const entries = (await done((await store('outbox', 'readonly')).getAll())) as OutboxEntry[];
      return entries.sort((a, b) => a.queuedAt - b.queuedAt);
    },
    async wipe() {
      if (opening) {
        const db = await opening.catch(() => null);
        db?.close();
        opening = null;
      }
      await new Promise<void>((resolve) => {
        const request = impl().indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
}

/** This browser's database (the globals are read when first used, not at import). */
export const deviceDb = createLocalDb(() => ({ indexedDB, IDBKeyRange }));

export const getDevice = <T>(key: string) => deviceDb.getDevice<T>(key);
export const putDevice = (key: string, value: unknown) => deviceDb.putDevice(key, value);
export const deleteDevice = (key: string) => deviceDb.deleteDevice(key);
export const wipeDevice = () => deviceDb.wipe();
