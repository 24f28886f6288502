/**
 * Everything this device can read, record by record, for export (features/export): every space's
 * cached records decrypted again and checked by their kind's schema, as sync applies them. Sync
 * knows no kind, so this walks what the registry accepted, generically:
 * - deleted records (a signed tombstone, or taken back by a member who left) are left out, and so
 *   are tombstones themselves (they say only that something is gone);
 * - of a mutable document only the applied version counts (the latest by version, kinds.ts), as
 *   the screens show it;
 * - records no registered kind accepts (from a newer app) are left out, and counted.
 */
import type { SpaceSummary } from '../../shared/api.ts';
import type { SyncEngine } from './engine.ts';
import { encodeRecord, placementAllows, versionKey, type RecordKind } from './kinds.ts';
import { openRecord } from './pull.ts';
import { isDeleted } from './space-state.ts';
import { tombstoneKind } from './tombstones.ts';

export interface ReadableRecord {
  id: string;
  authorId: string;
  def: RecordKind<any>;
  /** The record's plaintext as its kind encodes it: `{ k, v, n?, ...fields }`. */
  plain: Record<string, unknown>;
  /** When the server stored it. */
  createdAt: number;
  seq: number;
}

export interface ReadableSpace {
  summary: SpaceSummary;
  records: ReadableRecord[];
  /** Records this build could not read (no key for their epoch, or a kind it does not know). */
  unread: number;
}

/** Every space's readable records, oldest first (after a sync, so the cache is current). */
export async function readableSpaces(engine: Pick<SyncEngine, 'states' | 'db'>): Promise<ReadableSpace[]> {
  const out: ReadableSpace[] = [];
  for (const state of engine.states()) {
    const records: ReadableRecord[] = [];
    let unread = 0;
    const cached = (await engine.db.recordsOf(state.summary.id)).sort((a, b) => a.seq - b.seq);
    for (const record of cached) {
      if (isDeleted(state, record)) continue;
      const decoded = openRecord(state, record);
      if (!decoded) {
        unread++;
        continue;
      }
      const { def, body, n } = decoded;
      if (def === tombstoneKind) continue;
      if (def.mutable && state.versions.get(versionKey(def, body, record.authorId))?.id !== record.id) continue;
      // As sync applies them: a kind where it may not live (a hostile member's write) is ignored.
      if (!placementAllows(def.placement, state.summary.kind)) continue;
      const plain = JSON.parse(new TextDecoder().decode(encodeRecord(def, body, n))) as Record<string, unknown>;
      records.push({ id: record.id, authorId: record.authorId, def, plain, createdAt: record.createdAt, seq: record.seq });
    }
    out.push({ summary: state.summary, records, unread });
  }
  return out;
}
