/**
 * Face ID or fingerprint through WebAuthn's PRF extension: a platform credential made for this
 * device only, whose PRF output (32 bytes the authenticator gives only after it has verified the
 * person) wraps the kept unlock (app-lock.ts). Nothing goes to the server: there is no
 * challenge to check and no signature to keep, only the PRF output matters, so the
 * credential is never used to sign in anywhere.
 */
import { ActionError } from '../platform/errors/action-error.ts';

type Bytes = Uint8Array<ArrayBuffer>;

interface PrfOutputs {
  enabled?: boolean;
  results?: { first?: BufferSource };
}

interface Capabilities {
  [capability: string]: boolean | undefined;
}

type WithCapabilities = typeof PublicKeyCredential & { getClientCapabilities?: () => Promise<Capabilities> };

/**
 * Whether to offer it: a platform authenticator that verifies the person and a browser that
 * reports the PRF extension. Browsers without getClientCapabilities are not offered it: there
 * is no way to know PRF works before a credential is made.
 */
export async function platformUnlockSupported(): Promise<boolean> {
  if (typeof window === 'undefined' || !window.isSecureContext || typeof PublicKeyCredential === 'undefined') return false;
  const capabilities = await (PublicKeyCredential as WithCapabilities).getClientCapabilities?.().catch(() => null);
  if (!capabilities) return false;
  return capabilities['extension:prf'] === true && capabilities['userVerifyingPlatformAuthenticator'] === true;
}

const random = (length: number): Bytes => crypto.getRandomValues(new Uint8Array(length));

function prfOf(credential: Credential | null): PrfOutputs | undefined {
  if (!(credential instanceof PublicKeyCredential)) return undefined;
  return (credential.getClientExtensionResults() as { prf?: PrfOutputs }).prf;
}

function toBytes(source: BufferSource): Bytes {
  return source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength) as ArrayBuffer);
}

/** A cancelled prompt, a missing authenticator, or no PRF: one kind code the screens explain. */
function failed(error: unknown): never {
  if (error instanceof ActionError) throw error;
  throw new ActionError('platform-unlock-failed', (error as Error)?.name);
}

/** Asks the authenticator (it verifies the person) for the PRF output of `prfSalt`. */
export async function evaluatePlatformUnlock(credentialId: Bytes, prfSalt: Bytes): Promise<Bytes> {
  try {
    const assertion = await navigator.credentials.get({
      publicKey: {
        challenge: random(32),
        allowCredentials: [{ type: 'public-key', id: credentialId }],
        userVerification: 'required',
        timeout: 60_000,
        extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
      },
    });
    const first = prfOf(assertion)?.results?.first;
    if (!first) throw new ActionError('platform-unlock-failed', 'no prf output');
    return toBytes(first);
  } catch (error) {
    failed(error);
  }
}

/** Makes this device's credential and returns it with its first PRF output. */
export async function createPlatformUnlock(prfSalt: Bytes): Promise<{ credentialId: Bytes; prfOutput: Bytes }> {
  let credentialId: Bytes;
  let first: BufferSource | undefined;
  try {
    const credential = await navigator.credentials.create({
      publicKey: {
        // A neutral name: the device's own list of sign-in methods shows it.
        rp: { name: 'Innermost' },
        user: { id: random(16), name: 'App lock', displayName: 'App lock' },
        challenge: random(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required', residentKey: 'discouraged' },
        timeout: 60_000,
        extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
      },
    });
    const prf = prfOf(credential);
    if (!prf?.enabled || !(credential instanceof PublicKeyCredential)) throw new ActionError('platform-unlock-failed', 'prf not enabled');
    credentialId = new Uint8Array(credential.rawId);
    first = prf.results?.first;
  } catch (error) {
    failed(error);
  }
  // Some authenticators give PRF output only when asked to sign in; ask once more then.
  return { credentialId, prfOutput: first ? toBytes(first) : await evaluatePlatformUnlock(credentialId, prfSalt) };
}
