/**
 * Pull and cursors: fetch a space's records since its cursor, keep their ciphertext in the
 * device cache, decrypt and apply them through the record-kind registry.
 */
import type { RecordsResponse, StoredRecord } from '../../shared/api.ts';
import { fromB64 } from '../../shared/base64.ts';
import { decryptRecord } from '../../crypto/records.ts';
import type { SyncDeps } from './context.ts';
import { applyDecoded, decodeRecord } from './kinds.ts';
import type { CachedRecord } from './local-db.ts';
import type { SpaceState } from './space-state.ts';

export function toCached(spaceId: string) {
  return (r: StoredRecord): CachedRecord => ({
    spaceId,
    seq: r.seq,
    id: r.id,
    authorId: r.authorId,
    epoch: r.epoch,
    ciphertext: fromB64(r.ciphertext),
    createdAt: r.createdAt,
  });
}

/**
 * Decrypts and applies one record. Records of epochs this device has no key for are skipped: a
 * member who joined later was never given the keys to what came before. A record that does not
 * decrypt, or whose plaintext no registered kind accepts from a member, is noted, never applied.
 */
export function applyRecord(state: SpaceState, record: CachedRecord): void {
  const key = state.keys.get(record.epoch);
  if (!key) return;
  let plain: Uint8Array;
  try {
    plain = decryptRecord({
      spaceKey: key,
      spaceId: state.summary.id,
      recordId: record.id,
      authorId: record.authorId,
      epoch: record.epoch,
      ciphertext: record.ciphertext,
    });
  } catch {
    state.integrityWarning ??= 'record';
    return;
  }
  // An unknown kind is not an attack: it may come from a newer version of the app.
  const decoded = decodeRecord(plain);
  if (!decoded) return;
  applyDecoded(state, decoded, { id: record.id, authorId: record.authorId, seq: record.seq, epoch: record.epoch, createdAt: record.createdAt });
}

/** Applies cached records in the server's order (the registry makes the order irrelevant for mutable kinds). */
export function replay(state: SpaceState, cached: CachedRecord[]): void {
  for (const record of cached.sort((a, b) => a.seq - b.seq)) applyRecord(state, record);
}

/** Pulls every record after the space's cursor; returns how many arrived. */
export async function pullSpace(deps: SyncDeps, state: SpaceState, myId: string): Promise<number> {
  const me = state.summary.members.find((m) => m.userId === myId);
  if (me?.status !== 'active') return 0;
  let count = 0;
  for (;;) {
    const page = await deps.api<RecordsResponse>('GET', `/api/spaces/${state.summary.id}/records?since=${state.cursor}`);
    const cached = page.records.map(toCached(state.summary.id));
    await deps.db.putRecords(cached);
    for (const record of cached) applyRecord(state, record);
    count += cached.length;
    // The cursor only moves forward: a server that answers an older cursor cannot make us
    // re-apply (or skip) what we already hold.
    state.cursor = Math.max(state.cursor, page.cursor);
    if (!page.hasMore || page.records.length === 0) break;
  }
  return count;
}
