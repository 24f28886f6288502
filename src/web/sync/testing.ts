/** Helpers for tests of record kinds (not imported by the app). */
import type { SpaceSummary } from '../../shared/api.ts';
import { applyDecoded, decodeRecord, parseRecord, type RecordMeta } from './kinds.ts';
import { emptySpaceState, type SpaceState } from './space-state.ts';

export const SHARED: SpaceSummary = {
  id: '01890000-0000-7000-8000-000000000001',
  kind: 'shared',
  epoch: 1,
  needsRotation: false,
  createdAt: 0,
  headSeq: 0,
  members: [],
  myKeys: [],
};
export const PERSONAL: SpaceSummary = { ...SHARED, id: '01890000-0000-7000-8000-000000000002', kind: 'personal' };

export function spaceOf(summary: SpaceSummary): SpaceState {
  return emptySpaceState(summary);
}

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/** The plaintext as a record decodes it ({k, n?, ...fields}), or null when it is refused. */
export function decoded(raw: unknown): Record<string, unknown> | null {
  const d = decodeRecord(enc(raw));
  if (!d) return null;
  return { k: d.def.kind, ...(d.n !== null ? { n: d.n } : {}), ...(d.body as object) };
}

let ids = 0;
/** Applies a raw plaintext as if it arrived from the server with `meta`. */
export function apply(state: SpaceState, raw: unknown, meta: Partial<RecordMeta> & { authorId: string }): void {
  const d = parseRecord(raw);
  if (!d) throw new Error(`refused: ${JSON.stringify(raw)}`);
  ids++;
  applyDecoded(state, d, { id: `0190${String(ids).padStart(4, '0')}-0000-7000-8000-000000000000`, seq: ids, epoch: 1, createdAt: 0, ...meta });
}
