/**
 * Every error code an action can raise, mapped to a kind (how the screen treats it) and a
 * catalog message (`errors.<code>`). Screens call `describeError(err)` and never show
 * `err.message`, which is for logs and developers.
 */
import { ERROR_STATUS, type ErrorCode } from '../../../shared/errors.ts';
import { ActionError, CLIENT_ERROR_CODES } from './action-error.ts';
import { has, t } from '../messages.ts';

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type KnownErrorCode = ErrorCode | ClientErrorCode;

/**
 * - input: something the person typed needs a change;
 * - auth: a password, code or session was not accepted;
 * - invite: the invite cannot be used (each has its own next step on the join screen);
 * - conflict: something changed meanwhile, trying again usually works;
 * - network: the server could not be reached; trying again later works;
 * - limit: too many attempts, wait;
 * - server: the server failed; trying again may work;
 * - security: a check that protects privacy failed; say so calmly and clearly.
 */
export type ErrorKind = 'input' | 'auth' | 'invite' | 'conflict' | 'network' | 'limit' | 'server' | 'security';

export const ERROR_KINDS = {
  'bad-request': 'input',
  'invalid-json': 'server',
  'payload-too-large': 'input',
  'unsupported-media-type': 'server',
  unauthenticated: 'auth',
  'invalid-credentials': 'auth',
  'invalid-recovery-code': 'auth',
  'csrf-rejected': 'security',
  forbidden: 'auth',
  'not-found': 'server',
  'invite-not-found': 'invite',
  'invite-expired': 'invite',
  'invite-used': 'invite',
  'invite-revoked': 'invite',
  'email-taken': 'input',
  'id-taken': 'conflict',
  'already-member': 'invite',
  'personal-space': 'input',
  'stale-epoch': 'conflict',
  'rotation-required': 'conflict',
  'epoch-conflict': 'conflict',
  'members-mismatch': 'conflict',
  'departure-required': 'conflict',
  'record-conflict': 'conflict',
  'not-participant': 'auth',
  'round-closed': 'conflict',
  'already-submitted': 'conflict',
  'push-disabled': 'server',
  'push-endpoint-invalid': 'server',
  'push-time-zone-invalid': 'input',
  'run-open': 'conflict',
  'too-soon': 'conflict',
  'run-closed': 'conflict',
  'phase-not-ready': 'conflict',
  'push-time-invalid': 'input',
  'rate-limited': 'limit',
  'signup-closed': 'auth',
  'signup-link-invalid': 'auth',
  'storage-full-person': 'limit',
  'storage-full-space': 'limit',
  'too-many-spaces': 'limit',
  'too-many-invites': 'limit',
  'too-many-writes': 'limit',
  'wrong-host': 'security',
  internal: 'server',
  unavailable: 'network',
  network: 'network',
  offline: 'network',
  'kdf-params-too-weak': 'security',
  'recovery-code-malformed': 'input',
  'invite-link-malformed': 'invite',
  'invite-mac-invalid': 'security',
  'membership-invalid': 'security',
  'decrypt-failed': 'security',
  'wrong-password': 'auth',
  'platform-unlock-failed': 'auth',
} as const satisfies Record<KnownErrorCode, ErrorKind>;

/** Codes whose action is worth simply trying again (a "Try again" button makes sense). */
const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set(['conflict', 'network', 'server']);

export interface DescribedError {
  code: string;
  kind: ErrorKind;
  message: string;
  retryable: boolean;
}

function isKnownErrorCode(code: string): code is KnownErrorCode {
  return Object.hasOwn(ERROR_KINDS, code);
}

/** The code of anything thrown: an ActionError's code, 'network' for a failed fetch, else 'unknown'. */
function errorCode(err: unknown): string {
  if (err instanceof ActionError) return err.code;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && isKnownErrorCode(err.code)) {
    return err.code;
  }
  // fetch() rejects with a TypeError when the network is down.
  if (err instanceof TypeError && /fetch|network/i.test(err.message)) return 'network';
  return 'unknown';
}

export function describeError(err: unknown): DescribedError {
  const code = errorCode(err);
  const kind: ErrorKind = isKnownErrorCode(code) ? ERROR_KINDS[code] : 'server';
  const key = `errors.${code}`;
  const message = has(key) ? t(key) : t('errors.unknown');
  return { code, kind, message, retryable: RETRYABLE_KINDS.has(kind) };
}

/** Every code the app knows, for tests that check the catalog is complete. */
export const ALL_ERROR_CODES: readonly KnownErrorCode[] = [
  ...(Object.keys(ERROR_STATUS) as ErrorCode[]),
  ...CLIENT_ERROR_CODES,
];
