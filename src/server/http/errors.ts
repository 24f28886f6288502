/**
 * One error type for the whole server: AppError(code) carries a stable code from
 * src/shared/errors.ts, whose single HTTP status is looked up, never chosen at the throw site.
 */
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
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
  'push-disabled': 'Push notifications are turned off on this server.',
  'push-endpoint-invalid': 'The push endpoint must be an https URL of a push service.',
  'push-time-zone-invalid': 'The time zone is not a known IANA time zone.',
  'run-open': 'A match between you two is already under way.',
  'too-soon': 'A new match between you two can start a little later.',
  'run-closed': 'This match is no longer open.',
  'phase-not-ready': 'Both first messages are not in yet.',
  'push-time-invalid': 'A reminder must be due between now and a year ahead.',
  'rate-limited': 'Too many attempts; try again later.',
  'signup-closed': 'New accounts on this server need an invitation or a sign-up link.',
  'signup-link-invalid': 'This sign-up link is not valid (used already, or expired).',
  'storage-full-person': 'Your storage on this server is full.',
  'storage-full-space': 'This space\'s storage on this server is full.',
  'too-many-spaces': 'You are in as many shared spaces as this server allows.',
  'too-many-invites': 'You have as many open invitations as this server allows.',
  'too-many-writes': 'Too many writes at once; try again shortly.',
  'wrong-host': 'This server answers only under its public address.',
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

const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'unavailable',
};

/**
 * The one answer to a thrown error: an AppError as itself, a framework's 4xx as its code, and
 * anything else as 'internal' after logging what helps (never the request body, headers or URL).
 */
export function renderError(error: unknown, logger: Logger, method: string): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (error instanceof AppError) return { status: error.status, body: error.toBody(), headers: error.headers };
  if (error instanceof HTTPException && error.status < 500) {
    const code = HTTP_STATUS_CODES[error.status] ?? 'bad-request';
    return { status: ERROR_STATUS[code], body: errorBody(code) };
  }
  const err = error as Error & { code?: unknown };
  logger.error(
    { err: { name: err.name, message: err.message, code: typeof err.code === 'string' ? err.code : undefined, stack: err.stack }, method },
    'unhandled error',
  );
  return { status: 500, body: errorBody('internal') };
}
