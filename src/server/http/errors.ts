/**
 * One error type for the whole server: AppError(code) carries a stable code from
 * src/shared/errors.ts, whose single HTTP status is looked up, never chosen at the throw site.
 */
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../shared/errors.ts';

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  'bad-request': 'The request is not valid.',
  'invalid-json': 'The request body is not valid JSON.',
  'payload-too-large': 'The request body is too large.',
  'unsupported-media-type': 'The request body must be application/json.',
  unauthenticated: 'You need to sign in.',
  'invalid-credentials': 'The email or password is not right.',
  'invalid-recovery-code': 'The recovery code is not right.',
  'csrf-rejected': 'The request came from another site.',
  forbidden: 'You are not allowed to do this.',
  'not-found': 'Not found.',
  'invite-not-found': 'This invite link is not valid.',
  'invite-expired': 'This invite link has expired.',
  'invite-used': 'This invite link has already been used.',
  'invite-revoked': 'This invite link was cancelled.',
  'email-taken': 'An account with this email already exists.',
  'id-taken': 'This id is already in use.',
  'already-member': 'You are already in this space.',
  'personal-space': 'This cannot be done with a personal space.',
  'stale-epoch': 'The space key has changed; sync and try again.',
  'rotation-required': 'The space key must be rotated before writing.',
  'epoch-conflict': 'The space key changed at the same time; sync and try again.',
  'members-mismatch': 'The new key must be sealed to exactly the current members.',
  'membership-invalid': 'The membership entry does not verify.',
  'departure-required': 'Leaving needs your signed departure.',
  'record-conflict': 'A different record with this id already exists.',
  'not-participant': 'You are not taking part in this round.',
  'round-closed': 'This round is closed.',
  'already-submitted': 'Your answer to this round is already in.',
  'rate-limited': 'Too many attempts; try again later.',
  internal: 'Something went wrong on our side.',
  unavailable: 'The service is not available right now.',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra response headers (Retry-After for rate-limited). */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, headers: Record<string, string> = {}) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.headers = headers;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export function errorBody(code: ErrorCode, message?: string): ErrorBody {
  return { error: { code, message: message ?? DEFAULT_MESSAGES[code] } };
}
