/**
 * This device's IndexedDB: the encrypted cache, the outbox and the unlock material. It holds
 * ciphertext and wrapped keys only; plaintext never touches disk. A small promise wrapper
 * rather than a library: four stores and a handful of calls.
 */
const DB_NAME = 'innermost';
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
}

type StoreName = 'device' | 'records' | 'outbox';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
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

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(name: StoreName, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  const db = await open();
  return db.transaction(name, mode).objectStore(name);
}

export async function getDevice<T>(key: string): Promise<T | undefined> {
  return done((await store('device', 'readonly')).get(key)) as Promise<T | undefined>;
}

export async function putDevice(key: string, value: unknown): Promise<void> {
  await done((await store('device', 'readwrite')).put(value, key));
}

export async function deleteDevice(key: string): Promise<void> {
  await done((await store('device', 'readwrite')).delete(key));
}

export async function putRecords(records: CachedRecord[]): Promise<void> {
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
}

export async function recordsOf(spaceId: string): Promise<CachedRecord[]> {
  const range = IDBKeyRange.bound([spaceId, 0], [spaceId, Number.MAX_SAFE_INTEGER]);
  return done((await store('records', 'readonly')).getAll(range)) as Promise<CachedRecord[]>;
}

export async function deleteRecordsOf(spaceId: string): Promise<void> {
  const range = IDBKeyRange.bound([spaceId, 0], [spaceId, Number.MAX_SAFE_INTEGER]);
  await done((await store('records', 'readwrite')).delete(range));
}

export async function putOutbox(entry: OutboxEntry): Promise<void> {
  await done((await store('outbox', 'readwrite')).put(entry));
}

export async function deleteOutbox(id: string): Promise<void> {
  await done((await store('outbox', 'readwrite')).delete(id));
}

export async function allOutbox(): Promise<OutboxEntry[]> {
  const entries = (await done((await store('outbox', 'readonly')).getAll())) as OutboxEntry[];
  return entries.sort((a, b) => a.queuedAt - b.queuedAt);
}

/** Removes everything this app stored on the device (sign-out, account deletion). */
export async function wipeDevice(): Promise<void> {
  if (opening) {
    const db = await opening.catch(() => null);
    db?.close();
    opening = null;
  }
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
