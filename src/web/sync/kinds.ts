/**
 * The registry of record kinds. Sync knows no kind: each feature declares its own in its folder
 * (schema, where it may live, mutable or append-only, how it applies to local state) and the app
 * registers them all before the first sync. Export and import walk this registry (sync/readable.ts,
 * features/export).
 *
 * The plaintext of every record (inside the ciphertext, so the server never learns the kind):
 *   { "k": kind, "v": 1, "n": version (mutable kinds only), ...fields }
 *
 * Authenticated order (docs/crypto.md, "Latest by version, not by server order"): a mutable kind
 * is a document that changes by new versions. Each version carries a counter `n` inside the
 * ciphertext; the latest is the highest `n`, ties broken by author id, then by record id (both
 * bound into the ciphertext's associated data), never by the server's sequence. A server that
 * replays or reorders records cannot roll a choice back; it can only withhold the newest one.
 */
import { z } from 'zod/mini';
import type { SpaceState } from './space-state.ts';

/** Format of the record plaintext envelope. Never change once released. */
const RECORD_BODY_VERSION = 1;

export interface RecordMeta {
  /** Client-made UUIDv7, bound into the ciphertext. */
  id: string;
  /** Bound into the ciphertext: a record is always its author's own. */
  authorId: string;
  /** The server's order: a cursor and a display order, never a source of truth for "latest". */
  seq: number;
  epoch: number;
  /** The server's time of storage (informational). */
  createdAt: number;
}

/** Where a kind may live: my personal space (only I can write there), shared spaces, or both. */
export type Placement = 'personal' | 'shared' | 'any';

interface KindCommon<B> {
  /** Stable, never reused: it is inside every stored record of this kind. */
  kind: string;
  /** The fields besides k, v and n; strict (unknown keys are refused) and canonicalising (trims). */
  schema: z.ZodMiniType<B, unknown>;
  placement: Placement;
  /**
   * False for working state that means nothing outside this account (a match under way): the
   * person's copies of their data (readable and encrypted) leave it out. Default: copied.
   */
  copied?: false;
}

export interface AppendOnlyKind<B> extends KindCommon<B> {
  mutable: false;
  /** Applies one record (idempotent: replaying the cache applies it again). */
  apply(state: SpaceState, body: B, meta: RecordMeta): void;
}

export interface MutableKind<B> extends KindCommon<B> {
  mutable: true;
  /**
   * Which document a version belongs to. Include the author where only the author may set it (a
   * profile, a sharing choice): another member's record then lands on another document.
   */
  docKey(body: B, authorId: string): string;
  /**
   * Documents whose versions compare with each other (default: the document alone). Each
   * member's read position in a round is their own document, yet "where we are" is the newest
   * across members, so their versions count in one scope: the round.
   */
  versionScope?(body: B): string;
  /**
   * Two versions written at once (by two people, each before seeing the other's) carry the same
   * number. Without this the higher author id wins; with it the higher rank wins first, so a
   * version that ends something (a talk let go) is not undone by one written beside it.
   */
  tieRank?(body: B): number;
  /** Applies the winning version of a document (called only when it beats the one applied). */
  apply(state: SpaceState, body: B, meta: RecordMeta & { n: number }): void;
}

export type RecordKind<B = unknown> = AppendOnlyKind<B> | MutableKind<B>;

/** Typed helper for feature modules: `export const checkinKind = defineKind<Checkin...>({...})`. */
export function defineKind<B>(def: RecordKind<B>): RecordKind<B> {
  return def;
}

const registry = new Map<string, RecordKind<any>>();

/** Registers kinds (once per kind; registering the same definition again is a no-op). */
export function registerKinds(...defs: RecordKind<any>[]): void {
  for (const def of defs) {
    const existing = registry.get(def.kind);
    if (existing && existing !== def) throw new Error(`record kind ${def.kind} is registered twice`);
    registry.set(def.kind, def);
  }
}

/** A decoded record plaintext: its kind, its fields and (mutable kinds) its version. */
export interface Decoded<B = unknown> {
  def: RecordKind<B>;
  body: B;
  n: number | null;
}

const Version = z.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER));

