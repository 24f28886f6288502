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
  'rate-limited': 429,
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
