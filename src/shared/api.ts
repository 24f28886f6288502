/**
 * The HTTP API contract: every request body, query and path parameter, validated with zod on the
 * server (at the boundary), and the shapes answers are made of (AccountBundle, SpaceSummary...),
 * which the services return. The browser takes each answer's type from its route through hono's
 * `hc` client (web/platform/api.ts, ADR 019), so no response is restated here. Binary values
 * travel as base64url strings (see base64.ts). Every object is strict: unknown keys are a
 * `bad-request`.
 */
import { z } from 'zod';
import { B64URL_RE, b64DecodedLength } from './base64.ts';
import { UUID_RE } from './ids.ts';
import {
  MAX_COMFORT_SLOTS,
  MAX_EMAIL_CHARS,
  MAX_INT32,
  comfortCiphertextBytes,
  MAX_DELETES_PER_WRITE,
  MAX_DEPARTURE_BYTES,
  MAX_MEMBERSHIP_ENTRY_BYTES,
  MAX_SPACES_PER_DEPARTURE_LIST,
  MAX_RECORD_BYTES,
  MAX_SEALED_BYTES,
  MAX_SPACE_MEMBERS,
  MAX_SUBMISSION_BYTES,
  RECORDS_PAGE_MAX,
} from './limits.ts';

/** A base64url string whose decoded length is within [minBytes, maxBytes]. */
function b64(minBytes: number, maxBytes: number = minBytes) {
  return z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3))
    .regex(B64URL_RE, 'must be base64url')
    .refine((s) => s.length % 4 !== 1, 'must be base64url')
    .refine((s) => {
      const n = b64DecodedLength(s.length);
      return n >= minBytes && n <= maxBytes;
    }, `must decode to ${minBytes === maxBytes ? minBytes : `${minBytes}..${maxBytes}`} bytes`);
}

const Id = z.string().regex(UUID_RE, 'must be a UUID');
/**
 * No control characters (NUL among them): PostgreSQL's text type cannot hold NUL, and nothing
 * a person types into an address contains one.
 */
const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_CHARS)
  .regex(/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u, 'must be an email address');
/** A key epoch: 1.. the largest 32-bit integer (the column's range on PostgreSQL). */
const Epoch = z.number().int().min(1).max(MAX_INT32);

const Key32 = b64(32);
const Sealed = b64(16, MAX_SEALED_BYTES);
const MembershipEntryBytes = b64(64, MAX_MEMBERSHIP_ENTRY_BYTES);

export const KdfParams = z.strictObject({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int().min(8).max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
});
export type KdfParams = z.infer<typeof KdfParams>;

const PublicKeys = z.strictObject({ x25519: Key32, ed25519: Key32 });

// ---------- auth ----------

export const AuthParamsQuery = z.strictObject({ email: Email });

/**
 * What lets a person create an account on an instance that is not open to everyone
 * (SIGNUP=invite|closed, ADR 030): a shared place's invitation (its id and token, as the join
 * screen holds them; each invitation lets one account be made) or an operator's one-time
 * sign-up link (its token).
 */
export const SignupPermit = z.union([z.strictObject({ inviteId: Id, token: Key32 }), z.strictObject({ link: Key32 })]);
export type SignupPermit = z.infer<typeof SignupPermit>;

export const SIGNUP_MODES = ['open', 'invite', 'closed'] as const;

export const SignupBody = z.strictObject({
  userId: Id,
  email: Email,
  salt: b64(16),
  kdf: KdfParams,
  /** Argon2id output half that proves the password; the server keeps only an HMAC of it. */
  loginKey: Key32,
  wrappedUkByMaster: Sealed,
  wrappedUkByRecovery: Sealed,
  /** Derived from the recovery code; the server keeps only an HMAC of it. */
  recoveryAuth: Key32,
  publicKeys: PublicKeys,
  wrappedIdentity: Sealed,
  personalSpace: z.strictObject({ id: Id, sealedKey: Sealed, membershipEntry: MembershipEntryBytes }),
  /** Needed unless the instance is open to everyone. */
  permit: SignupPermit.optional(),
});
export type SignupBody = z.infer<typeof SignupBody>;

export const SigninBody = z.strictObject({ email: Email, loginKey: Key32 });

export const AccountBundle = z.object({
  id: Id,
  email: z.string(),
  salt: z.string(),
  kdf: KdfParams,
  wrappedUkByMaster: z.string(),
  wrappedIdentity: z.string(),
  publicKeys: PublicKeys,
  personalSpaceId: Id,
});
export type AccountBundle = z.infer<typeof AccountBundle>;

