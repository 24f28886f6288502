/**
 * The body of one check-in, as stored (encrypted) in a record: how emotionally and physically
 * close I feel, 0 to 10, optionally energy, pain or fatigue, stress and a private note. Validated
 * by hand (exact keys, types, ranges): whatever we decrypt came from a member's
 * device, which could be buggy or hostile. Pure; no runtime imports beyond the shape helpers.
 *
 *   {v: 1, at, tz, emotional, physical, energy?, pain?, stress?, note?}
 */
import { isPlainObject } from '../../platform/plain-object.ts';

export const CHECKIN_LIMITS = {
  scaleMin: 0,
  scaleMax: 10,
  noteChars: 2000,
  /** IANA names are short ("America/Argentina/ComodRivadavia" is 32); only bounds hostile input. */
  tzChars: 64,
} as const;

export interface Checkin {
  v: 1;
  /** When it was made, epoch milliseconds. */
  at: number;
  /** The IANA time zone where it was made (charts bucket by the viewer's zone, not this one). */
  tz: string;
  emotional: number;
  physical: number;
  energy?: number;
  /** Pain or fatigue (health options). */
  pain?: number;
  stress?: number;
  /** Private: never shown to partners unless shared on its own. */
  note?: string;
}

/** The scales of a check-in, in display order. */
export const SCALES = ['emotional', 'physical', 'energy', 'pain', 'stress'] as const;
export type Scale = (typeof SCALES)[number];
export type ScalePoint = 'low' | 'mid' | 'high';

const REQUIRED_KEYS = ['v', 'at', 'tz', 'emotional', 'physical'] as const;
const OPTIONAL_KEYS = new Set(['energy', 'pain', 'stress', 'note']);

/**
 * English words for the ends (0, 10) and middle (5) of each scale, so the numbers mean
 * something. Plain and kind: no end is "bad", none is a grade.
 */
export const SCALE_LABELS: Readonly<Record<Scale, Readonly<Record<ScalePoint, string>>>> = {
  emotional: { low: 'far apart', mid: 'somewhat close', high: 'very close' },
  physical: { low: 'far apart', mid: 'somewhat close', high: 'very close' },
  energy: { low: 'running on empty', mid: 'some energy', high: 'full of energy' },
  pain: { low: 'none', mid: 'noticeable', high: 'very strong' },
  stress: { low: 'calm', mid: 'some stress', high: 'very stressed' },
};

/** The message key for a scale's label, e.g. `checkin.emotional.low`; SCALE_LABELS holds the English defaults. */
export function scaleLabelKey(scale: Scale, point: ScalePoint): string {
  return `checkin.${scale}.${point}`;
}

const zoneCache = new Map<string, boolean>();

/**
 * Whether `tz` is an IANA time zone name this runtime knows (e.g. "Europe/Berlin", "UTC").
 * Offset zones ("+01:00") are not names and are refused.
 */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > CHECKIN_LIMITS.tzChars) return false;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) return false;
  const known = zoneCache.get(tz);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    ok = true;
  } catch {
    ok = false;
  }
  if (zoneCache.size < 1000) zoneCache.set(tz, ok);
  return ok;
}

function isScale(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= CHECKIN_LIMITS.scaleMin &&
    value <= CHECKIN_LIMITS.scaleMax
  );
}

/** Keeps every calendar day a 4-digit year in any zone, so 'YYYY-MM-DD' strings sort as days. */
const MAX_TIME = Date.UTC(9999, 0, 1);

/** The check-in in canonical form, or null when it is not one we understand (strict: exact keys, ranges). */
export function parseCheckin(value: unknown): Checkin | null {
  if (!isPlainObject(value)) return null;
  for (const key of REQUIRED_KEYS) if (!Object.hasOwn(value, key)) return null;
  for (const key of Object.keys(value)) {
    if (!(REQUIRED_KEYS as readonly string[]).includes(key) && !OPTIONAL_KEYS.has(key)) return null;
  }
  const { v, at, tz, emotional, physical } = value;
  if (v !== 1) return null;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > MAX_TIME) return null;
  if (!isTimeZone(tz)) return null;
  if (!isScale(emotional) || !isScale(physical)) return null;
  const out: Checkin = { v: 1, at, tz, emotional, physical };
  for (const key of ['energy', 'pain', 'stress'] as const) {
    if (!Object.hasOwn(value, key)) continue;
    const n = value[key];
    if (!isScale(n)) return null;
    out[key] = n;
  }
  if (Object.hasOwn(value, 'note')) {
    const note = value.note;
    if (typeof note !== 'string' || note.length > CHECKIN_LIMITS.noteChars) return null;
    out.note = note;
  }
  return out;
}
