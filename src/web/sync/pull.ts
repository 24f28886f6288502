/**
 * Pull and cursors: fetch a space's records since its cursor, keep their ciphertext in the
 * device cache, decrypt and apply them through the record-kind registry.
 */
import type { StoredRecord } from '../../shared/api.ts';
import { fromB64 } from '../../shared/base64.ts';
import { decryptRecord } from '../../crypto/records.ts';
import { call } from '../platform/api.ts';
import type { SyncDeps } from './context.ts';
import { applyDecoded, decodeRecord, type Decoded } from './kinds.ts';
import type { CachedRecord } from '../platform/local-db.ts';
import { isDeleted, type SpaceState } from './space-state.ts';
import { tombstoneKind } from './tombstones.ts';

function toCached(spaceId: string) {
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
 * Decrypts one record. Records of epochs this device has no key for are skipped: a member who
 * joined later was never given the keys to what came before. A record that does not decrypt is
 * noted; one whose plaintext no registered kind accepts is ignored (it may come from a newer app).
 */
export function openRecord(state: SpaceState, record: CachedRecord): Decoded | null {
  const key = state.keys.get(record.epoch);
  if (!key) return null;
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
    return null;
  }
  return decodeRecord(plain);
}

function apply(state: SpaceState, record: CachedRecord, decoded: Decoded): void {
  if (isDeleted(state, record)) return;
  state.applied.set(record.id, { authorId: record.authorId, kind: decoded.def.kind });
  applyDecoded(state, decoded, { id: record.id, authorId: record.authorId, seq: record.seq, epoch: record.epoch, createdAt: record.createdAt });
}

/**
 * Applies records in the server's order, tombstones first: a deletion that arrives after (or
 * with) what it deletes leaves nothing behind. A tombstone for something applied earlier marks
 * the state for a rebuild (engine). Mutable kinds are ordered by version, not by this order.
 */
export function applyRecords(state: SpaceState, records: CachedRecord[]): void {
  const opened = records
    .sort((a, b) => a.seq - b.seq)
    .map((record) => ({ record, decoded: openRecord(state, record) }))
    .filter((x): x is { record: CachedRecord; decoded: Decoded } => x.decoded !== null);
  for (const x of opened) if (x.decoded.def === tombstoneKind) apply(state, x.record, x.decoded);
  for (const x of opened) if (x.decoded.def !== tombstoneKind) apply(state, x.record, x.decoded);
}

/** Pulls every record after the space's cursor; returns how many arrived. */
export async function pullSpace(deps: SyncDeps, state: SpaceState, myId: string): Promise<number> {
  const me = state.summary.members.find((m) => m.userId === myId);
  if (me?.status !== 'active') return 0;
  let count = 0;
  for (;;) {
    const page = await call(deps.client.api.spaces[':spaceId'].records.$get({ param: { spaceId: state.summary.id }, query: { since: String(state.cursor) } }));
    const cached = page.records.map(toCached(state.summary.id));
    await deps.db.putRecords(cached);
    applyRecords(state, cached);
    count += cached.length;
    // The cursor only moves forward: a server that answers an older cursor cannot make us
    // re-apply (or skip) what we already hold.
    state.cursor = Math.max(state.cursor, page.cursor);
    if (!page.hasMore || page.records.length === 0) break;
  }
  return count;
}
