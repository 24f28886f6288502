/// <reference lib="webworker" />
/**
 * Argon2id runs here, off the main thread, so the screen stays responsive during the ~0.5 s
 * (64 MiB) it takes. The worker answers one derivation per message: the account's keys from a
 * password, the app lock's secret from a PIN, or an export archive's key from its passphrase.
 */
import { deriveAccountKeys, type KdfParams } from '../../crypto/kdf.ts';
import { derivePinSecret } from '../../crypto/pin.ts';
import { deriveArchiveKey, type ArchiveHeader } from '../../crypto/archive.ts';

type Request =
  | { id: number; kind?: 'account'; password: string; salt: Uint8Array; params: KdfParams }
  | { id: number; kind: 'pin'; pin: string; salt: Uint8Array }
  | { id: number; kind: 'archive'; passphrase: string; header: ArchiveHeader };

self.onmessage = async (event: MessageEvent<Request>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.kind === 'pin') {
      self.postMessage({ id, ok: true, secret: await derivePinSecret(request.pin, request.salt) });
      return;
    }
    if (request.kind === 'archive') {
      self.postMessage({ id, ok: true, secret: await deriveArchiveKey(request.passphrase, request.header) });
      return;
    }
    const keys = await deriveAccountKeys(request.password, request.salt, request.params);
    self.postMessage({ id, ok: true, masterKey: keys.masterKey, loginKey: keys.loginKey });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    self.postMessage({ id, ok: false, code: typeof code === 'string' ? code : 'kdf-failed' });
  }
};
