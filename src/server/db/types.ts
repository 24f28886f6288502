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

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
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
  rate_limits: RateLimitsTable;
}

/** Every table, in an order where deleting top to bottom never breaks a foreign key. */
export const TABLES = [
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
  'spaces',
  'users',
] as const satisfies ReadonlyArray<keyof DB>;