export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  expiresAt: z.number(),
  label: z.string(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionIdParam = z.strictObject({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const RecoveryBundleBody = z.strictObject({ email: Email, recoveryAuth: Key32 });
export const RecoveryCompleteBody = z.strictObject({
  email: Email,
  recoveryAuth: Key32,
  salt: b64(16),
  kdf: KdfParams,
  loginKey: Key32,
  wrappedUkByMaster: Sealed,
  wrappedUkByRecovery: Sealed,
  newRecoveryAuth: Key32,
});

/** A new recovery code, made while signed in, with the password (the old code stops working). */
export const RenewRecoveryBody = z.strictObject({
  currentLoginKey: Key32,
  recoveryAuth: Key32,
  wrappedUkByRecovery: Sealed,
});

export const ChangePasswordBody = z.strictObject({
  currentLoginKey: Key32,
  salt: b64(16),
  kdf: KdfParams,
  loginKey: Key32,
  wrappedUkByMaster: Sealed,
});

/** A member's signed departure (crypto/departure.ts): [version][u32 n][n bytes][64-byte signature]. */
const DepartureBytes = b64(64, MAX_DEPARTURE_BYTES);

/**
 * `departures`: one signed departure per shared space the person is an active member of with
 * others (their apps rotate the key without them only on the strength of it).
 */
export const DeleteAccountBody = z.strictObject({
  loginKey: Key32,
  departures: z.array(z.strictObject({ spaceId: Id, departure: DepartureBytes })).max(MAX_SPACES_PER_DEPARTURE_LIST).default([]),
});

// ---------- spaces ----------

export const SpaceIdParam = z.strictObject({ spaceId: Id });
export const SpaceMemberParam = z.strictObject({ spaceId: Id, userId: Id });
export const SpaceInviteParam = z.strictObject({ spaceId: Id, inviteId: Id });

const SpaceMember = z.object({
  userId: Id,
  status: z.enum(['active', 'pending']),
  publicKeys: PublicKeys,
  joinedAt: z.number(),
  /** For a pending member: the invite they used and their MAC over their keys (see crypto.md). */
  inviteId: Id.nullable(),
  joinMac: z.string().nullable(),
});

const SealedKeyForMe = z.object({ epoch: z.number().int(), sealedKey: z.string(), sealedBy: Id });

export const SpaceSummary = z.object({
  id: Id,
  kind: z.enum(['personal', 'shared']),
  epoch: z.number().int(),
  /** A member left: the next writer must rotate to a new epoch first. */
  needsRotation: z.boolean(),
  createdAt: z.number(),
  headSeq: z.number().int(),
  members: z.array(SpaceMember),
  myKeys: z.array(SealedKeyForMe),
});
export type SpaceSummary = z.infer<typeof SpaceSummary>;

export const MembershipLogEntry = z.object({
  seq: z.number().int(),
  epoch: z.number().int(),
  authorId: Id,
  entry: z.string(),
  createdAt: z.number(),
});
export type MembershipLogEntry = z.infer<typeof MembershipLogEntry>;

/** Members' signed departures: the only ground on which a member's app removes someone. */
export const DepartureInfo = z.object({ userId: Id, departure: z.string(), createdAt: z.number() });
export type DepartureInfo = z.infer<typeof DepartureInfo>;

export const SpaceResponse = z.object({ space: SpaceSummary, membershipLog: z.array(MembershipLogEntry), departures: z.array(DepartureInfo) });
export type SpaceResponse = z.infer<typeof SpaceResponse>;

export const CreateSpaceBody = z.strictObject({
  id: Id,
  sealedKey: Sealed,
  membershipEntry: MembershipEntryBytes,
});

/** A new epoch: a fresh space key sealed to every member who remains, plus admitted joiners. */
export const RotateBody = z.strictObject({
  epoch: Epoch.min(2),
  sealedKeys: z
    .array(z.strictObject({ userId: Id, sealedKey: Sealed }))
    .min(1)
    .max(MAX_SPACE_MEMBERS),
  admit: z.array(Id).max(MAX_SPACE_MEMBERS).default([]),
  /**
   * Active members this rotation removes: an explicit, confirmed choice of the member who signs
   * it (someone may need to remove a partner who is unsafe). Never together with `admit`.
   */
  remove: z.array(Id).max(MAX_SPACE_MEMBERS).default([]),
  membershipEntry: MembershipEntryBytes,
});
export type RotateBody = z.infer<typeof RotateBody>;

/** Leaving: an active member of a shared space with others signs their departure. */
export const LeaveBody = z.strictObject({ departure: DepartureBytes.optional() });

// ---------- invites ----------

export const CreateInviteBody = z.strictObject({
  id: Id,
  /** SHA-256 of the token derived from the invite secret; the secret itself never reaches us. */
  tokenHash: Key32,
  /** The invite secret encrypted under the space key, so any member's device can confirm. */
  sealedSecret: Sealed,
});
export const InviteInfo = z.object({
  id: Id,
  spaceId: Id,
  createdBy: Id,
  createdAt: z.number(),
  expiresAt: z.number(),
  status: z.enum(['open', 'used', 'revoked', 'expired']),
  epoch: z.number().int(),
  sealedSecret: z.string(),
});
export type InviteInfo = z.infer<typeof InviteInfo>;

export const InviteIdParam = z.strictObject({ inviteId: Id });
export const InviteTokenBody = z.strictObject({ token: Key32 });
export const AcceptInviteBody = z.strictObject({ token: Key32, mac: Key32 });

// ---------- records ----------

export const WriteRecordBody = z.strictObject({
  id: Id,
  epoch: Epoch,
  ciphertext: b64(41, MAX_RECORD_BYTES),
  /**
   * This record is a tombstone: delete these records of mine in this space, in the same
   * transaction (someone else's record here: 'forbidden', and nothing is written).
   */
  deletes: z.array(Id).min(1).max(MAX_DELETES_PER_WRITE).optional(),
});

export const RecordsQuery = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(RECORDS_PAGE_MAX).optional(),
});
export const StoredRecord = z.object({
  id: Id,
  seq: z.number().int(),
  authorId: Id,
  epoch: z.number().int(),
  ciphertext: z.string(),
  createdAt: z.number(),
});
export type StoredRecord = z.infer<typeof StoredRecord>;

// ---------- rounds (reveal gate) ----------

/**
 * A round: an exercise answered privately by chosen members of a shared space and revealed to all
 * of them only once every participant has submitted. The exercise is inside `header` and every
 * answer inside a submission's `ciphertext` (both encrypted under the space key of the round's
 * epoch); the server only decides who may read what, and when.
 */
export const RoundParam = z.strictObject({ spaceId: Id, roundId: Id });

export const CreateRoundBody = z.strictObject({
  id: Id,
  /** Must be the space's current epoch; header and submissions are encrypted under its key. */
  epoch: Epoch,
  header: b64(41, MAX_SEALED_BYTES),
  /** Active members of the space, the caller among them, each once ('members-mismatch' otherwise). */
  participants: z.array(Id).min(2).max(MAX_SPACE_MEMBERS),
});
export type CreateRoundBody = z.infer<typeof CreateRoundBody>;

export const SubmitRoundBody = z.strictObject({
  ciphertext: b64(41, MAX_SUBMISSION_BYTES),
  /** Ed25519 by the author over the ciphertext and its context (see crypto.md); opaque here. */
  signature: b64(64),
});
export type SubmitRoundBody = z.infer<typeof SubmitRoundBody>;

const RoundStatus = z.enum(['open', 'revealed', 'withdrawn', 'cancelled']);
const RoundCancelReason = z.enum(['participant-left']);

const RoundParticipant = z.object({
  userId: Id,
  /** Has answered (never what). Kept after a withdrawal or cancellation; the answers are deleted. */
  submitted: z.boolean(),
  submittedAt: z.number().nullable(),
});

/** A round's status: who takes part and who has answered; never an answer. */
export const RoundSummary = z.object({
  id: Id,
  spaceId: Id,
  createdBy: Id,
  createdAt: z.number(),
  epoch: z.number().int(),
  header: z.string(),
  status: RoundStatus,
  cancelReason: RoundCancelReason.nullable(),
  revealedAt: z.number().nullable(),
  /** When it stopped taking submissions (revealed, withdrawn or cancelled). */
  closedAt: z.number().nullable(),
  participants: z.array(RoundParticipant),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundSubmission = z.object({
  userId: Id,
  ciphertext: z.string(),
  signature: z.string(),
  submittedAt: z.number(),
});
export type RoundSubmission = z.infer<typeof RoundSubmission>;

// ---------- comfort match (gated two-party exchange, ADR 026) ----------

/**
 * A comfort match between two members of a shared space: two phases, each a message from both,
 * released to the other only once both have posted it. Messages are sealed to the pair and
 * signed by the client; the server sees sizes (fixed per run) and times, never an answer.
 */
export const ComfortRunParam = z.strictObject({ spaceId: Id, runId: Id });

export const CreateComfortRunBody = z.strictObject({
  id: Id,
  /** The other participant: an active member of the space, not the caller. */
  partnerId: Id,
  /** Points per message: an even number, twice the catalog's item count. */
  slots: z.number().int().min(2).max(MAX_COMFORT_SLOTS).refine((n) => n % 2 === 0, 'must be even'),
});
export type CreateComfortRunBody = z.infer<typeof CreateComfortRunBody>;

export const PostComfortMessageBody = z.strictObject({
  phase: z.union([z.literal(1), z.literal(2)]),
  /** Exactly 41 + 32 x slots bytes for the run (checked by the server: 'bad-request'). */
  ciphertext: b64(comfortCiphertextBytes(2), comfortCiphertextBytes(MAX_COMFORT_SLOTS)),
  signature: b64(64),
});
export type PostComfortMessageBody = z.infer<typeof PostComfortMessageBody>;

const ComfortRunStatus = z.enum(['open', 'done', 'declined', 'expired']);

export const ComfortRunSummary = z.object({
  id: Id,
  spaceId: Id,
  createdBy: Id,
  /** The two participants, sorted, with the phases each has posted (never what). */
  participants: z.array(z.object({ userId: Id, posted: z.array(z.number().int()) })),
  slots: z.number().int(),
  status: ComfortRunStatus,
  createdAt: z.number(),
  expiresAt: z.number(),
  closedAt: z.number().nullable(),
  /** Phases whose messages have been released (both posted). */
  released: z.array(z.number().int()),
});
export type ComfortRunSummary = z.infer<typeof ComfortRunSummary>;

export const ComfortMessage = z.object({
  userId: Id,
  phase: z.number().int(),
  ciphertext: z.string(),
  signature: z.string(),
  postedAt: z.number(),
});
export type ComfortMessage = z.infer<typeof ComfortMessage>;

// ---------- live events (SSE on /api/events) ----------

/** What changed; never what it says. Clients react by pulling. */
export const LiveEvent = z.object({
  spaceId: Id,
  type: z.enum(['records', 'members', 'epoch', 'invites', 'removed', 'rounds', 'comfort']),
  seq: z.number().int().optional(),
  /** type 'rounds': the round that was created, answered, revealed, withdrawn or cancelled. */
  roundId: Id.optional(),
  /** type 'comfort': the comfort match that was started, posted to, declined or finished. */
  runId: Id.optional(),
});
export type LiveEvent = z.infer<typeof LiveEvent>;

// ---------- Web Push (docs/decisions/024-web-push.md) ----------

/** The events a device can choose to be told about; the push message names only the kind. */
export const PUSH_KINDS = ['joined', 'opened', 'waiting', 'thinking', 'reply', 'reminder', 'plan', 'listening', 'bad-day'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

/** 'HH:MM', 00:00..23:59 (a wall-clock time in the device's time zone). */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

export const PushPrefs = z.strictObject({
  events: z.strictObject({
    joined: z.boolean(),
    opened: z.boolean(),
    waiting: z.boolean(),
    thinking: z.boolean(),
    reply: z.boolean(),
    reminder: z.boolean(),
    /** A plan's reminder (issue 14); a device that does not say follows its `reminder` choice. */
    plan: z.boolean().optional(),
    /** A listening turn asked for, answered, or its time to talk or come back (issue 15); unsaid: as `thinking`. */
    listening: z.boolean().optional(),
    /** Someone shared a hard day (issue 15); unsaid: as `thinking`. */
    'bad-day': z.boolean().optional(),
  }),
  /** Held while inside [start, end) in timeZone; may cross midnight; start === end means none. */
  quietHours: z.strictObject({ start: ClockTime, end: ClockTime }).nullable(),
  /** IANA name; that it exists is checked by the server (push-time-zone-invalid). */
  timeZone: z.string().min(1).max(64),
  /** The daily question reminder, in timeZone; the server learns this time. */
  reminderAt: ClockTime.nullable(),
});
export type PushPrefs = z.infer<typeof PushPrefs>;

export const MAX_PUSH_ENDPOINT_CHARS = 1024;

export const PushSubscriptionBody = z.strictObject({
  /** The push service's URL for this device; scheme and host are checked by the server (push-endpoint-invalid). */
  endpoint: z.string().min(1).max(MAX_PUSH_ENDPOINT_CHARS).regex(/^\P{Cc}+$/u, 'must not hold control characters'),
  keys: z.strictObject({ p256dh: b64(65), auth: b64(16) }),
  prefs: PushPrefs,
});

/** How far ahead a plan's reminder may be scheduled. */
export const PUSH_SCHEDULE_MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * A plan's reminder (issue 14): when to send (epoch ms), to whom, and an opaque id made on the
 * device (kept inside the encrypted plan), so it can be moved or cancelled. The server learns
 * only when; what the plan is stays in the record.
 */
export const PushScheduleBody = z.strictObject({
  at: z.number().int().min(0),
  to: z.array(Id).min(1).max(20),
  id: Id,
  /** What the reminder is for: a plan (the default) or a listening turn's time to talk or come back. */
  kind: z.enum(['plan', 'listening']).optional(),
});
export const SCHEDULED_PUSH_KINDS = ['plan', 'listening'] as const;

export const PushScheduleParam = z.strictObject({ spaceId: Id, id: Id });

export const PushPingBody = z.strictObject({
  kind: z.enum(['thinking', 'reply', 'listening', 'bad-day']),
  to: z.array(Id).min(1).max(20),
});
