/**
 * What an encrypted archive holds (ADR 031, docs/crypto.md "Export archive"), inside the
 * passphrase envelope of crypto/archive.ts. Format 1, UTF-8 JSON:
 *
 *   { "format": "innermost-archive", "version": 1, "exportedAt": <ms>,
 *     "places": [ { "ref": <the place's id where it was made>, "kind": "personal" | "shared",
 *                   "name": <a shared place's name> | null,
 *                   "records": [ { "at": <ms, when the server stored it>,
 *                                  "plain": { "k": kind, "v": 1, "n"?: version, ...fields } } ] } ] }
 *
 * `plain` is exactly the record's plaintext (sync/kinds.ts): on import each one is checked by its
 * kind's schema through the registry, as sync checks what it pulls, so a kind's own rules (and
 * its future readers of older bodies) apply. Only the person's own records are in it. Kinds this
 * build does not know are counted and left out, never guessed at. Never change format 1: a new
 * shape is format 2, and this reader keeps reading 1 (tests/fixtures/export/archive-v1.innermost).
 */
import { z } from 'zod/mini';
import { parseRecord, placementAllows, type RecordKind } from '../../sync/kinds.ts';
import type { ReadableSpace } from '../../sync/readable.ts';

export const ARCHIVE_FORMAT = 'innermost-archive';
export const ARCHIVE_VERSION = 1;
/** Far beyond years of daily use; only bounds a hostile file before it is walked. */
const MAX_PLACES = 1_000;
const MAX_RECORDS = 200_000;
/** The biggest file the import reads (records are at most 64 KiB each on the server, most far less). */
export const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;

const time = z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

const ArchiveV1 = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: time,
  places: z
    .array(
      z.strictObject({
        ref: z.string().check(z.minLength(1), z.maxLength(100)),
        kind: z.enum(['personal', 'shared']),
        name: z.nullable(z.string().check(z.maxLength(200))),
        records: z.array(z.strictObject({ at: time, plain: z.record(z.string(), z.unknown()) })).check(z.maxLength(MAX_RECORDS)),
      }),
    )
    .check(z.maxLength(MAX_PLACES)),
});

export type ArchiveV1 = z.infer<typeof ArchiveV1>;

/** Why a plaintext is not an archive this build reads. */
export class ArchiveFormatError extends Error {
  readonly code: 'not-archive' | 'newer';
  constructor(code: 'not-archive' | 'newer') {
    super(code);
    this.code = code;
    this.name = 'ArchiveFormatError';
  }
}

/** The archive of my own records in every place I can read (the engine's readable spaces). */
export function buildArchive(spaces: readonly ReadableSpace[], myId: string, exportedAt: number, nameOf: (spaceId: string) => string | null): ArchiveV1 {
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    places: spaces.map((s) => ({
      ref: s.summary.id,
      kind: s.summary.kind,
      name: s.summary.kind === 'shared' ? nameOf(s.summary.id) : null,
      records: s.records.filter((r) => r.authorId === myId && r.def.copied !== false).map((r) => ({ at: r.createdAt, plain: r.plain })),
    })),
  };
}

export function encodeArchive(archive: ArchiveV1): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(archive));
}

/** Reads an archive's plaintext: format 1 (the only one so far), or an ArchiveFormatError. */
export function decodeArchive(bytes: Uint8Array): ArchiveV1 {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ArchiveFormatError('not-archive');
  }
  const head = value as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== ARCHIVE_FORMAT) throw new ArchiveFormatError('not-archive');
  if (typeof head.version === 'number' && head.version > ARCHIVE_VERSION) throw new ArchiveFormatError('newer');
  const parsed = ArchiveV1.safeParse(value);
  if (!parsed.success) throw new ArchiveFormatError('not-archive');
  return parsed.data;
}

/** One record to write into Just me. */
export interface ImportRecord {
  def: RecordKind<any>;
  body: unknown;
}

export interface ImportGroup {
  /** The place's name (shared places), null for Just me. */
  name: string | null;
  records: ImportRecord[];
  /** Records that belong with a shared place and its partners (they cannot live in Just me). */
  stays: number;
  /** Records Just me already holds, equal (a copy opened twice): left out, never doubled. */
  already: number;
}

export interface ImportPlan {
  exportedAt: number;
  /** What goes into Just me. */
  personal: ImportGroup;
  /** What I wrote in each shared place: offered as private copies, added only when chosen. */
  shared: ImportGroup[];
  /** Records of kinds this build does not know (or that its schema refuses): left out. */
  unknown: number;
}

/** What makes two records the same thing for an import: the kind and the checked body. */
function sameness(def: RecordKind<any>, body: unknown): string {
  return `${def.kind}\u0000${JSON.stringify(body)}`;
}

/** The sameness of each record Just me holds now (their plaintexts as the readable copy has them). */
export function presentIn(records: readonly { plain: unknown }[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    const decoded = parseRecord(r.plain);
    if (decoded) out.add(sameness(decoded.def, decoded.body));
  }
  return out;
}

/** Replaces every string equal to `from` by `to`, deep (a body may name its own place). */
function renamed(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => renamed(v, from, to));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, from, to)]));
  return value;
}

/**
 * What an archive would add to the account whose Just me is `personalId`, every record checked by
 * its kind's schema:
 * - from Just me: everything, into Just me (a body naming the old Just me now names the new one);
 * - anything equal to what Just me already holds (`present`, from presentIn) is counted, not added,
 *   so opening the same copy twice doubles nothing;
 * - from a shared place: the things I wrote there that are single entries able to live in Just me
 *   (a check-in I shared, a moment), as private copies; documents of the place (its plans, its
 *   name, my name there, reading positions) and kinds only a shared place holds stay out. Nothing
 *   is ever written into a shared place: its partners did not ask for it.
 */
export function planImport(archive: ArchiveV1, personalId: string, present: ReadonlySet<string> = new Set()): ImportPlan {
  let unknown = 0;
  const oldPersonal = archive.places.find((p) => p.kind === 'personal')?.ref;
  const read = (place: ArchiveV1['places'][number]): ImportGroup => {
    const group: ImportGroup = { name: place.kind === 'shared' ? place.name : null, records: [], stays: 0, already: 0 };
    for (const record of place.records) {
      const plain = oldPersonal ? renamed(record.plain, oldPersonal, personalId) : record.plain;
      const decoded = parseRecord(plain);
      if (!decoded || decoded.def.kind === 'tombstone') {
        unknown++;
        continue;
      }
      const movable = placementAllows(decoded.def.placement, 'personal') && (place.kind === 'personal' || !decoded.def.mutable);
      if (!movable) group.stays++;
      else if (present.has(sameness(decoded.def, decoded.body))) group.already++;
      else group.records.push({ def: decoded.def, body: decoded.body });
    }
    return group;
  };
  const personal = archive.places.filter((p) => p.kind === 'personal').map(read);
  return {
    exportedAt: archive.exportedAt,
    personal: {
      name: null,
      records: personal.flatMap((g) => g.records),
      stays: personal.reduce((n, g) => n + g.stays, 0),
      already: personal.reduce((n, g) => n + g.already, 0),
    },
    shared: archive.places.filter((p) => p.kind === 'shared').map(read).filter((g) => g.records.length > 0 || g.stays > 0 || g.already > 0),
    unknown,
  };
}

/** How many records of each kind a group holds, in the order they first appear. */
export function countsByKind(records: readonly ImportRecord[]): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.def.kind, (counts.get(r.def.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}
