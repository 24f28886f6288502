/**
 * Every failure an action can raise. `code` is stable: an API error code from
 * src/shared/errors.ts, a crypto error code, or one of the client codes below. Screens map it to
 * a message from the catalog and never show `message` to people.
 */
export class ActionError extends Error {
  code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.code = code;
    this.name = 'ActionError';
  }
}

/** Client-side codes (in addition to the API's). */
export const CLIENT_ERROR_CODES = [
  'network', // could not reach the server
  'offline', // the action needs the server and the device is offline
  'kdf-params-too-weak', // the server offered weaker password hashing than we accept
  'recovery-code-malformed',
  'invite-link-malformed',
  'invite-mac-invalid', // a joiner's keys did not match the invite: not admitted
  'decrypt-failed',
  'wrong-password',
  'platform-unlock-failed', // face or fingerprint did not open the app lock (cancelled, or not this device's)
] as const;
