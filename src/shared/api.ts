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
  MAX_EMAIL_CHARS,
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
const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_CHARS)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address');

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
  epoch: z.number().int().min(2),
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
  epoch: z.number().int().min(1),
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
  epoch: z.number().int().min(1),
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

// ---------- live events (SSE on /api/events) ----------

/** What changed; never what it says. Clients react by pulling. */
export const LiveEvent = z.object({
  spaceId: Id,
  type: z.enum(['records', 'members', 'epoch', 'invites', 'removed', 'rounds']),
  seq: z.number().int().optional(),
  /** type 'rounds': the round that was created, answered, revealed, withdrawn or cancelled. */
  roundId: Id.optional(),
});
export type LiveEvent = z.infer<typeof LiveEvent>;
