/**
 * Row shapes of every table, shared by both dialects. Portable types only: ids are text (UUIDv7 or
 * random base64url), times are integer epoch milliseconds (bigint on PostgreSQL, parsed back to a
 * JS number, see open.ts), binary values are bytes (blob / bytea, read back as Buffer), booleans
 * are integers 0/1.
 */
export type Bytes = Buffer;

export interface UsersTable {
  id: string;
  email: string;
  salt: Bytes;
  /** KdfParams as JSON text. */
  kdf: string;
  /** HMAC-SHA256(server secret, loginKey). */
  login_verifier: Bytes;
  /** HMAC-SHA256(server secret, recoveryAuth). */
  recovery_verifier: Bytes;
  wrapped_uk_by_master: Bytes;
  wrapped_uk_by_recovery: Bytes;
  wrapped_identity: Bytes;
  x25519_pub: Bytes;
  ed25519_pub: Bytes;
  personal_space_id: string;
  created_at: number;
  /** Bytes of record ciphertext this person wrote (storage quota, migration 0006). */
  bytes_used: number;
}

export interface SessionsTable {
  /** Public random id, safe to list and to name in a URL. */
  id: string;
  /** SHA-256 of the opaque cookie token; the token itself is never stored. */
  token_hash: Bytes;
  user_id: string;
  label: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface SpacesTable {
  id: string;
  kind: 'personal' | 'shared';
  epoch: number;
  needs_rotation: number;
  head_seq: number;
  created_at: number;
  /** Bytes of record ciphertext stored in this space (storage quota, migration 0006). */
  bytes_used: number;
}

export interface SpaceMembersTable {
  space_id: string;
  user_id: string;
  status: 'active' | 'pending';
  invite_id: string | null;
  join_mac: Bytes | null;
  joined_at: number;
}

export interface SpaceKeysTable {
  space_id: string;
  epoch: number;
  user_id: string;
  sealed_key: Bytes;
  sealed_by: string;
}

export interface MembershipLogTable {
  space_id: string;
  seq: number;
  epoch: number;
  author_id: string;
  entry: Bytes;
  created_at: number;
}

/** A member's own signed statement that they left (crypto/departure.ts); public data. */
export interface DeparturesTable {
  space_id: string;
  user_id: string;
  statement: Bytes;
  created_at: number;
}

export interface InvitesTable {
  id: string;
  space_id: string;
  created_by: string;
  token_hash: Bytes;
  sealed_secret: Bytes;
  epoch: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
}

export interface RecordsTable {
  space_id: string;
  seq: number;
  id: string;
  author_id: string;
  epoch: number;
  ciphertext: Bytes;
  created_at: number;
}

export interface RoundsTable {
  /** Client-made UUIDv7. */
  id: string;
  space_id: string;
  /** Not a foreign key: a round outlives its starter (it is the space's, like the membership log). */
  created_by: string;
  epoch: number;
  /** The exercise, encrypted under the space key of `epoch`. */
  header: Bytes;
  status: 'open' | 'revealed' | 'withdrawn' | 'cancelled';
  cancel_reason: 'participant-left' | null;
  created_at: number;
  revealed_at: number | null;
  /** Set when the round leaves 'open' (revealed, withdrawn or cancelled). */
  closed_at: number | null;
}

export interface RoundParticipantsTable {
  round_id: string;
  user_id: string;
  submitted_at: number | null;
  /** The answer, encrypted and signed by the client; null until submitted and after a withdrawal or cancellation. */
  ciphertext: Bytes | null;
  signature: Bytes | null;
}

/** A comfort match between two members of a space (ADR 026): status only, never an answer. */
export interface ComfortRunsTable {
  /** Client-made UUIDv7. */
  id: string;
  space_id: string;
  /** The two participants, sorted. */
  user_low: string;
  user_high: string;
  created_by: string;
  /** Points in every message of the run (twice the catalog's item count). */
  slots: number;
  status: 'open' | 'done' | 'declined' | 'expired';
  created_at: number;
  expires_at: number;
  closed_at: number | null;
}

/** One participant's message for one phase: ciphertext sealed to the pair and signed. */
export interface ComfortMessagesTable {
  run_id: string;
  user_id: string;
  phase: number;
  ciphertext: Bytes;
  signature: Bytes;
  posted_at: number;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

/** Failed sign-ins, recovery attempts and invite tokens per HMAC'd key (ADR 030); failures only. */
export interface AuthFailuresTable {
  key: string;
  failures: number;
  last_at: number;
}

/** A one-time sign-up link (SIGNUP=invite|closed): SHA-256 of its token, never the token. */
export interface SignupPermitsTable {
  token_hash: Bytes;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A device's Web Push subscription, one per session. */
export interface PushSubscriptionsTable {
  id: string;
  session_id: string;
  user_id: string;
  /** The push service URL for the device (a capability: never logged). */
  endpoint: string;
  /** The device's P-256 public key and auth secret (base64url), for RFC 8291 encryption. */
  p256dh: string;
  auth: string;
  /** PushPrefs (src/shared/api.ts) as JSON text. */
  prefs: string;
  /** When the daily reminder is next due; null when there is none. */
  next_reminder_at: number | null;
  created_at: number;
  updated_at: number;
}

/** One push message to send: what (kind + opaque ids), to which device, not before when. */
/** A scheduled reminder's person and time (the outbox holds the messages for their devices). */
export interface PushScheduleTable {
  space_id: string;
  opaque_id: string;
  user_id: string;
  kind: string;
  at: number;
  created_at: number;
}

export interface PushOutboxTable {
  id: string;
  subscription_id: string;
  kind: string;
  /** '' when the kind has no space (reminder). */
  space_id: string;
  /** A round id, or ''. */
  opaque_id: string;
  not_before: number;
  /** The sender (app server) that claimed it, and when; a stale claim is taken over. */
  claimed_by: string | null;
  claimed_at: number | null;
  attempts: number;
  created_at: number;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  spaces: SpacesTable;
  space_members: SpaceMembersTable;
  space_keys: SpaceKeysTable;
  membership_log: MembershipLogTable;
  departures: DeparturesTable;
  invites: InvitesTable;
  records: RecordsTable;
  rounds: RoundsTable;
  round_participants: RoundParticipantsTable;
  comfort_runs: ComfortRunsTable;
  comfort_messages: ComfortMessagesTable;
  rate_limits: RateLimitsTable;
  push_subscriptions: PushSubscriptionsTable;
  push_outbox: PushOutboxTable;
  push_schedule: PushScheduleTable;
  auth_failures: AuthFailuresTable;
  signup_permits: SignupPermitsTable;
}

/** Every table, in an order where deleting top to bottom never breaks a foreign key. */
export const TABLES = [
  'push_schedule',
  'push_outbox',
  'push_subscriptions',
  'comfort_messages',
  'comfort_runs',
  'round_participants',
  'rounds',
  'records',
  'membership_log',
  'departures',
  'space_keys',
  'invites',
  'space_members',
  'sessions',
  'rate_limits',
  'auth_failures',
  'signup_permits',
  'spaces',
  'users',
] as const satisfies ReadonlyArray<keyof DB>;
