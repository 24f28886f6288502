/**
 * Stable error codes. Clients switch on `code`, never on the message; a code never changes
 * meaning once released. Each code has exactly one HTTP status.
 */
export const ERROR_STATUS = {
  'bad-request': 400,
  'invalid-json': 400,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unauthenticated: 401,
  'invalid-credentials': 401,
  'invalid-recovery-code': 401,
  'csrf-rejected': 403,
  forbidden: 403,
  'not-found': 404,
  'invite-not-found': 404,
  'invite-expired': 410,
  'invite-used': 410,
  'invite-revoked': 410,
  'email-taken': 409,
  'id-taken': 409,
  'already-member': 409,
  'personal-space': 409,
  'stale-epoch': 409,
  'rotation-required': 409,
  'epoch-conflict': 409,
  'members-mismatch': 422,
  /** A membership entry or departure that is malformed, badly signed or does not extend the chain. */
  'membership-invalid': 422,
  /** Leaving (or deleting the account) while active in a shared space needs the member's signed departure. */
  'departure-required': 422,
  'record-conflict': 409,
  /** The caller is a member of the space but not one of the round's participants. */
  'not-participant': 403,
  /** The round no longer takes submissions (revealed, withdrawn or cancelled). */
  'round-closed': 409,
  /** The caller's submission to this round is already stored; a submission never changes. */
  'already-submitted': 409,
  /** Web Push is turned off on this server (PUSH=off). */
  'push-disabled': 404,
  /** A push subscription's endpoint is not an https URL of a push service. */
  'push-endpoint-invalid': 400,
  /** A push subscription names a time zone this server does not know. */
  'push-time-zone-invalid': 400,
  /** A comfort match for this pair is under way already. */
  'run-open': 409,
  /** A comfort match for this pair started less than the waiting time ago. */
  'too-soon': 409,
  /** The comfort match is no longer open (done, declined or expired). */
  'run-closed': 409,
  /** Phase 2 before both phase 1 messages are in. */
  'phase-not-ready': 409,
  /** A scheduled reminder's time is not between now and a year ahead. */
  'push-time-invalid': 400,
  'rate-limited': 429,
  /** Sign-up on this instance needs an invitation or a sign-up link (SIGNUP=invite|closed). */
  'signup-closed': 403,
  /** The sign-up link is unknown, used already or expired. */
  'signup-link-invalid': 403,
  /** The person's records reached QUOTA_PERSON_STORAGE_MB (ADR 030). */
  'storage-full-person': 403,
  /** The shared place's records reached QUOTA_SPACE_STORAGE_MB. */
  'storage-full-space': 403,
  /** The person is in QUOTA_SPACES_PER_PERSON shared places already. */
  'too-many-spaces': 403,
  /** The person has QUOTA_OPEN_INVITES_PER_PERSON invitations open (not used, withdrawn or expired). */
  'too-many-invites': 403,
  /** More writes than WRITE_RATE_PER_MINUTE allows; Retry-After says when the next one fits. */
  'too-many-writes': 429,
  /** The Host header is not PUBLIC_ORIGIN's host (a DNS-rebinding page, or a proxy that rewrote it). */
  'wrong-host': 421,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}
