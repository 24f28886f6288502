/**
 * PIN -> a 32-byte secret through Argon2id, for the app lock (web/vault/app-lock.ts). A PIN has
 * very little entropy (a 6-digit PIN is 20 bits), so no KDF makes it strong on its own: what
 * protects it is the try limit on the device and the non-extractable device key it is mixed with
 * before it wraps anything. Argon2id only makes each guess cost something for someone who copied
 * the browser's files together with that key. The parameters are OWASP's smallest recommended
 * Argon2id setting (19 MiB, t=2, p=1), so a try takes a fraction of a second on a phone.
 * They are fixed in code (nothing a server hands out) and stored nowhere.
 */
import { utf8 } from './bytes.ts';
import { CryptoError } from './errors.ts';
import { argon2idRaw, type KdfParams } from './kdf.ts';
import { isPinShape } from './pin-shape.ts';

export const PIN_KDF: Readonly<KdfParams> = Object.freeze({ algorithm: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 1 });
export const PIN_SALT_BYTES = 16;

export async function derivePinSecret(pin: string, salt: Uint8Array): Promise<Uint8Array> {
  if (!isPinShape(pin)) throw new CryptoError('invalid-input', 'a PIN is 4 to 12 digits');
  if (salt.length < PIN_SALT_BYTES) throw new CryptoError('invalid-input', 'salt too short');
  return argon2idRaw(utf8(pin), salt, PIN_KDF, 32);
}