/** Validates a plaintext object against its kind. Null when it is not one we understand. */
export function parseRecord(value: unknown): Decoded | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { k, v, n, ...fields } = value as Record<string, unknown>;
  if (typeof k !== 'string' || v !== RECORD_BODY_VERSION) return null;
  const def = registry.get(k);
  if (!def) return null;
  if (def.mutable !== Object.hasOwn(value, 'n')) return null;
  if (def.mutable && !Version.safeParse(n).success) return null;
  const parsed = def.schema.safeParse(fields);
  if (!parsed.success) return null;
  return { def, body: parsed.data, n: def.mutable ? (n as number) : null };
}

export function decodeRecord(bytes: Uint8Array): Decoded | null {
  try {
    return parseRecord(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    return null;
  }
}

/** Encodes a body of `def` (with its version when mutable); refuses what it would not accept back. */
export function encodeRecord<B>(def: RecordKind<B>, body: B, n: number | null): Uint8Array {
  const plain = { k: def.kind, v: RECORD_BODY_VERSION, ...(def.mutable ? { n } : {}), ...(body as object) };
  const parsed = parseRecord(plain);
  if (!parsed || parsed.def !== def) throw new TypeError(`invalid ${def.kind} record`);
  const canonical = { k: def.kind, v: RECORD_BODY_VERSION, ...(def.mutable ? { n } : {}), ...(parsed.body as object) };
  return new TextEncoder().encode(JSON.stringify(canonical));
}

export function placementAllows(placement: Placement, spaceKind: 'personal' | 'shared'): boolean {
  return placement === 'any' || placement === spaceKind;
}

/** The version of one document that is applied, per space (kept in SpaceState.versions). */
export interface AppliedVersion {
  n: number;
  /** The kind's tieRank of this version (0 when it declares none). */
  rank?: number;
  authorId: string;
  id: string;
  /** `${kind}|${versionScope}`: a new version is one past the newest in its scope. */
  scope: string;
}

/** Whether (n, rank, authorId, id) beats the applied version: higher n, then rank, then author id, then record id. */
export function beats(candidate: Pick<AppliedVersion, 'n' | 'rank' | 'authorId' | 'id'>, current: AppliedVersion | undefined): boolean {
  if (!current) return true;
  if (candidate.n !== current.n) return candidate.n > current.n;
  if ((candidate.rank ?? 0) !== (current.rank ?? 0)) return (candidate.rank ?? 0) > (current.rank ?? 0);
  if (candidate.authorId !== current.authorId) return candidate.authorId > current.authorId;
  return candidate.id > current.id;
}

/** The document a version of `def` belongs to, as SpaceState.versions keys it. */
export function versionKey(def: MutableKind<any>, body: unknown, authorId: string): string {
  return `${def.kind}|${def.docKey(body, authorId)}`;
}

export function versionScope(def: MutableKind<any>, body: unknown, authorId: string): string {
  return `${def.kind}|${def.versionScope ? def.versionScope(body) : def.docKey(body, authorId)}`;
}

/**
 * Applies one decoded record to a space's state: nothing where the kind may not live; for a
 * mutable kind only when it beats the applied version of its document (so arrival order and
 * server order never matter); append-only kinds always (their apply is idempotent by record id).
 */
export function applyDecoded(state: SpaceState, decoded: Decoded, meta: RecordMeta): void {
  const { def, body, n } = decoded;
  if (!placementAllows(def.placement, state.summary.kind)) return;
  if (!def.mutable) {
    def.apply(state, body, meta);
    return;
  }
  const key = versionKey(def, body, meta.authorId);
  const candidate = { n: n!, rank: def.tieRank?.(body) ?? 0, authorId: meta.authorId, id: meta.id, scope: versionScope(def, body, meta.authorId) };
  if (!beats(candidate, state.versions.get(key))) return;
  state.versions.set(key, candidate);
  def.apply(state, body, { ...meta, n: n! });
}

/**
 * Per-space documents of one feature, kept beside the SpaceState object (and gone with it):
 * `const docs = docsFor(() => ({ notes: new Map() }))` then `docs(state).notes`.
 */
export function docsFor<D>(init: () => D): (state: SpaceState) => D {
  const byState = new WeakMap<SpaceState, D>();
  return (state) => {
    let docs = byState.get(state);
    if (!docs) byState.set(state, (docs = init()));
    return docs;
  };
}

/** The registered kind called `kind`, if this build knows it. */
export function registeredKind(kind: string): RecordKind<any> | undefined {
  return registry.get(kind);
}
